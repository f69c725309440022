import { type Kysely, sql } from 'kysely';

/**
 * Security notices wait here, written in the transaction of the change they report, until a
 * worker has handed them to the email provider: a crash or a provider outage loses none, and no
 * request waits for one.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table outbound_notices (
    id bigint generated always as identity primary key,
    tenant_id text not null references tenants (id) on delete cascade,
    user_id uuid not null,
    type text not null,
    payload jsonb not null,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text,
    created_at timestamptz not null default now(),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
  )`.execute(db);
  await sql`create index outbound_notices_due on outbound_notices (next_attempt_at, id)`.execute(
    db,
  );
  await sql`create index outbound_notices_user on outbound_notices (user_id)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table outbound_notices`.execute(db);
}
