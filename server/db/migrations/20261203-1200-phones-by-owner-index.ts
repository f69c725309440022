import { type Kysely, sql } from 'kysely';

/**
 * A user's numbers are found by their owner index (tenant, user, id), as every query names both
 * ids: the older (user, status) index served none of them, and each new or activated number paid
 * an entry in it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists phone_factors_user_status`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index phone_factors_user_status on phone_factors (user_id, status)`.execute(db);
}
