import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';

/**
 * Runs the migrator only when the database lacks one of the migrations: its table checks and lock
 * cost each command about a second on the embedded database, where one query tells the same.
 */
// biome-ignore lint/suspicious/noExplicitAny: reads the migrator's own table, outside the schema.
export async function migrateIfBehind(db: Kysely<any>): Promise<string[]> {
  const known = Object.keys(migrations).sort();
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`
    .execute(db)
    .then(({ rows }) => rows.map((row) => row.name))
    // No migration table yet: a new database, for the migrator to set up.
    .catch(() => []);
  if (applied.length === known.length && applied.every((name, i) => name === known[i])) return [];
  return migrateToLatest(db);
}
