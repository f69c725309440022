// Statements that can go out together do: a transaction's BEGIN with its first statement, the
// writes nobody reads the answer of (writeWithNext) with the statement after them, often the
// COMMIT, and a read that must follow a lock (readAfterNext) right behind it. Counted as writes on
// the database's socket; what each statement does, and when it runs, is unchanged.
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { test } from 'node:test';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_POOL_SETTINGS, postgresDialect } from '../../server/db/connect.ts';
import { readAfterNext, writeWithNext } from '../../server/db/pipeline.ts';
import { createPostgresDatabase } from '../helpers/test-database.ts';

const { DATABASE_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? {}
  : { skip: 'needs PostgreSQL (DATABASE_URL): the pipeline is the pg driver’s, over its socket' };

// Notes only: the pipeline works on the driver, whatever the tables.
interface Notes {
  notes: { id: number; body: string };
}

const urls = new WeakMap<Kysely<Notes>, string>();

/** A second session on the same database, beside the pool's. */
async function pgClient(t: { after(fn: () => Promise<void>): void }, db: Kysely<Notes>) {
  const client = new pg.Client({ connectionString: urls.get(db) });
  // Dropping the database at the end ends this session too.
  client.on('error', () => {});
  await client.connect();
  t.after(() => client.end());
  return client;
}

async function notesDatabase(t: { after(fn: () => Promise<void>): void }) {
  const created = await createPostgresDatabase(DATABASE_URL as string);
  const db = new Kysely<Notes>({
    // One connection: what a statement leaves behind is there for the next.
    dialect: postgresDialect(created.url, { ...DEFAULT_POOL_SETTINGS, DATABASE_POOL_SIZE: 1 }),
  });
  t.after(async () => {
    await db.destroy();
    await created.drop();
  });
  await sql`create table notes (id int primary key, body text not null)`.execute(db);
  urls.set(db, created.url);
  return db;
}

/** Writes to any socket while `work` runs (nothing else in this process writes meanwhile). */
async function socketWrites(work: () => Promise<unknown>) {
  const prototype = Socket.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = { _write: prototype._write, _writev: prototype._writev };
  let writes = 0;
  for (const name of ['_write', '_writev'] as const) {
    const original = originals[name] as (...args: unknown[]) => unknown;
    prototype[name] = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    Object.assign(prototype, originals);
  }
  return writes;
}

const bodies = async (db: Kysely<Notes>) =>
  (await db.selectFrom('notes').select('body').orderBy('id').execute()).map((row) => row.body);

test(
  "a transaction's BEGIN goes with its first statement, and a held write with its COMMIT",
  needsPostgres,
  async (t) => {
    const db = await notesDatabase(t);
    await bodies(db); // the connection is open before counting
    const writes = await socketWrites(() =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 1, body: 'first' }).execute();
        await writeWithNext(trx, trx.insertInto('notes').values({ id: 2, body: 'held' }));
      }),
    );
    assert.equal(writes, 2, 'BEGIN + insert, then held insert + COMMIT');
    assert.deepEqual(await bodies(db), ['first', 'held']);
  },
);

test('a held write runs before the statement after it, which sees it', needsPostgres, async (t) => {
  const db = await notesDatabase(t);
  const seen = await db.transaction().execute(async (trx) => {
    await writeWithNext(trx, trx.insertInto('notes').values({ id: 1, body: 'held' }));
    return bodies(trx);
  });
  assert.deepEqual(seen, ['held']);
});

test(
  'a held write that fails fails the transaction with its own error, and nothing of it stays',
  needsPostgres,
  async (t) => {
    const db = await notesDatabase(t);
    await db.insertInto('notes').values({ id: 1, body: 'before' }).execute();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 2, body: 'in the transaction' }).execute();
        // A duplicate key: the COMMIT it goes with answers ROLLBACK, and the error is the insert's.
        await writeWithNext(trx, trx.insertInto('notes').values({ id: 1, body: 'duplicate' }));
      }),
      (error: { code?: string }) => error.code === '23505',
    );
    assert.deepEqual(await bodies(db), ['before']);
    // The connection is fine for the next transaction.
    await db
      .transaction()
      .execute((trx) => trx.insertInto('notes').values({ id: 3, body: 'after' }).execute());
    assert.deepEqual(await bodies(db), ['before', 'after']);
  },
);

