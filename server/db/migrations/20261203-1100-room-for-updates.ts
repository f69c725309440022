import { type Kysely, sql } from 'kysely';

/**
 * Room in each page for a row's next version. A code is written once and then used or replaced, a
 * session is written once and then marked signed in or stepped up: none of those changes touches an
 * indexed column, so with room on the row's own page PostgreSQL writes the new version there and
 * adds no index entry (a heap-only update), where a full page made it add one to each index: four
 * for a code, five for a session. Pages written from now on keep a fifth free.
 */
const UPDATED_IN_PLACE = ['verification_codes', 'widget_sessions'];

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of UPDATED_IN_PLACE) {
    await sql`alter table ${sql.table(table)} set (fillfactor = 80)`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of UPDATED_IN_PLACE) {
    await sql`alter table ${sql.table(table)} reset (fillfactor)`.execute(db);
  }
}
