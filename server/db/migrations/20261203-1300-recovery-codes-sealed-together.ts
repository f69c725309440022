import { type Kysely, sql } from 'kysely';

/**
 * A viewable set's codes sealed together, as one value, where each code was sealed on its own:
 * one encryption per new set instead of one per code. Sets written before keep their copies, a
 * sealed value per code, in `codes_encrypted`, and open as before; only the server holds the key,
 * so no migration can reseal them (`tfa keys reencrypt` does).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table recovery_code_sets add column codes_sealed text`.execute(db);
}

/** Going back, sets sealed together are kept as hashes only: their codes still work, unviewable. */
// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table recovery_code_sets drop column codes_sealed`.execute(db);
}
