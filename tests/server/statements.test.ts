// Statements built once: each run puts its own values in, the text never changes, and a value used
// where Kysely would not make it a parameter is refused when the statement is built.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statement, statementPer } from '../../server/db/statements.ts';

const byUser = statement((db, values: { userId: string; tenantId: string }) =>
  db
    .selectFrom('users')
    .select('id')
    .where('id', '=', values.userId)
    .where('tenant_id', '=', values.tenantId)
    .where('failed_attempts', '<', 5),
);

test('each run has its own values, in their places, and the same text', () => {
  const first = byUser({ userId: 'u1', tenantId: 't1' }).compile();
  const second = byUser({ userId: 'u2', tenantId: 't2' }).compile();
  assert.deepEqual(first.parameters, ['u1', 't1', 5]);
  assert.deepEqual(second.parameters, ['u2', 't2', 5]);
  assert.equal(first.sql, second.sql);
  assert.match(first.sql, /"id" = \$1 and "tenant_id" = \$2 and "failed_attempts" < \$3/);
});

test('a value used twice is given in both places', () => {
  const twice = statement((db, values: { at: Date }) =>
    db.updateTable('users').set({ locked_until: values.at }).where('locked_until', '<', values.at),
  );
  const at = new Date();
  assert.deepEqual(twice({ at }).compile().parameters, [at, at]);
});

test('a value used where it would not be a parameter is refused when built', () => {
  const inList = statement((db, values: { ids: string[] }) =>
    db.selectFrom('users').select('id').where('id', 'in', values.ids),
  );
  assert.throws(() => inList({ ids: ['a'] }), /A list is a shape, not a value: ids/);
  const inText = statement((db, values: { id: string }) =>
    db.selectFrom('users').select('id').where('id', '=', `user-${values.id}`),
  );
  assert.throws(() => inText({ id: 'a' }), /only known when the statement runs/);
  const spread = statement((db, values: { email: string }) =>
    db.updateTable('users').set({ ...values }),
  );
  assert.throws(() => spread({ email: 'a' }), /name each one/);
  const inCondition = statement((db, values: { verified: boolean }) =>
    db
      .selectFrom('users')
      .select('id')
      .where('email', values.verified ? 'is not' : 'is', null),
  );
  assert.throws(
    () => inCondition({ verified: true }),
    /Not a parameter of the statement: verified/,
  );
});

test('a statement per shape: each shape built once, its constants in its text', () => {
  const byPurposes = statementPer(
    (purposes: readonly string[]) => (db, values: { id: string }) =>
      db
        .selectFrom('verification_codes')
        .select('id')
        .where('id', '=', values.id)
        .where('purpose', 'in', purposes),
  );
  const one = byPurposes(['setup'], { id: 'a' }).compile();
  const two = byPurposes(['setup', 'change-phone'], { id: 'b' }).compile();
  assert.deepEqual(one.parameters, ['a', 'setup']);
  assert.deepEqual(two.parameters, ['b', 'setup', 'change-phone']);
  assert.notEqual(one.sql, two.sql);
  assert.equal(byPurposes(['setup'], { id: 'c' }).compile().sql, one.sql);
});
