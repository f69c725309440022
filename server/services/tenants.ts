import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { randomId, safeEqual, sha256 } from '../crypto/tokens.ts';
import type { Database, Tenant } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { SECRET_KEY_BYTES } from '../security-constants.ts';
import { normaliseOrigin } from './origins.ts';
import { resolveSettings, type TenantSettings, validateSettingsChange } from './tenant-settings.ts';

export interface TenantContext {
  id: string;
  name: string;
  origins: string[];
  settings: TenantSettings;
}

const KEY_PATTERN = /^sk_([0-9a-f]{20})_([A-Za-z0-9_-]{43})$/;

function newSecretKey() {
  const id = randomBytes(10).toString('hex');
  const secret = randomBytes(SECRET_KEY_BYTES).toString('base64url');
  return { id, secretKey: `sk_${id}_${secret}`, secretHash: sha256(secret) };
}

async function insertKey(db: Kysely<Database>, tenantId: string) {
  const key = newSecretKey();
  await db
    .insertInto('api_keys')
    .values({ id: key.id, tenant_id: tenantId, secret_hash: key.secretHash })
    .execute();
  return { keyId: key.id, secretKey: key.secretKey };
}

async function setOrigins(db: Kysely<Database>, tenantId: string, origins: string[]) {
  const unique = [...new Set(origins.map(normaliseOrigin))];
  await db.deleteFrom('tenant_origins').where('tenant_id', '=', tenantId).execute();
  if (unique.length > 0) {
    await db
      .insertInto('tenant_origins')
      .values(unique.map((origin) => ({ tenant_id: tenantId, origin })))
      .execute();
  }
}

export async function createTenant(
  db: Kysely<Database>,
  input: { name: string; origins: string[]; settings?: Record<string, unknown> },
) {
  const name = input.name.trim();
  if (!name) throw new AppError('invalid_request', { message: 'A tenant needs a name.' });
  const settings = validateSettingsChange({}, input.settings ?? {});
  return db.transaction().execute(async (trx) => {
    const id = randomId('ten_');
    await trx
      .insertInto('tenants')
      .values({ id, name, settings: JSON.stringify(settings) })
      .execute();
    await setOrigins(trx, id, input.origins);
    const { secretKey, keyId } = await insertKey(trx, id);
    return { tenantId: id, secretKey, keyId };
  });
}

export async function updateTenant(
  db: Kysely<Database>,
  tenantId: string,
  change: { name?: string; origins?: string[]; settings?: Record<string, unknown> },
) {
  return db.transaction().execute(async (trx) => {
    const tenant = await findTenantRow(trx, tenantId);
    const settings = validateSettingsChange(tenant.settings, change.settings ?? {});
    await trx
      .updateTable('tenants')
      .set({ name: change.name?.trim() || tenant.name, settings: JSON.stringify(settings) })
      .where('id', '=', tenantId)
      .execute();
    if (change.origins) await setOrigins(trx, tenantId, change.origins);
    if (settings.recoveryCodesViewable === false) {
      // Viewing turned off: the encrypted copies that made it possible go too.
      await trx
        .updateTable('recovery_code_sets')
        .set({ codes_sealed: null, codes_encrypted: null })
        .where('tenant_id', '=', tenantId)
        .execute();
    }
    return loadTenant(trx, tenantId);
  });
}

async function findTenantRow(db: Kysely<Database>, tenantId: string): Promise<Tenant> {
  const tenant = await db
    .selectFrom('tenants')
    .selectAll()
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!tenant) throw new AppError('not_found', { message: `No tenant ${tenantId}.` });
  return tenant;
}

/** The tenant with its origins, in one query: every request of a partner or a widget reads it. */
export async function loadTenant(db: Kysely<Database>, tenantId: string): Promise<TenantContext> {
  const tenant = await db
    .selectFrom('tenants')
    .select(['id', 'name', 'settings'])
    .select(
      sql<string[]>`coalesce((select array_agg(origin order by origin) from tenant_origins
        where tenant_id = tenants.id), '{}')`.as('origins'),
    )
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!tenant) throw new AppError('not_found', { message: `No tenant ${tenantId}.` });
  return {
    id: tenant.id,
    name: tenant.name,
    origins: [...tenant.origins].sort(),
    settings: resolveSettings(tenant.settings),
  };
}

export async function listTenants(db: Kysely<Database>) {
  const tenants = await db.selectFrom('tenants').select('id').orderBy('created_at').execute();
  const keys = await db
    .selectFrom('api_keys')
    .select(['id', 'tenant_id', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .orderBy('created_at')
    .execute();
  return Promise.all(
    tenants.map(async ({ id }) => ({
      ...(await loadTenant(db, id)),
      keys: keys
        .filter((key) => key.tenant_id === id)
        .map((key) => ({
          prefix: `sk_${key.id}_…`,
          createdAt: key.created_at,
          expiresAt: key.expires_at,
          revokedAt: key.revoked_at,
          lastUsedAt: key.last_used_at,
        })),
    })),
  );
}

/**
 * A new key; the tenant's other live keys keep working for `graceHours` (0 ends them now), so a
 * partner can deploy the new key before the old one stops.
 */
export async function rotateKey(db: Kysely<Database>, tenantId: string, graceHours: number) {
  return db.transaction().execute(async (trx) => {
    await findTenantRow(trx, tenantId);
    const expiresAt = new Date(Date.now() + graceHours * 3_600_000);
    await trx
      .updateTable('api_keys')
      .set({ expires_at: expiresAt })
      .where('tenant_id', '=', tenantId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', expiresAt)]))
      .execute();
    return { ...(await insertKey(trx, tenantId)), previousKeysExpireAt: expiresAt };
  });
}

export async function revokeKey(db: Kysely<Database>, tenantId: string, keyPrefix: string) {
  const keyId = keyPrefix.replace(/^sk_/, '').replace(/_.*$/, '');
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n)
    throw new AppError('not_found', { message: `No live key ${keyPrefix}.` });
}

/** The tenant a `sk_…` key belongs to, if the key is live; the secret is compared in constant time. */
export async function authenticateSecretKey(
  db: Kysely<Database>,
  secretKey: string,
): Promise<TenantContext> {
  const match = KEY_PATTERN.exec(secretKey);
  const unauthorized = new AppError('unauthorized', { message: 'Invalid or revoked secret key.' });
  if (!match) throw unauthorized;
  const [, keyId, secret] = match as unknown as [string, string, string];
  const key = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', keyId)
    .executeTakeFirst();
  const now = new Date();
  const live = key && !key.revoked_at && (!key.expires_at || key.expires_at > now);
  if (!key || !safeEqual(sha256(secret), key.secret_hash) || !live) throw unauthorized;
  if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', keyId).execute();
  }
  return loadTenant(db, key.tenant_id);
}
