import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import type { LockedUser } from '../repositories/locks.ts';
import type { UserRef } from '../repositories/refs.ts';
import type { ActiveMethods } from '../repositories/two-factor-methods.ts';
import { confirmSuccess, countFailure, lockedUntil, lockUntil } from '../repositories/users.ts';
import {
  LOCKOUT_FIRST_WAIT_SECONDS,
  LOCKOUT_HARD_LIMIT,
  LOCKOUT_MAX_WAIT_SECONDS,
  LOCKOUT_THRESHOLD,
} from '../security-constants.ts';
import type { LockedAttempt } from './locked-authentication.ts';

/** What one verification attempt came to, decided while the user's row is locked. */
export type AttemptOutcome<T> =
  | {
      ok: true;
      value: T;
      /** An email code proves the inbox, not the second factor: it must not clear SMS failures. */
      keepFailures?: boolean;
    }
  | { ok: false; error: AppError; countsAsFailure: boolean; codeAttemptsLeft?: number };

const HARD_LOCK_SECONDS = 100 * 365 * 24 * 3600;

/** The wait after `failures` consecutive failures, or 0 when this failure does not start one. */
export function lockoutWaitSeconds(failures: number): number {
  if (failures >= LOCKOUT_HARD_LIMIT) return HARD_LOCK_SECONDS;
  if (failures % LOCKOUT_THRESHOLD !== 0) return 0;
  const runs = failures / LOCKOUT_THRESHOLD;
  return Math.min(LOCKOUT_FIRST_WAIT_SECONDS * 2 ** (runs - 1), LOCKOUT_MAX_WAIT_SECONDS);
}

export function lockedError(lockedUntil: Date) {
  const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 1000));
  if (retryAfter > LOCKOUT_MAX_WAIT_SECONDS) {
    return new AppError('locked', {
      message:
        "Too many wrong codes. Contact the site's support to unlock two-factor authentication.",
      extra: { retryAfter: null, lockedUntil: null },
    });
  }
  return new AppError('locked', { extra: { retryAfter, lockedUntil: lockedUntil.toISOString() } });
}

/** Thrown inside the attempt's transaction to roll back a success that a lockout overtook. */
class LockedMeanwhile extends Error {}

/** Thrown inside the attempt's transaction when the user was locked before it began. */
class LockedNow extends Error {
  constructor(readonly until: Date) {
    super('locked');
  }
}

/**
 * One verification attempt (a code or a recovery code) under the per-user lockout, in the one
 * transaction its authentication began by locking the user's row (locked-authentication.ts). A
 * locked user is refused even with the right answer; a failure is counted by an atomic increment
 * and committed; a success resets the count, and whatever `run` did commits with it, or not at
 * all. `run` gets the user's methods as they are under the lock.
 */
export async function verificationAttempt<T, Behind = unknown>(
  db: Kysely<Database>,
  who: UserRef & { context: RequestContext },
  run: (
    trx: Transaction<Database>,
    active: ActiveMethods,
    behind: Behind,
  ) => Promise<AttemptOutcome<T>>,
  /**
   * The attempt's transaction, begun by authentication with the user's row locked and what the
   * route sent behind the lock (services/locked-authentication.ts): the attempt goes on in it.
   */
  opened: LockedAttempt<Behind>,
): Promise<T> {
  const attempt = async (
    trx: Transaction<Database>,
    user: LockedUser,
    active: ActiveMethods,
    behind: Behind,
  ): Promise<AttemptOutcome<T>> => {
    if (user.locked_until && user.locked_until > new Date()) {
      // Rolled back: what went out behind the lock is undone with the transaction.
      throw new LockedNow(user.locked_until);
    }
    const result = await run(trx, active, behind);
    if (result.ok) {
      // No lockout can begin while the row lock above is held. With nothing to reset the
      // success is confirmed; otherwise the reset's own statement checks no lockout began
      // meanwhile too (the second guard), so a path without the lock still cannot pass a wait.
      const nothingToReset = user.failed_attempts === 0 && user.locked_until === null;
      if (nothingToReset) return result;
      if (!(await confirmSuccess(trx, who, !result.keepFailures))) throw new LockedMeanwhile();
      return result;
    }
    if (!result.countsAsFailure) return result;
    return countedFailure(trx, who, result);
  };
  const outcome = await opened.continue(attempt).catch(async (error) => {
    if (error instanceof LockedNow) {
      return { ok: false, error: lockedError(error.until), countsAsFailure: false } as const;
    }
    if (!(error instanceof LockedMeanwhile)) throw error;
    const until = await lockedUntil(db, who);
    return {
      ok: false,
      error: lockedError(until ?? new Date()),
      countsAsFailure: false,
    } as const;
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

async function countedFailure<T>(
  trx: Transaction<Database>,
  who: UserRef & { context: RequestContext },
  result: Extract<AttemptOutcome<T>, { ok: false }>,
): Promise<AttemptOutcome<T>> {
  const failures = await countFailure(trx, who, LOCKOUT_HARD_LIMIT);
  if (failures === undefined) {
    return {
      ok: false,
      error: lockedError(new Date(Date.now() + HARD_LOCK_SECONDS * 1000)),
      countsAsFailure: false,
    };
  }
  const wait = lockoutWaitSeconds(failures);
  const until = wait > 0 ? new Date(Date.now() + wait * 1000) : null;
  if (until) await lockUntil(trx, who, until);
  await recordEvent(trx, {
    tenantId: who.tenantId,
    userId: who.userId,
    type: until ? 'user.locked' : 'code.failed',
    context: who.context,
    details: {
      failures,
      ...(until ? { until: wait >= HARD_LOCK_SECONDS ? null : until.toISOString() } : {}),
    },
  });
  if (until) return { ok: false, error: lockedError(until), countsAsFailure: true };
  const beforeLock = LOCKOUT_THRESHOLD - (failures % LOCKOUT_THRESHOLD);
  const attemptsRemaining = Math.min(beforeLock, result.codeAttemptsLeft ?? beforeLock);
  const error =
    result.error.code === 'invalid_code'
      ? new AppError('invalid_code', { extra: { attemptsRemaining } })
      : result.error;
  return { ...result, error };
}
