import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { ServerKeys } from '../crypto/keys.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/types.ts';
import { KEY_ROTATION_GRACE_HOURS_DEFAULT } from '../security-constants.ts';
import { reencryptAll } from '../services/key-rotation.ts';
import { recentRefusals } from '../services/refusals.ts';
import {
  createTenant,
  listTenants,
  loadTenant,
  revokeKey,
  rotateKey,
  updateTenant,
} from '../services/tenants.ts';
import { settingFlags, settingsFromFlags, settingsHelp } from './settings-flags.ts';

export const usage = `Usage: tfa <command> [options]

  tenant create --name NAME --origin ORIGIN [--origin ORIGIN…] [settings] [--json]
      Creates a tenant; prints its id and secret key (shown this once).
  tenant list [--json]
  tenant set --tenant ID [--name NAME] [--origin ORIGIN…] [settings] [--json]
      --origin replaces the allowed origins; settings change only what is given.
  tenant rotate-key --tenant ID [--grace-hours ${KEY_ROTATION_GRACE_HOURS_DEFAULT}] [--json]
      Issues a new secret key; the old ones keep working for the grace period (0 ends them now).
  tenant revoke-key --tenant ID --key sk_PREFIX
      Ends one key at once.
  tenant refusals --tenant ID [--limit 50] [--json]
      Recent sends refused by a limit, newest first: where an SMS-pumping attack shows.
  keys reencrypt [--json]
      After a key rotation: rewrites every encrypted value under ENCRYPTION_KEY, reading old ones
      with ENCRYPTION_PREVIOUS_KEYS. Safe while the server runs; run it again if it stops.
  migrate
      Runs the database migrations (the server also runs them on start).

Settings (tenant create / tenant set):
${settingsHelp()}
`;

export class UsageError extends Error {}

const options = {
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  tenant: { type: 'string' },
  key: { type: 'string' },
  'grace-hours': { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(Object.keys(settingFlags).map((flag) => [flag, { type: 'string' }])),
} as const;

function required(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${flag} is required`);
  return value;
}

function keyState(key: { revokedAt: Date | null; expiresAt: Date | null }) {
  if (key.revokedAt) return ' (revoked)';
  if (!key.expiresAt) return '';
  const verb = key.expiresAt > new Date() ? 'expires' : 'expired';
  return ` (${verb} ${key.expiresAt.toISOString()})`;
}

/** Runs one CLI command against an open database; writes its output through `write`. */
export async function runCommand(
  args: string[],
  db: Kysely<Database>,
  write: (text: string) => void,
  keys: () => Promise<ServerKeys> = async () => {
    throw new UsageError('This command needs the encryption keys');
  },
) {
  const { values, positionals } = parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: true,
  });
  const print = (json: unknown, text: string) =>
    write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);
  const command = positionals.join(' ');
  const settings = () => settingsFromFlags(values);

  switch (command) {
    case 'migrate': {
      const ran = await migrateToLatest(db);
      return write(ran.length ? `Ran ${ran.join(', ')}\n` : 'Already up to date\n');
    }
    case 'keys reencrypt': {
      const report = await reencryptAll(db, await keys());
      return print(
        report,
        `Re-encrypted ${report.phones} phone numbers, ${report.recoveryCodes} recovery codes and ${report.authenticatorApps} authenticator-app keys.\n` +
          (report.hashOnlyRecoveryCodes > 0
            ? `${report.hashOnlyRecoveryCodes} recovery codes are kept only as hashes: keep the previous key in ENCRYPTION_PREVIOUS_KEYS until those sets are replaced.\n`
            : 'Every value is under the current key: the previous keys may be removed.\n') +
          'Every value is now bound to its row: ENCRYPTION_READ_UNBOUND=false refuses older ones.\n',
      );
    }
    case 'tenant create': {
      if (!values.origin?.length)
        throw new UsageError('--origin is required (the site that embeds the elements)');
      const created = await createTenant(db, {
        name: required(values.name, 'name'),
        origins: values.origin ?? [],
        settings: settings(),
      });
      const { tenantId, secretKey } = created;
      return print(
        { tenantId, secretKey },
        `Tenant ${tenantId}\nSecret key (shown once, keep it on your backend): ${secretKey}\n`,
      );
    }
    case 'tenant list': {
      const tenants = await listTenants(db);
      return print(
        tenants,
        tenants
          .map(
            (t) =>
              `${t.id}  ${t.name}\n  origins: ${t.origins.join(' ') || '(none)'}\n` +
              `  keys: ${t.keys.map((k) => `${k.prefix}${keyState(k)}`).join(', ')}\n` +
              `  settings: ${JSON.stringify(t.settings)}\n`,
          )
          .join('') ||
          'No tenants yet. Create one with: tfa tenant create --name NAME --origin ORIGIN\n',
      );
    }
    case 'tenant set': {
      const tenant = await updateTenant(db, required(values.tenant, 'tenant'), {
        name: values.name,
        origins: values.origin,
        settings: settings(),
      });
      return print(tenant, `Updated ${tenant.id}: ${JSON.stringify(tenant)}\n`);
    }
    case 'tenant rotate-key': {
      const graceHours = Number(values['grace-hours'] ?? KEY_ROTATION_GRACE_HOURS_DEFAULT);
      if (!Number.isFinite(graceHours) || graceHours < 0)
        throw new UsageError('--grace-hours must be a number ≥ 0');
      const tenantId = required(values.tenant, 'tenant');
      const rotated = await rotateKey(db, tenantId, graceHours);
      return print(
        {
          tenantId,
          secretKey: rotated.secretKey,
          previousKeysExpireAt: rotated.previousKeysExpireAt,
        },
        `New secret key (shown once): ${rotated.secretKey}\n` +
          `Previous keys stop working at ${rotated.previousKeysExpireAt.toISOString()}\n`,
      );
    }
    case 'tenant revoke-key': {
      const tenantId = required(values.tenant, 'tenant');
      await loadTenant(db, tenantId);
      await revokeKey(db, tenantId, required(values.key, 'key'));
      return write('Revoked\n');
    }
    case 'tenant refusals': {
      const tenantId = required(values.tenant, 'tenant');
      await loadTenant(db, tenantId);
      const limit = Number(values.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new UsageError('--limit must be a whole number from 1 to 1000');
      }
      const { refusals } = await recentRefusals(db, tenantId, { limit });
      return print(
        refusals,
        refusals
          .map(
            (r) =>
              `${r.createdAt}  ${r.limit.padEnd(13)} user ${r.userId ?? '-'}  ip ${r.ip ?? '-'}  ${JSON.stringify(r.details)}\n`,
          )
          .join('') || 'No refused sends.\n',
      );
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}
