// One stack (server, demo clinic, PGlite) for the whole browser run: PGlite takes seconds to start.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWidget } from '../../../scripts/build-widget.ts';
import { startStack } from '../../../scripts/stack.ts';
import { updateTenant } from '../../../server/services/tenants.ts';

/**
 * The run replays in a minute what a patient does over weeks, from one address: per-user,
 * per-address and per-number limits are raised so they do not refuse the later journeys.
 */
const JOURNEY_SETTINGS = {
  signInSteps: ['email', 'sms'],
  codesPerUserPerHour: 1000,
  codesPerIpPerHour: 1000,
  smsPerNumberPer10Minutes: 1000,
  smsPerPrefixPerHour: 1000,
};
/** Unset whatever this shell points at: PGlite and the outbox, never a shared database or SMS. */
const LOCAL_ONLY = Object.fromEntries(
  [
    'PUBLIC_URL',
    'DATABASE_URL',
    'REDIS_URL',
    'PLIVO_AUTH_ID',
    'PLIVO_AUTH_TOKEN',
    'PLIVO_SENDER',
    'POSTMARK_SERVER_TOKEN',
    'POSTMARK_FROM',
  ].map((name) => [name, '']),
);
const HTTP_LIMITS = { perMinute: 10_000, sendsPerMinute: 1000, verifiesPerMinute: 1000 };

export async function startE2eStack() {
  const dir = await mkdtemp(join(tmpdir(), 'tfa-e2e-'));
  // Its own bundle, so a concurrent `npm start` or build never swaps dist/widget/ under the run.
  const widgetDir = join(dir, 'widget');
  await buildWidget({ outdir: widgetDir, manifest: false });
  const stack = await startStack({
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      ...LOCAL_ONLY,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    },
    dataDir: join(dir, 'data'),
    serverPort: 0,
    demoPort: 0,
    widgetDir,
    httpLimits: HTTP_LIMITS,
  });
  await updateTenant(stack.database.db, stack.tenant.tenantId, { settings: JOURNEY_SETTINGS });
  return {
    ...stack,
    async close() {
      await stack.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type E2eStack = Awaited<ReturnType<typeof startE2eStack>>;
