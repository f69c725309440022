import type { Compilable, CompiledQuery } from 'kysely';
import type pg from 'pg';

/** Marks a write whose answer nobody reads (see `writeWithNext`). A comment: PGlite runs it as is. */
const WITH_NEXT = '/* with next */ ';

/**
 * A write whose answer nobody reads (an audit row, a notice, a set of codes replaced): inside a
 * transaction on PostgreSQL it goes out together with the transaction's next statement, often
 * the COMMIT, so it costs no round trip of its own. It runs in the same order as before; if it
 * fails, that next statement fails with its error, and the transaction rolls back. Outside a
 * transaction, and on PGlite, it runs at once.
 *
 * Only for writes that no client input can make fail: an error caught by the caller to answer
 * something else would surface one statement late.
 */
export async function writeWithNext(
  db: { executeQuery(query: CompiledQuery): Promise<unknown> },
  query: Compilable,
): Promise<void> {
  const compiled = query.compile();
  await db.executeQuery({ ...compiled, sql: WITH_NEXT + compiled.sql });
}

const answered = (command: string | null) =>
  ({ command, rowCount: null, oid: 0, fields: [], rows: [] }) as unknown as pg.QueryResult;

const keyword = (statement: pg.QueryConfig) =>
  statement.text.length <= 8 ? statement.text.trim().toLowerCase() : '';

/**
 * One connection's statements, sent in pipeline mode (`pg`'s `pipeline: true`) so that several go
 * out in one write and come back in one round trip:
 * - a transaction's BEGIN waits for the transaction's first statement and goes with it;
 * - writes marked by `writeWithNext` wait for the next statement and go with it;
 * - a transaction in which nothing was sent ends without a word to the server.
 * Each statement keeps its own answer and error; the first error of a batch is the batch's.
 */
export class Pipeline {
  #held: pg.QueryConfig[] = [];
  #inTransaction = false;

  constructor(private readonly client: pg.PoolClient) {}

  /** Statements held back, not yet sent: a connection released with some is not reused. */
  get holding() {
    return this.#held.length > 0;
  }

  query(statement: pg.QueryConfig): Promise<pg.QueryResult> {
    const word = keyword(statement);
    if (word === 'begin') {
      this.#inTransaction = true;
      this.#held.push(statement);
      return Promise.resolve(answered('BEGIN'));
    }
    if (this.#inTransaction && statement.text.startsWith(WITH_NEXT)) {
      this.#held.push(statement);
      return Promise.resolve(answered(null));
    }
    if (word === 'commit' || word === 'rollback') {
      this.#inTransaction = false;
      // Nothing reached the server since BEGIN: there is no transaction there to end.
      if (this.#held.length > 0 && keyword(this.#held[0] as pg.QueryConfig) === 'begin') {
        const nothingSent = word === 'rollback' || this.#held.length === 1;
        if (nothingSent) {
          this.#held = [];
          return Promise.resolve(answered(word.toUpperCase()));
        }
      }
      // Writes held back by a transaction that rolls back are undone before they are done.
      if (word === 'rollback') this.#held = [];
    }
    return this.#send(statement);
  }

  async #send(statement: pg.QueryConfig) {
    const batch = [...this.#held, statement];
    this.#held = [];
    // Corked, the batch leaves in one write.
    const stream = (this.client as unknown as { connection?: { stream?: NodeJS.WritableStream } })
      .connection?.stream as
      | (NodeJS.WritableStream & { cork?(): void; uncork?(): void })
      | undefined;
    stream?.cork?.();
    let answers: Promise<pg.QueryResult>[];
    try {
      answers = batch.map((each) => this.client.query(each));
    } finally {
      stream?.uncork?.();
    }
    const settled = await Promise.allSettled(answers);
    // In order: a held write's error comes before the COMMIT's (then answered ROLLBACK).
    const failure = settled.find((each) => each.status === 'rejected');
    if (failure) throw failure.reason;
    return (settled.at(-1) as PromiseFulfilledResult<pg.QueryResult>).value;
  }
}
