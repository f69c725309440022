import type { Migration } from 'kysely';
import * as demoTables from './20261201-1000-demo-tables.ts';

/** The demo clinic's migrations, by name; names sort in the order they run. */
export const demoMigrations: Record<string, Migration> = {
  '20261201-1000-demo-tables': demoTables,
};
