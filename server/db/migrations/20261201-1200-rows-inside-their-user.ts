import { type Kysely, sql } from 'kysely';

const USER_CHILDREN = [
  'widget_sessions',
  'phone_factors',
  'verification_codes',
  'recovery_codes',
  'results',
  'trusted_browsers',
  'send_log',
];

/**
 * The schema itself keeps every row about a user inside that user's tenant: each child row's
 * (tenant_id, user_id) must name a user of that tenant, a code's session and phone must be its own
 * user's, so no query, however wrong, can attach one tenant's data to another's user. Also the
 * indexes that the foreign keys and the per-user lookups need.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add constraint users_tenant_user unique (tenant_id, id)`.execute(db);
  for (const table of USER_CHILDREN) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_user_id_fkey`)}`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_user_fkey`)}
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade`.execute(
      db,
    );
  }
  // An audit event outlives its user (the tenant keeps "a user was erased"): only user_id empties.
  await sql`alter table audit_events drop constraint audit_events_user_id_fkey`.execute(db);
  await sql`alter table audit_events add constraint audit_events_user_fkey
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete set null (user_id)`.execute(
    db,
  );

  await sql`alter table widget_sessions add constraint widget_sessions_owner unique (tenant_id, user_id, id)`.execute(
    db,
  );
  await sql`alter table phone_factors add constraint phone_factors_owner unique (tenant_id, user_id, id)`.execute(
    db,
  );
  await sql`alter table verification_codes drop constraint verification_codes_session_id_fkey`.execute(
    db,
  );
  await sql`alter table verification_codes add constraint verification_codes_session_fkey
    foreign key (tenant_id, user_id, session_id) references widget_sessions (tenant_id, user_id, id)
    on delete cascade`.execute(db);
  await sql`alter table verification_codes drop constraint verification_codes_phone_factor_id_fkey`.execute(
    db,
  );
  await sql`alter table verification_codes add constraint verification_codes_phone_fkey
    foreign key (tenant_id, user_id, phone_factor_id) references phone_factors (tenant_id, user_id, id)
    on delete cascade`.execute(db);

  // The foreign keys above, and the per-user lookups of the hot paths.
  await sql`create index phone_factors_user_status on phone_factors (user_id, status)`.execute(db);
  await sql`create index verification_codes_phone on verification_codes (phone_factor_id) where phone_factor_id is not null`.execute(
    db,
  );
  await sql`create index verification_codes_user on verification_codes (user_id)`.execute(db);
  await sql`create index widget_sessions_user on widget_sessions (user_id)`.execute(db);
  await sql`create index results_user on results (user_id)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'phone_factors_user_status',
    'verification_codes_phone',
    'verification_codes_user',
    'widget_sessions_user',
    'results_user',
  ]) {
    await sql`drop index ${sql.ref(index)}`.execute(db);
  }
  await sql`alter table verification_codes drop constraint verification_codes_phone_fkey`.execute(
    db,
  );
  await sql`alter table verification_codes add constraint verification_codes_phone_factor_id_fkey
    foreign key (phone_factor_id) references phone_factors (id) on delete cascade`.execute(db);
  await sql`alter table verification_codes drop constraint verification_codes_session_fkey`.execute(
    db,
  );
  await sql`alter table verification_codes add constraint verification_codes_session_id_fkey
    foreign key (session_id) references widget_sessions (id) on delete cascade`.execute(db);
  await sql`alter table phone_factors drop constraint phone_factors_owner`.execute(db);
  await sql`alter table widget_sessions drop constraint widget_sessions_owner`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_user_fkey`.execute(db);
  await sql`alter table audit_events add constraint audit_events_user_id_fkey
    foreign key (user_id) references users (id) on delete set null`.execute(db);
  for (const table of USER_CHILDREN) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_user_fkey`)}`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_user_id_fkey`)}
      foreign key (user_id) references users (id) on delete cascade`.execute(db);
  }
  await sql`alter table users drop constraint users_tenant_user`.execute(db);
}
