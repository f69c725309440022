import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { type LockedUser, rememberLockedSession } from '../repositories/locks.ts';
import { type ActiveMethods, sessionMethodsAfterNext } from '../repositories/two-factor-methods.ts';
import { findSessionByTokenHash } from '../repositories/widget-sessions.ts';
import { type WidgetContext, widgetContextOf, widgetTokenHash } from './sessions.ts';

/**
 * What a verify sends behind the user's lock, in authentication's round trip (a code's take): it
 * only starts statements (`readAfterNext`), named by the token's hash since the session is not
 * read yet.
 */
export type BehindLock<Behind> = (trx: Transaction<Database>, tokenHash: string) => Promise<Behind>;

/** How a verify's authentication begins its transaction (a route's `lockedAuthentication`). */
export interface LockedAuthentication<Behind> {
  /** The session's row too, after the user's: the verification changes the session. */
  session?: boolean;
  /** Sent behind the lock, in its round trip. */
  behind?: BehindLock<Behind>;
}

interface Locked<Behind> {
  user: LockedUser;
  /** The user's methods as they are once the lock is held. */
  active: ActiveMethods;
  behind: Behind;
}

/**
 * A verification's transaction, begun by its authentication (`authenticateLocked`), the user's
 * row locked. The route's verification goes on in it and ends it (`continue`); whatever ends the
 * request first (a refusal, an invalid body, the client gone) rolls it back (`abandon`).
 */
export class LockedAttempt<Behind> {
  #claimed = false;

  constructor(
    private readonly trx: ControlledTransaction<Database>,
    private readonly locked: Locked<Behind>,
  ) {}

  /**
   * What authentication read under the lock, for a route that chooses how to go on before it does
   * (or ends the transaction without going on).
   */
  get read(): { active: ActiveMethods; behind: Behind } {
    return { active: this.locked.active, behind: this.locked.behind };
  }

  /** Runs `work` in the transaction and commits what it did, or rolls back if it throws. */
  async continue<T>(
    work: (
      trx: Transaction<Database>,
      user: LockedUser,
      active: ActiveMethods,
      behind: Behind,
    ) => Promise<T>,
  ): Promise<T> {
    if (this.#claimed) throw new Error('This verification has already gone on or been abandoned');
    this.#claimed = true;
    const { user, active, behind } = this.locked;
    try {
      const result = await work(this.trx, user, active, behind);
      await this.trx.commit().execute();
      return result;
    } catch (error) {
      await rollBack(this.trx);
      throw error;
    }
  }

  /** Rolls back a transaction nobody went on with; does nothing once `continue` has it. */
  abandon(): Promise<void> {
    if (this.#claimed) return Promise.resolve();
    this.#claimed = true;
    return rollBack(this.trx);
  }
}

/** A failed rollback (the connection lost) still gives the connection back: Kysely sees to it. */
async function rollBack(trx: ControlledTransaction<Database>) {
  if (trx.isCommitted || trx.isRolledBack) return;
  await trx
    .rollback()
    .execute()
    .catch(() => {});
}

/**
 * Authentication that begins a verification: the statement that reads the session, its user and
 * its tenant also locks the user's row (the lock every verification takes first) and, if asked,
 * the session's, and the user's methods and what `behind` sends go out after it, in the same
 * round trip. What authentication refuses is rolled back here; what the caller refuses after
 * (origin, purpose), with `abandon`.
 */
export async function authenticateLocked<Behind>(
  db: Kysely<Database>,
  token: string,
  how: LockedAuthentication<Behind>,
): Promise<{ widget: WidgetContext; attempt: LockedAttempt<Behind | undefined> }> {
  const tokenHash = widgetTokenHash(token);
  const trx = await db.startTransaction().execute();
  try {
    const reading = Promise.all([
      sessionMethodsAfterNext(trx, tokenHash),
      how.behind?.(trx, tokenHash),
    ]);
    reading.catch(() => {});
    const lock = how.session ? 'user and session locked' : 'user locked';
    const widget = widgetContextOf(await findSessionByTokenHash(trx, tokenHash, lock));
    // What the verification asks of the session's lock (lockSession) costs no statement then.
    if (how.session) rememberLockedSession(trx, widget.session);
    const [active, more] = await reading;
    const { id, failed_attempts, locked_until, email } = widget.user;
    const user = { id, failed_attempts, locked_until, email };
    return { widget, attempt: new LockedAttempt(trx, { user, active, behind: more }) };
  } catch (error) {
    await rollBack(trx);
    throw error;
  }
}
