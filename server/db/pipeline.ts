import type { Compilable, CompiledQuery } from 'kysely';
import pg from 'pg';
import { preparedQuery } from './prepared-statements.ts';

type Executor = { executeQuery(query: CompiledQuery): Promise<{ rows: unknown[] }> };

/** Marks a write whose answer nobody reads (see `writeWithNext`). A comment: PGlite runs it as is. */
const WITH_NEXT = '/* with next */ ';
/** Marks a read that goes right behind the next statement (see `readAfterNext`). */
const AFTER_NEXT = '/* after next */ ';
/**
 * On the rows a held read first answers: the promise of its real rows. Kysely hands the driver's
 * rows array to the caller as it is (tests/server/pipeline.test.ts reads through it).
 */
const LATER = Symbol('rows to come');
type Rows = unknown[] & { [LATER]?: Promise<unknown[]> };

/**
 * A write whose answer nobody reads (an audit row, a notice, a set of codes replaced): inside a
 * transaction on PostgreSQL it goes out together with the transaction's next statement, often
 * the COMMIT, so it costs no round trip of its own. It runs in the same order as before; if it
 * fails, that next statement fails with its error, and the transaction rolls back. Outside a
 * transaction, and on PGlite, it runs at once.
 *
 * Only for writes that no client input can make fail, or whose failure the caller reads from the
 * transaction's end (the send limits' count, the last statement before the commit): an error
 * caught to answer something else would surface one statement late.
 */
export async function writeWithNext(db: Executor, query: Compilable): Promise<void> {
  const compiled = query.compile();
  await db.executeQuery({ ...compiled, sql: WITH_NEXT + compiled.sql });
}

/**
 * A read that must run after the transaction's next statement (a row lock it may wait for) and
 * see what it did: on PostgreSQL it goes out right behind that statement, in the same round trip,
 * and PostgreSQL runs it once that statement is done, with a snapshot of its own. Call it, send
 * the next statement, then await the rows (`map`ped, if given). On PGlite, which runs one
 * transaction at a time, it runs at once: no other transaction can change what it reads before
 * the next statement runs.
 *
 * A caller that gives up before awaiting it (the statement before it failed) leaves no unhandled
 * rejection behind; one that awaits it still gets the error.
 */
export function readAfterNext<Row, Answer = Row[]>(
  db: Executor,
  query: Compilable<Row>,
  map: (rows: Row[]) => Answer = (rows) => rows as Answer,
): Promise<Answer> {
  const compiled = query.compile();
  const answer = db
    .executeQuery({ ...compiled, sql: AFTER_NEXT + compiled.sql })
    // Held (a transaction on PostgreSQL): its rows come later; otherwise these are they.
    .then(({ rows }) => (rows as Rows)[LATER] ?? rows)
    .then((rows) => map(rows as Row[]));
  answer.catch(() => {});
  return answer;
}

const answered = (command: string | null) =>
  ({ command, rowCount: null, oid: 0, fields: [], rows: [] }) as unknown as pg.QueryResult;

const keyword = (text: string) => (text.length <= 8 ? text.trim().toLowerCase() : '');

interface Held {
  statement: pg.QueryConfig;
  /** A read whose rows someone awaits (readAfterNext). */
  read?: { answer(rows: unknown[]): void; fail(error: unknown): void };
}

/**
 * One connection's statements, sent in pipeline mode (`pg`'s `pipeline: true`) so that several go
 * out in one write and come back in one round trip:
 * - a transaction's BEGIN waits for the transaction's first statement and goes with it;
 * - writes marked by `writeWithNext` wait for the next statement and go before it;
 * - reads marked by `readAfterNext` wait for the next statement and go right after it;
 * - a transaction in which nothing was sent ends without a word to the server.
 * Each statement keeps its own answer and error; the first error of a batch is the batch's.
 * Statements with values go as named prepared statements (prepared-statements.ts).
 */
export class Pipeline {
  #before: Held[] = [];
  #after: Held[] = [];
  #inTransaction = false;

