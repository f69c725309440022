import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { guardedPool } from './guarded-pool.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './types.ts';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const INT8_OID = 20;

/** The pool's size and timeouts: each a setting (`DATABASE_*` in docs/self-hosting.md). */
export interface PoolSettings {
  DATABASE_POOL_SIZE: number;
  DATABASE_CONNECT_TIMEOUT_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
}

export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  DATABASE_POOL_SIZE: 10,
  DATABASE_CONNECT_TIMEOUT_MS: 5000,
  DATABASE_STATEMENT_TIMEOUT_MS: 5000,
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 10_000,
};

/** Beyond the server's own statement timeout: how long a reply may take before the link is dead. */
const REPLY_MARGIN_MS = 1000;
/**
 * Idle this long, a connection sends TCP keep-alive probes (Node then probes each second, ten
 * times): the pool keeps idle connections, so a firewall or load balancer must not forget them,
 * and one that died silently is dropped within about 20 s (the next request that needs it opens a
 * new one), not found by a request's timeout.
 */
export const KEEPALIVE_IDLE_MS = 10_000;

/**
 * `pg` with int8 parsed to number, as PGlite does, so both drivers return the same rows; every
 * wait bounded: connecting, a statement (on the server), a reply (on our side, for a database that
 * stopped answering), and an open transaction left idle.
 */
export function postgresDialect(
  connectionString: string,
  settings: PoolSettings = DEFAULT_POOL_SETTINGS,
  onError: (error: Error) => void = () => {},
) {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({
    connectionString,
    max: settings.DATABASE_POOL_SIZE,
    // A fixed-size pool: a connection once opened stays (pg would close it after 10 s idle), so a
    // burst after a quiet spell does not wait for new connections and their statements' planning.
    min: settings.DATABASE_POOL_SIZE,
    types,
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    query_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS + REPLY_MARGIN_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS,
    // Several statements in one round trip (pipeline.ts); each still has its own answer.
    pipeline: true,
  } as pg.PoolConfig);
  return new PostgresDialect({ pool: guardedPool(pool, onError) });
}

export async function openPostgres(
  connectionString: string,
  settings?: PoolSettings,
  onError?: (error: Error) => void,
): Promise<DatabaseHandle> {
  const db = new Kysely<Database>({
    dialect: postgresDialect(connectionString, settings, onError),
  });
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
    // Loaded only for the embedded database: a server on PostgreSQL never pays for it.
    const { PGlite: EmbeddedPostgres } = await import('@electric-sql/pglite');
    return wrapPGlite(await EmbeddedPostgres.create(dir), unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

export function openDatabase(
  config: { DATABASE_URL?: string; DATA_DIR: string } & Partial<PoolSettings>,
  onError?: (error: Error) => void,
) {
  if (!config.DATABASE_URL) return openPGlite(config.DATA_DIR);
  return openPostgres(
    config.DATABASE_URL,
    { ...DEFAULT_POOL_SETTINGS, ...definedOnly(config) },
    onError,
  );
}

function definedOnly(config: Partial<PoolSettings>): Partial<PoolSettings> {
  return Object.fromEntries(
    Object.entries(config).filter(
      ([key, value]) => key in DEFAULT_POOL_SETTINGS && value !== undefined,
    ),
  );
}
