import { type Kysely, Migrator } from 'kysely';
import { demoMigrations } from './migrations/index.ts';

/**
 * Brings the demo's tables up to date. Its own migration and lock tables keep it apart from the
 * two-factor server's migrations in the same database.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateDemo(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => demoMigrations },
    migrationTableName: 'demo_migration',
    migrationLockTableName: 'demo_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).map((result) => result.migrationName);
}
