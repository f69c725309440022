import { type Kysely, sql } from 'kysely';

/**
 * A user's recovery codes as one row, not a row per code: a new set is one row written, checked
 * against its user once and entered in one index, where ten rows took ten foreign-key checks and
 * twenty index entries. Codes keep their order (an array's position is the code's), their hashes,
 * their encrypted copies (each sealed as before, so they still open) and which were used. A view of
 * the old name shows a row per code, for readers: reports and queries written for the old table.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema and never import app code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table recovery_code_sets (
    user_id uuid primary key,
    tenant_id text not null,
    code_hashes text[] not null,
    codes_encrypted text[],
    used_positions integer[] not null default '{}',
    created_at timestamptz not null default now(),
    constraint recovery_code_sets_user_fkey foreign key (tenant_id, user_id)
      references users (tenant_id, id) on delete cascade
  )`.execute(db);
  // A set's positions run from 0 without a gap: a new set rewrote them all.
  await sql`insert into recovery_code_sets
      (user_id, tenant_id, code_hashes, codes_encrypted, used_positions, created_at)
    select user_id, min(tenant_id),
      array_agg(code_hash order by position),
      case when bool_and(code_encrypted is not null)
        then array_agg(code_encrypted order by position) end,
      coalesce(array_agg(position order by position) filter (where used_at is not null), '{}'),
      min(created_at)
    from recovery_codes group by user_id`.execute(db);
  await sql`drop table recovery_codes`.execute(db);
  await sql`create view recovery_codes as
    select s.tenant_id, s.user_id, c.position - 1 as position, c.code_hash,
      s.codes_encrypted[c.position] as code_encrypted, s.created_at,
      c.position - 1 = any(s.used_positions) as used
    from recovery_code_sets s, unnest(s.code_hashes) with ordinality as c(code_hash, position)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view recovery_codes`.execute(db);
  await sql`create table recovery_codes (
    id uuid primary key default gen_random_uuid(),
    tenant_id text not null,
    user_id uuid not null,
    position integer not null,
    code_hash text not null,
    code_encrypted text,
    created_at timestamptz not null default now(),
    used_at timestamptz,
    constraint recovery_codes_user_fkey foreign key (tenant_id, user_id)
      references users (tenant_id, id) on delete cascade
  )`.execute(db);
  await sql`create unique index recovery_codes_user_position on recovery_codes (user_id, position)`.execute(
    db,
  );
  // When a code was used is not kept in a set: a used code comes back marked with its set's time.
  await sql`insert into recovery_codes
      (tenant_id, user_id, position, code_hash, code_encrypted, created_at, used_at)
    select s.tenant_id, s.user_id, c.position - 1, c.code_hash, s.codes_encrypted[c.position],
      s.created_at, case when c.position - 1 = any(s.used_positions) then s.created_at end
    from recovery_code_sets s, unnest(s.code_hashes) with ordinality as c(code_hash, position)`.execute(
    db,
  );
  await sql`drop table recovery_code_sets`.execute(db);
}
