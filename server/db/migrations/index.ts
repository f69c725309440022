import type { Migration } from 'kysely';
import * as foundation from './20261121-1200-foundation.ts';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '20261121-1200-foundation': foundation,
};
