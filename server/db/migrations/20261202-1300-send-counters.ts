import { type Kysely, sql } from 'kysely';

/**
 * The per-tenant send limits count here instead of counting the send log: one row per limit and
 * counted value (a number's blind index, a prefix's, a country, a user, a client address), holding
 * the counts of the last few buckets of its window. A send updates one row per limit, so a check
 * reads a fixed number of rows however many sends the window holds, and the row lock of that
 * update is the only lock: sends to other numbers, users or addresses do not wait for each other.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table send_counters (
    tenant_id text not null references tenants (id) on delete cascade,
    scope text not null,
    key text not null,
    bucket_seconds integer not null,
    bucket_start timestamptz not null,
    counts integer[] not null,
    primary key (tenant_id, scope, key)
  )`.execute(db);
  await sql`create index send_counters_bucket_start on send_counters (bucket_start)`.execute(db);
  // The send log is no longer counted: only the indexes its purge and its user's erasure need stay.
  for (const column of ['phone_index', 'prefix_index', 'country', 'ip_key', 'channel']) {
    await sql`drop index ${sql.ref(`send_log_${column}`)}`.execute(db);
  }
  await sql`create index send_log_created_at on send_log (created_at)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index send_log_created_at`.execute(db);
  for (const column of ['phone_index', 'prefix_index', 'country', 'ip_key', 'channel']) {
    await sql`create index ${sql.ref(`send_log_${column}`)} on send_log (tenant_id, ${sql.ref(column)}, created_at)`.execute(
      db,
    );
  }
  await sql`drop table send_counters`.execute(db);
}
