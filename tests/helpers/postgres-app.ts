import { randomBytes } from 'node:crypto';
import { type CompiledQuery, Kysely, sql } from 'kysely';
import pg from 'pg';
import { type AppOptions, buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { DEFAULT_POOL_SETTINGS, postgresDialect } from '../../server/db/connect.ts';
import type { Database } from '../../server/db/types.ts';
import { LogCapture, type TestApp, testConfig } from './build-app.ts';
import { createPostgresDatabase } from './test-database.ts';

/**
 * An app on a PostgreSQL database of its own, dropped after the test, with every statement Kysely
 * sends recorded in `queries`, and a plain client for seeding and EXPLAIN. For the tests that
 * measure what the hot paths cost the database (plans, statement counts).
 */
export async function appOnOwnPostgres(
  t: { after(fn: () => Promise<void>): void },
  options: {
    pool?: Partial<typeof DEFAULT_POOL_SETTINGS>;
    httpLimits?: AppOptions['httpLimits'];
  } = {},
) {
  const created = await createPostgresDatabase(process.env.DATABASE_URL as string);
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: postgresDialect(created.url, { ...DEFAULT_POOL_SETTINGS, ...options.pool }),
    log: (event) => {
      if (event.level === 'query') queries.push(event.query);
    },
  });
  const client = new pg.Client({ connectionString: created.url });
  await client.connect();
  const app = (await buildApp({
    config: testConfig(),
    database: { db, kind: 'postgres', close: () => db.destroy() },
    keys: deriveKeys(randomBytes(32)),
    logStream: new LogCapture(),
    ...(options.httpLimits ? { httpLimits: options.httpLimits } : {}),
  })) as unknown as TestApp;
  t.after(async () => {
    await app.close();
    await db.destroy();
    await client.end();
    await created.drop();
  });
  await app.ready();
  return { app, client, queries };
}

/** Until a statement of this database waits for a row lock (a request blocked behind a test's). */
export async function waitForLockWait(db: Kysely<Database>) {
  for (let tries = 0; tries < 200; tries += 1) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no statement ever waited for the lock');
}