  constructor(private readonly client: pg.PoolClient) {}

  /** Statements held back, not yet sent: a connection released with some is not reused. */
  get holding() {
    return this.#before.length > 0 || this.#after.length > 0;
  }

  query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    const word = keyword(text);
    if (word === 'begin') {
      this.#inTransaction = true;
      this.#before.push({ statement: { text, values } });
      return Promise.resolve(answered('BEGIN'));
    }
    if (this.#inTransaction && text.startsWith(AFTER_NEXT)) {
      let read!: Held['read'];
      const later = new Promise<unknown[]>((answer, fail) => {
        read = { answer, fail };
      });
      later.catch(() => {});
      this.#after.push({ statement: preparedQuery(text, values), read });
      const rows: Rows = Object.assign([], { [LATER]: later });
      return Promise.resolve({ ...answered(null), rows });
    }
    if (this.#inTransaction && text.startsWith(WITH_NEXT)) {
      this.#before.push({ statement: preparedQuery(text, values) });
      return Promise.resolve(answered(null));
    }
    if (word === 'commit' || word === 'rollback') return this.#end(word, text);
    return this.#send({ statement: preparedQuery(text, values) });
  }

  #end(word: 'commit' | 'rollback', text: string) {
    this.#inTransaction = false;
    const nothingSent = keyword(this.#before[0]?.statement.text ?? '') === 'begin';
    // Reads awaited behind a COMMIT go before it: the last the transaction does.
    const reads = this.#after;
    this.#after = [];
    this.#before.push(...reads);
    if (word === 'rollback' || (nothingSent && this.#before.length === 1)) {
      // Nothing reached the server since BEGIN (no transaction there to end), or what is held
      // belongs to a transaction that rolls back: undone before it is done.
      const dropped = this.#before;
      this.#before = [];
      for (const held of dropped) held.read?.fail(new Error('Rolled back before it ran'));
      if (nothingSent) return Promise.resolve(answered(word.toUpperCase()));
    }
    return this.#send({ statement: { text, values: [] } });
  }

  /**
   * `client.query(config)` copies the config by its property descriptors, which costs more than
   * the rest of building the query (about 2 µs a statement); a query made from the text and then
   * named (the field `pg` prepares it by: tests/server/prepared-statements.test.ts) is the same
   * query without the copy.
   */
  #submit({ name, text, values }: pg.QueryConfig) {
    return new Promise<pg.QueryResult>((resolve, reject) => {
      const query = new pg.Query(text, values, (error, result) =>
        error ? reject(error) : resolve(result),
      );
      if (name) (query as { name?: string }).name = name;
      this.client.query(query);
    });
  }

  async #send(next: Held) {
    const batch = [...this.#before, next, ...this.#after];
    this.#before = [];
    this.#after = [];
    // Corked, the batch leaves in one write.
    const stream = (this.client as unknown as { connection?: { stream?: NodeJS.WritableStream } })
      .connection?.stream as
      | (NodeJS.WritableStream & { cork?(): void; uncork?(): void })
      | undefined;
    stream?.cork?.();
    let answers: Promise<pg.QueryResult>[];
    try {
      answers = batch.map((held) => this.#submit(held.statement));
    } finally {
      stream?.uncork?.();
    }
    const settled = await Promise.allSettled(answers);
    batch.forEach((held, i) => {
      const outcome = settled[i] as PromiseSettledResult<pg.QueryResult>;
      if (outcome.status === 'fulfilled') held.read?.answer(outcome.value.rows);
      else held.read?.fail(outcome.reason);
    });
    // In order: a held write's error comes before the COMMIT's (then answered ROLLBACK).
    const own = settled.slice(0, batch.indexOf(next) + 1);
    const failure = own.find((each) => each.status === 'rejected');
    if (failure) throw failure.reason;
    return (own.at(-1) as PromiseFulfilledResult<pg.QueryResult>).value;
  }
}
