import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './types.ts';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const INT8_OID = 20;

/** `pg` with int8 parsed to number, as PGlite does, so both drivers return the same rows. */
export function postgresDialect(connectionString: string, max = 10) {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle connection that dies (a restart, a failover) is replaced by the next query, which
  // reports its own error; unheard, the pool's error event would crash the process.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

export async function openPostgres(connectionString: string): Promise<DatabaseHandle> {
  const db = new Kysely<Database>({ dialect: postgresDialect(connectionString) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** PGlite over an existing instance (tests load one from a migrated template). */
export function wrapPGlite(
  pglite: PGlite,
  onClose: () => Promise<void> = async () => {},
): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
      await onClose();
    },
  };
}

/** PGlite persisted under `dataDir/pglite`, locked so no second process opens it at once. */
export async function openPGlite(dataDir: string): Promise<DatabaseHandle> {
  const dir = join(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const unlock = await acquireDataDirLock(dataDir);
  try {
    return wrapPGlite(await PGlite.create(dir), unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

export function openDatabase(config: { DATABASE_URL?: string; DATA_DIR: string }) {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPGlite(config.DATA_DIR);
}
