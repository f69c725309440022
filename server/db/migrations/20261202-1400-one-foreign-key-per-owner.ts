import { type Kysely, sql } from 'kysely';

/**
 * Each row checks one foreign key for its owner, not two or three. A row whose user must be its
 * tenant's (tenant_id, user_id → users) already names an existing tenant through that user, and is
 * removed with the tenant through that user: the tenant's own key checked it again on every insert.
 * A code's session is its user's (tenant_id, user_id, session_id → widget_sessions), so the code's
 * user key was a third check of the same. Audit events keep theirs: they outlive their user, whose
 * id is then emptied. Also drops an index the (user_id, position) index already covers.
 */
const TENANT_KEY_COVERED_BY_USER = [
  'widget_sessions',
  'phone_factors',
  'verification_codes',
  'recovery_codes',
  'results',
  'trusted_browsers',
  'send_log',
  'outbound_notices',
  'totp_factors',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TENANT_KEY_COVERED_BY_USER) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_tenant_id_fkey`)}`.execute(
      db,
    );
  }
  await sql`alter table verification_codes drop constraint verification_codes_user_fkey`.execute(
    db,
  );
  await sql`drop index recovery_codes_user`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index recovery_codes_user on recovery_codes (user_id)`.execute(db);
  await sql`alter table verification_codes add constraint verification_codes_user_fkey
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade`.execute(
    db,
  );
  for (const table of TENANT_KEY_COVERED_BY_USER) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_tenant_id_fkey`)}
      foreign key (tenant_id) references tenants (id) on delete cascade`.execute(db);
  }
}
