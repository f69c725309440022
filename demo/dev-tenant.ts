import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/types.ts';
import {
  authenticateSecretKey,
  createTenant,
  type TenantContext,
  updateTenant,
} from '../server/services/tenants.ts';

/**
 * The development tenant `npm start` gives the demo: what an operator does once with
 * `tfa tenant create`, done here on the server's database before the demo starts. The demo
 * itself only ever uses the secret key, over HTTP.
 */

export const DEV_TENANT_NAME = 'Demo clinic';
export const DEV_TENANT_FILE = 'demo-tenant.json';

export interface DevTenant {
  tenantId: string;
  secretKey: string;
  /** Whether it was created just now (otherwise reused from the file). */
  created: boolean;
}

async function readSaved(path: string): Promise<{ tenantId: string; secretKey: string } | null> {
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const { tenantId, secretKey } = saved;
    return typeof tenantId === 'string' && typeof secretKey === 'string'
      ? { tenantId, secretKey }
      : null;
  } catch {
    return null;
  }
}

/** The saved key's tenant, when the key still authenticates and belongs to the saved tenant. */
async function stillValid(db: Kysely<Database>, saved: { tenantId: string; secretKey: string }) {
  try {
    const tenant = await authenticateSecretKey(db, saved.secretKey);
    return tenant.id === saved.tenantId ? tenant : null;
  } catch {
    return null;
  }
}

/** Written whole (temporary file, then rename), readable by this user only: it holds a secret. */
async function save(path: string, value: { tenantId: string; secretKey: string }) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/**
 * The tenant saved in `DATA_DIR/demo-tenant.json` when its key still works, with `origin` added
 * to its origins if missing (DEMO_PORT changed); otherwise a new one, saved there.
 */
export async function ensureDevTenant(
  db: Kysely<Database>,
  options: { dataDir: string; origin: string },
): Promise<DevTenant> {
  await mkdir(options.dataDir, { recursive: true });
  const path = join(options.dataDir, DEV_TENANT_FILE);
  const saved = await readSaved(path);
  const tenant: TenantContext | null = saved && (await stillValid(db, saved));
  if (saved && tenant) {
    if (!tenant.origins.includes(options.origin)) {
      await updateTenant(db, tenant.id, { origins: [...tenant.origins, options.origin] });
    }
    return { ...saved, created: false };
  }
  const fresh = await createTenant(db, {
    name: DEV_TENANT_NAME,
    origins: [options.origin],
    settings: { signInSteps: ['email', 'sms'] },
  });
  const value = { tenantId: fresh.tenantId, secretKey: fresh.secretKey };
  await save(path, value);
  return { ...value, created: true };
}
