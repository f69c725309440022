import { type Kysely, sql } from 'kysely';

/**
 * A user's numbers are found by their owner index (tenant, user, id), as every query names both
 * ids; no query looks a number up by its blind index in this table (the send limits read the send
 * log). The (user, status) and (tenant, blind index) indexes served no query, and each new or
 * activated number paid an entry in both.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists phone_factors_user_status`.execute(db);
  await sql`drop index if exists phone_factors_index`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index phone_factors_user_status on phone_factors (user_id, status)`.execute(db);
  await sql`create index phone_factors_index on phone_factors (tenant_id, phone_index)`.execute(db);
}
