import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { migrateIfBehind } from '../../server/cli/migrate-if-behind.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { PGliteDialect } from '../../server/db/pglite-dialect.ts';

test('the CLI migrates a new database, then checks a current one with a single query', async (t) => {
  const pglite = await PGlite.create();
  const queries: string[] = [];
  const db = new Kysely({
    dialect: new PGliteDialect(pglite),
    log: (event) => {
      queries.push(event.query.sql);
    },
  });
  t.after(async () => {
    await db.destroy();
    await pglite.close();
  });

  assert.deepEqual(await migrateIfBehind(db), Object.keys(migrations).sort());
  queries.length = 0;
  assert.deepEqual(await migrateIfBehind(db), []);
  assert.deepEqual(queries, ['select name from kysely_migration order by name']);
});
