// The move from a row per recovery code to a row per set: every code keeps its place, hash,
// encrypted copy and use, the copies still open (also once new sets are sealed together), and the
// way back restores the rows.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { seal } from '../../server/crypto/sealed-fields.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { PGliteDialect } from '../../server/db/pglite-dialect.ts';
import type { Database } from '../../server/db/types.ts';
import type { UserRef } from '../../server/repositories/refs.ts';
import {
  legacyRecoveryCodePlace,
  viewRecoveryCodes,
} from '../../server/services/recovery-codes.ts';

const BEFORE = '20261202-1400-one-foreign-key-per-owner';
const SETS = '20261203-1000-recovery-code-sets';
const SEALED_TOGETHER = '20261203-1300-recovery-codes-sealed-together';

test('recovery codes move into one row per set and back, nothing lost', async (t) => {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  t.after(async () => {
    await db.destroy();
    await pglite.close();
  });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const to = async (name: string) => {
    const { error } = await migrator.migrateTo(name);
    if (error) throw error;
  };
  await to(BEFORE);

  await sql`insert into tenants (id, name) values ('ten_a', 'A')`.execute(db);
  const users = await sql<{ id: string }>`insert into users (tenant_id, external_id)
    values ('ten_a', 'viewable'), ('ten_a', 'hash-only') returning id`.execute(db);
  const [viewable, hashOnly] = users.rows.map((row) => ({ tenantId: 'ten_a', userId: row.id })) as [
    UserRef,
    UserRef,
  ];
  const keys = deriveKeys(randomBytes(32));
  const codes = ['AAAABBBBCCCCDDDD', 'EEEEFFFFGGGGHHHH', 'JJJJKKKKMMMMNNNN'];
  const sealed = codes.map((code) => seal(keys, code, legacyRecoveryCodePlace(viewable)));
  // Written out of order, the second code used: position, not insertion, decides the order.
  for (const position of [2, 0, 1]) {
    const usedAt = position === 1 ? new Date() : null;
    await sql`insert into recovery_codes (tenant_id, user_id, position, code_hash, code_encrypted, used_at)
      values ('ten_a', ${viewable.userId}, ${position}, ${`hash-${position}`}, ${sealed[position]}, ${usedAt}),
        ('ten_a', ${hashOnly.userId}, ${position}, ${`other-${position}`}, null, null)`.execute(db);
  }

  await to(SETS);
  const sets = await db
    .selectFrom('recovery_code_sets')
    .select(['user_id', 'code_hashes', 'codes_encrypted', 'used_positions'])
    .orderBy('code_hashes')
    .execute();
  assert.deepEqual(sets, [
    {
      user_id: viewable.userId,
      code_hashes: ['hash-0', 'hash-1', 'hash-2'],
      codes_encrypted: sealed,
      used_positions: [1],
    },
    {
      user_id: hashOnly.userId,
      code_hashes: ['other-0', 'other-1', 'other-2'],
      codes_encrypted: null,
      used_positions: [],
    },
  ]);
  // Sets made from now on are sealed together; these keep their copies, code by code.
  await to(SEALED_TOGETHER);
  assert.deepEqual(
    await viewRecoveryCodes(db, keys, viewable),
    [
      { code: 'AAAA-BBBB-CCCC-DDDD', used: false },
      { code: 'EEEE-FFFF-GGGG-HHHH', used: true },
      { code: 'JJJJ-KKKK-MMMM-NNNN', used: false },
    ],
    'the copies sealed in the old rows still open',
  );
  assert.equal(await viewRecoveryCodes(db, keys, hashOnly), null);
  const view = await sql<{ position: number; code_hash: string; used: boolean }>`
    select position, code_hash, used from recovery_codes where user_id = ${viewable.userId}
    order by position`.execute(db);
  assert.deepEqual(
    view.rows,
    [
      { position: 0, code_hash: 'hash-0', used: false },
      { position: 1, code_hash: 'hash-1', used: true },
      { position: 2, code_hash: 'hash-2', used: false },
    ],
    'the old name still reads a row per code',
  );

  await to(BEFORE);
  const rows = await sql<{ code_hash: string; code_encrypted: string | null; used: boolean }>`
    select code_hash, code_encrypted, used_at is not null as used from recovery_codes
    order by user_id = ${viewable.userId} desc, position`.execute(db);
  assert.deepEqual(rows.rows, [
    { code_hash: 'hash-0', code_encrypted: sealed[0], used: false },
    { code_hash: 'hash-1', code_encrypted: sealed[1], used: true },
    { code_hash: 'hash-2', code_encrypted: sealed[2], used: false },
    { code_hash: 'other-0', code_encrypted: null, used: false },
    { code_hash: 'other-1', code_encrypted: null, used: false },
    { code_hash: 'other-2', code_encrypted: null, used: false },
  ]);
});
