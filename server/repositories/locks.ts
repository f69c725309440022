import type { Kysely, Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statement } from '../db/statements.ts';
import type { Database, WidgetSession } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { SessionRef, UserRef } from './refs.ts';

/*
 * The one lock order. Every transaction that changes a user's state locks the user's row first,
 * then (when it changes the session) the widget session's row, never the reverse. Two paths that
 * took them in opposite orders each held what the other waited for, and PostgreSQL answered one of
 * them with "deadlock detected". Holding the user row also runs one user's changes one at a time,
 * so a check and the act that depends on it (disable after "is it on?") see the same state.
 *
 * FOR NO KEY UPDATE rather than FOR UPDATE: inserting a child row (a code, an audit event) checks
 * its foreign key with FOR KEY SHARE on this row, which NO KEY UPDATE lets through and FOR UPDATE
 * would block. Only erasing a user, which deletes the row, takes FOR UPDATE.
 *
 * The locking statement reads nothing beyond the rows it locks: when it had to wait, PostgreSQL
 * re-reads only the locked rows, and every other table (the user's methods, say) as it was before
 * the wait. What the change depends on is read by the statements after it (the user's methods
 * by the one right behind the lock, sent in the lock's round trip: locked-authentication.ts).
 *
 * Counters do not rely on this lock: they change by conditional updates (`n = n + 1 WHERE n < cap`),
 * so a path that forgot the lock still cannot loosen a limit.
 */

/** Sessions locked with their user's row (lockUser), until this transaction asks for them. */
const lockedWithUser = new WeakMap<Transaction<Database>, WidgetSession>();

const lockUserOnly = statement((db, ref: UserRef) =>
  db
    .selectFrom('users')
    .select(['id', 'failed_attempts', 'locked_until', 'email'])
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .forNoKeyUpdate(),
);

// Row locks are taken in the order of the FROM list: the user's, then the session's.
const lockUserAndSession = statement((db, ref: SessionRef) =>
  db
    .selectFrom('users as u')
    .innerJoin('widget_sessions as s', (join) =>
      join.onRef('s.user_id', '=', 'u.id').onRef('s.tenant_id', '=', 'u.tenant_id'),
    )
    .selectAll('s')
    .select([
      'u.failed_attempts as user_failed_attempts',
      'u.locked_until as user_locked_until',
      'u.email as user_email',
    ])
    .where('u.id', '=', ref.userId)
    .where('u.tenant_id', '=', ref.tenantId)
    .where('s.id', '=', ref.sessionId)
    .forNoKeyUpdate(),
);

/**
 * Locks the user's row for this transaction; answers what the lockout needs. Given a session too,
 * the same statement locks the session's row after the user's (the lock order above) and keeps it
 * for the transaction's `lockSession`, which then costs no statement.
 */
export async function lockUser(trx: Transaction<Database>, ref: UserRef & { sessionId?: string }) {
  if (!ref.sessionId) {
    const [user] = (await trx.executeQuery(lockUserOnly(ref))).rows;
    if (!user) throw new AppError('session_expired');
    return user;
  }
  const [row] = (await trx.executeQuery(lockUserAndSession({ ...ref, sessionId: ref.sessionId })))
    .rows;
  if (!row) throw new AppError('session_expired');
  const { user_failed_attempts, user_locked_until, user_email, ...session } = row;
  lockedWithUser.set(trx, session);
  return {
    id: ref.userId,
    failed_attempts: user_failed_attempts,
    locked_until: user_locked_until,
    email: user_email,
  };
}

/** The session's row was locked with its user's by another statement (locked-authentication.ts). */
export function rememberLockedSession(trx: Transaction<Database>, session: WidgetSession) {
  lockedWithUser.set(trx, session);
}

/** The session changed in this transaction: `lockSession` reads it again. */
export function forgetLockedSession(trx: Transaction<Database>) {
  lockedWithUser.delete(trx);
}

/** Locks the session's row, after its user's (see the lock order above); answers it fresh. */
export async function lockSession(trx: Transaction<Database>, ref: SessionRef) {
  const locked = lockedWithUser.get(trx);
  lockedWithUser.delete(trx);
  if (locked?.id === ref.sessionId) return locked;
  const session = await trx
    .selectFrom('widget_sessions')
    .selectAll()
    .where('id', '=', ref.sessionId)
    .where('tenant_id', '=', ref.tenantId)
    .where('user_id', '=', ref.userId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!session) throw new AppError('session_expired');
  return session;
}

export type LockedUser = Awaited<ReturnType<typeof lockUser>>;

/** A transaction that starts by locking the user's row: the way every change for a user begins. */
export function withUserLocked<T>(
  db: Kysely<Database>,
  ref: UserRef,
  work: (trx: Transaction<Database>, user: LockedUser) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => work(trx, await lockUser(trx, ref)));
}

/**
 * For a transaction whose statements are all held (`writeWithNext`): the lock of the user's row goes
 * out with them, in their one round trip, and is taken before any of them runs. Its answer is not
 * read, so a user erased meanwhile shows in what follows: a write naming the user fails its
 * foreign key, answered `session_expired`, as the lock itself answers a missing user.
 */
export function withUserLockedHeld<T>(
  db: Kysely<Database>,
  ref: UserRef,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .execute(async (trx) => {
      await writeWithNext(trx, lockUserOnly(ref));
      return work(trx);
    })
    .catch((error) => {
      if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) {
        throw new AppError('session_expired');
      }
      throw error;
    });
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * The same, with reads sent right behind the lock, in its round trip, and run once it is held
 * (db/pipeline.ts): `read` only starts them (`readAfterNext`), `work` gets what they answered.
 */
export function withUserLockedReading<T, R>(
  db: Kysely<Database>,
  ref: UserRef & { sessionId?: string },
  read: (trx: Transaction<Database>) => Promise<R>,
  work: (trx: Transaction<Database>, user: LockedUser, read: R) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const reading = read(trx);
    reading.catch(() => {});
    const user = await lockUser(trx, ref);
    return work(trx, user, await reading);
  });
}
