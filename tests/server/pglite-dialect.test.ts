import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from '../helpers/build-app.ts';

describeEachDatabase('database driver', ({ build }) => {
  test('a transaction is isolated: a failed one leaves nothing, a query outside never joins it', async (t) => {
    const app = await build(t);
    const id = `ten_tx_${Date.now()}`;
    let seenDuring: number | undefined;
    await assert.rejects(
      app.db.transaction().execute(async (trx) => {
        await trx.insertInto('tenants').values({ id, name: 'tx', settings: '{}' }).execute();
        const outside = app.db.selectFrom('tenants').select('id').where('id', '=', id).execute();
        seenDuring = (
          await Promise.race([outside, new Promise<[]>((r) => setTimeout(() => r([]), 50))])
        ).length;
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(seenDuring, 0, 'uncommitted row invisible outside');
    const after = await app.db.selectFrom('tenants').select('id').where('id', '=', id).execute();
    assert.equal(after.length, 0, 'rolled back');
  });

  test('both drivers return the same types: numbers for int8, Dates, parsed jsonb', async (t) => {
    const app = await build(t);
    const row = await sql<{
      n: number;
      at: Date;
      j: { a: number[] };
    }>`select 42::int8 as n, now() as at, '{"a":[1]}'::jsonb as j`.execute(app.db);
    assert.deepEqual(row.rows[0]?.n, 42);
    assert.ok(row.rows[0]?.at instanceof Date);
    assert.deepEqual(row.rows[0]?.j, { a: [1] });
  });

  test('affected row counts are reported', async (t) => {
    const app = await build(t);
    const id = `ten_rows_${Date.now()}`;
    await app.db.insertInto('tenants').values({ id, name: 'r', settings: '{}' }).execute();
    const updated = await app.db
      .updateTable('tenants')
      .set({ name: 's' })
      .where('id', '=', id)
      .executeTakeFirst();
    assert.equal(updated.numUpdatedRows, 1n);
  });
});
