import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import {
  type DatabaseHandle,
  DEFAULT_POOL_SETTINGS,
  openPostgres,
  postgresDialect,
  wrapPGlite,
} from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import type { Database } from '../../server/db/types.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when `DATABASE_URL` is set (as `.ci/run` does). */
export function databaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache');

/**
 * A migrated PGlite data directory, dumped once and reused: initialising PGlite costs seconds and
 * hundreds of MB, loading a dump about one second. The dump is keyed by the migrations' source.
 */
async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../server/db/migrations');
  for (const name of Object.keys(migrations).sort()) {
    hash.update(await readFile(join(migrationsDir, `${name}.ts`)));
  }
  const path = join(cacheDir, `pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const pglite = await PGlite.create();
    await migrateToLatest(wrapPGlite(pglite).db);
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    await mkdir(cacheDir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, Buffer.from(await dump.arrayBuffer()));
    await rename(temporary, path);
    return dump;
  }
}

/** A new, migrated PostgreSQL database beside `url`'s, and how to drop it. */
export async function createPostgresDatabase(url: string) {
  const name = `tfa_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const migrator = await openPostgres(target.toString());
  await migrateToLatest(migrator.db);
  await migrator.close();
  return {
    url: target.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      // The pool reports closed before its connections are gone: wait, so none is killed mid-close.
      for (let tries = 0; tries < 50; tries += 1) {
        const { rows } = await dropper.query(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A fresh PostgreSQL database for one test file, dropped when closed. */
async function postgresDatabase(url: string): Promise<DatabaseHandle> {
  const created = await createPostgresDatabase(url);
  const handle = await openPostgres(created.url);
  return {
    ...handle,
    async close() {
      await handle.close();
      await created.drop();
    },
  };
}

export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'postgres') return postgresDatabase(process.env.DATABASE_URL as string);
  return wrapPGlite(await PGlite.create({ loadDataDir: await pgliteTemplate() }));
}

/** A pool of one PostgreSQL connection, so every statement runs in the same session. */
export function oneConnection(t: { after(fn: () => Promise<void>): void }, url: string) {
  const db = new Kysely<Database>({
    dialect: postgresDialect(url, { ...DEFAULT_POOL_SETTINGS, DATABASE_POOL_SIZE: 1 }),
  });
  t.after(() => db.destroy());
  return db;
}
