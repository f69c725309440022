import { type Kysely, sql } from 'kysely';

/**
 * An authenticator app (TOTP) as a second method beside the phone: its secret sealed like a phone
 * number, the last time step it accepted (replay), at most one active and one pending app per
 * user. The method a user prefers to be asked for at sign-in, the account label a partner gives
 * a session for the app, the method a sign-in's second step asks for now, and the method a
 * result's code came from.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table totp_factors (
    id uuid primary key default gen_random_uuid(),
    tenant_id text not null references tenants (id) on delete cascade,
    user_id uuid not null,
    status text not null check (status in ('pending', 'active')),
    secret_encrypted text not null,
    last_used_step bigint,
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    constraint totp_factors_user_fkey foreign key (tenant_id, user_id)
      references users (tenant_id, id) on delete cascade
  )`.execute(db);
  await sql`create unique index totp_factors_one_active on totp_factors (user_id) where status = 'active'`.execute(
    db,
  );
  await sql`create unique index totp_factors_one_pending on totp_factors (user_id) where status = 'pending'`.execute(
    db,
  );
  // The foreign keys (a user's or a tenant's rows deleted) and the per-user lookups.
  await sql`create index totp_factors_owner on totp_factors (tenant_id, user_id)`.execute(db);
  await sql`alter table users add column preferred_method text
    check (preferred_method in ('sms', 'totp'))`.execute(db);
  await sql`alter table widget_sessions add column account_name text`.execute(db);
  await sql`alter table widget_sessions add column challenge_method text
    check (challenge_method in ('sms', 'totp'))`.execute(db);
  await sql`alter table results add column method text check (method in ('sms', 'totp'))`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table results drop column method`.execute(db);
  await sql`alter table widget_sessions drop column challenge_method`.execute(db);
  await sql`alter table widget_sessions drop column account_name`.execute(db);
  await sql`alter table users drop column preferred_method`.execute(db);
  await sql`drop table totp_factors`.execute(db);
}
