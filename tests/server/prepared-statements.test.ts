// Statements with values go as named prepared statements, so PostgreSQL parses and plans each
// text once per connection: the cost per statement the throughput depends on.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { preparedQuery } from '../../server/db/prepared-statements.ts';
import {
  isDatabaseUnavailable,
  isStalePlan,
  spoilsPreparedStatements,
} from '../../server/db/unavailable.ts';
import { createPostgresDatabase, oneConnection } from '../helpers/test-database.ts';

const { DATABASE_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? {}
  : { skip: 'needs PostgreSQL (DATABASE_URL): prepared statements are its own' };

test('a statement with values is named by its text; one without stays a plain query', () => {
  const first = preparedQuery('select $1::int as n', [1]);
  assert.ok(first.name, 'named');
  assert.equal(preparedQuery('select $1::int as n', [2]).name, first.name);
  assert.notEqual(preparedQuery('select $1::text as n', ['a']).name, first.name);
  assert.deepEqual(preparedQuery('begin', []), { text: 'begin', values: [] });
  // The same name for the same text in every process, whatever ran first.
  const digest = createHash('sha256').update('select $1::int as n').digest('hex');
  assert.equal(first.name, `tfa_${digest.slice(0, 32)}`);
});

test(
  'PostgreSQL prepares a statement once per connection and runs it again by name',
  needsPostgres,
  async (t) => {
    const db = oneConnection(t, DATABASE_URL as string);
    const text = 'select $1::int + 1 as n';
    for (const n of [1, 2, 3]) {
      const { rows } = await sql<{ n: number }>`select ${n}::int + 1 as n`.execute(db);
      assert.equal(rows[0]?.n, n + 1);
    }
    const { rows } = await sql<{ prepared: number; runs: number }>`
      select count(*)::int as prepared,
        coalesce(sum(generic_plans + custom_plans), 0)::int as runs
      from pg_prepared_statements where statement = ${text}`.execute(db);
    assert.deepEqual(rows[0], { prepared: 1, runs: 3 });
  },
);

test(
  'a statement made stale by a migration elsewhere fails once as unavailable; its connection is dropped and the retry works',
  needsPostgres,
  async (t) => {
    const created = await createPostgresDatabase(DATABASE_URL as string);
    const db = oneConnection(t, created.url);
    // Another instance, running a migration.
    const other = new pg.Client({ connectionString: created.url });
    await other.connect();
    t.after(async () => {
      await other.end();
      await created.drop();
    });
    await other.query('create table notes (id int primary key, body text)');
    await other.query("insert into notes values (1, 'a')");
    const read = () => sql<{ id: number }>`select * from notes where id = ${1}`.execute(db);
    assert.equal((await read()).rows.length, 1);
    await other.query('alter table notes add column added_at timestamptz');
    await assert.rejects(read, (error) => {
      assert.ok(isStalePlan(error), String(error));
      assert.ok(isDatabaseUnavailable(error), 'answered 503, to be retried');
      return true;
    });
    const { rows } = await read();
    assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), ['added_at', 'body', 'id']);
  },
);

test(
  'a connection that lost its prepared statements is dropped after the one failure',
  needsPostgres,
  async (t) => {
    const db = oneConnection(t, DATABASE_URL as string);
    const read = () => sql<{ n: number }>`select ${41}::int + 1 as n`.execute(db);
    assert.equal((await read()).rows[0]?.n, 42);
    // As a pooler in between that does not keep them would: the server forgets them all.
    await sql`deallocate all`.execute(db);
    await assert.rejects(read, (error) => spoilsPreparedStatements(error));
    assert.equal((await read()).rows[0]?.n, 42);
  },
);