test(
  'a transaction that sent nothing ends without a word to the server',
  needsPostgres,
  async (t) => {
    const db = await notesDatabase(t);
    await bodies(db);
    const refused = new Error('refused before any statement');
    const writes = await socketWrites(() =>
      assert.rejects(
        db.transaction().execute(async () => {
          throw refused;
        }),
        refused,
      ),
    );
    assert.equal(writes, 0);
    // Held writes of a transaction that rolls back are never sent.
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await writeWithNext(trx, trx.insertInto('notes').values({ id: 1, body: 'undone' }));
        throw refused;
      }),
      refused,
    );
    assert.deepEqual(await bodies(db), []);
    // So are held reads: whoever awaits one is told it never ran.
    let read: Promise<unknown[]> | undefined;
    const quiet = await socketWrites(() =>
      assert.rejects(
        db.transaction().execute(async (trx) => {
          read = readAfterNext(trx, trx.selectFrom('notes').select('body'));
          throw refused;
        }),
        refused,
      ),
    );
    assert.equal(quiet, 0);
    await assert.rejects(read as Promise<unknown[]>, /Rolled back before it ran/);
  },
);

test('outside a transaction, a held write runs at once', needsPostgres, async (t) => {
  const db = await notesDatabase(t);
  await writeWithNext(db, db.insertInto('notes').values({ id: 1, body: 'at once' }));
  assert.deepEqual(await bodies(db), ['at once']);
});

test(
  'a read sent behind a lock runs once the lock is held, and sees what the lock waited for',
  needsPostgres,
  async (t) => {
    const db = await notesDatabase(t);
    await db.insertInto('notes').values({ id: 1, body: 'original' }).execute();
    // Another transaction changes the row and holds it for a while.
    const created = await pgClient(t, db);
    await created.query('begin');
    await created.query("update notes set body = 'changed meanwhile' where id = 1");
    setTimeout(() => void created.query('commit'), 300);
    const { locked, read } = await db.transaction().execute(async (trx) => {
      const after = readAfterNext(trx, trx.selectFrom('notes').select('body').where('id', '=', 1));
      const lock = await trx
        .selectFrom('notes')
        .select('body')
        .where('id', '=', 1)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return { locked: lock.body, read: (await after)[0]?.body };
    });
    assert.equal(locked, 'changed meanwhile');
    assert.equal(read, 'changed meanwhile', 'read after the lock was held, not before it');
  },
);

test('a read behind a statement goes in its round trip', needsPostgres, async (t) => {
  const db = await notesDatabase(t);
  await db.insertInto('notes').values({ id: 1, body: 'original' }).execute();
  let read: string | undefined;
  const writes = await socketWrites(() =>
    db.transaction().execute(async (trx) => {
      const after = readAfterNext(trx, trx.selectFrom('notes').select('body').where('id', '=', 1));
      await trx.updateTable('notes').set({ body: 'updated' }).where('id', '=', 1).execute();
      read = (await after)[0]?.body;
    }),
  );
  assert.equal(read, 'updated');
  assert.equal(writes, 2, 'BEGIN + update + read in one write, then the COMMIT');
});

test(
  'a read behind a statement that fails fails too, and the transaction with it',
  needsPostgres,
  async (t) => {
    const db = await notesDatabase(t);
    let read: Promise<unknown[]> | undefined;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        read = readAfterNext(trx, trx.selectFrom('notes').select('body'));
        await sql`select * from no_such_table`.execute(trx);
      }),
      (error: { code?: string }) => error.code === '42P01',
    );
    await assert.rejects(read as Promise<unknown[]>);
    assert.deepEqual(await bodies(db), [], 'the connection still works');
  },
);
