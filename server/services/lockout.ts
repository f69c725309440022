import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import {
  LOCKOUT_FIRST_WAIT_SECONDS,
  LOCKOUT_HARD_LIMIT,
  LOCKOUT_MAX_WAIT_SECONDS,
  LOCKOUT_THRESHOLD,
} from '../security-constants.ts';
import { type RequestContext, recordEvent } from './audit.ts';

/** What one verification attempt came to, decided while the user's row is locked. */
export type AttemptOutcome<T> =
  | { ok: true; value: T }
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

/** Refuses when the user is waiting out a lockout (sending a code then would only cost money). */
export async function assertNotLocked(db: Kysely<Database>, userId: string) {
  const user = await db
    .selectFrom('users')
    .select('locked_until')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.locked_until && user.locked_until > new Date()) throw lockedError(user.locked_until);
}

/**
 * One verification attempt (a code or a recovery code) under the per-user lockout. Attempts of one
 * user run one at a time (the user row is locked), so parallel guesses are counted exactly; a
 * locked user is refused even with the right answer; a failure is committed, a success resets the
 * count. Whatever `run` does on success commits with it, or not at all.
 */
export async function verificationAttempt<T>(
  db: Kysely<Database>,
  who: { tenantId: string; userId: string; context: RequestContext },
  run: (trx: Transaction<Database>) => Promise<AttemptOutcome<T>>,
  // An email code proves the inbox, not the second factor: it must not clear SMS failures.
  options: { successResetsFailures: boolean } = { successResetsFailures: true },
): Promise<T> {
  const { userId } = who;
  const outcome = await db.transaction().execute(async (trx): Promise<AttemptOutcome<T>> => {
    const user = await trx
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.locked_until && user.locked_until > new Date()) {
      return { ok: false, error: lockedError(user.locked_until), countsAsFailure: false };
    }
    const result = await run(trx);
    if (result.ok) {
      if (options.successResetsFailures && (user.failed_attempts > 0 || user.locked_until)) {
        await trx
          .updateTable('users')
          .set({ failed_attempts: 0, locked_until: null })
          .where('id', '=', userId)
          .execute();
      }
      return result;
    }
    if (!result.countsAsFailure) return result;
    const failures = user.failed_attempts + 1;
    const wait = lockoutWaitSeconds(failures);
    const lockedUntil = wait > 0 ? new Date(Date.now() + wait * 1000) : null;
    await trx
      .updateTable('users')
      .set({ failed_attempts: failures, ...(lockedUntil ? { locked_until: lockedUntil } : {}) })
      .where('id', '=', userId)
      .execute();
    await recordEvent(trx, {
      tenantId: who.tenantId,
      userId,
      type: lockedUntil ? 'user.locked' : 'code.failed',
      context: who.context,
      details: {
        failures,
        ...(lockedUntil
          ? { until: wait >= HARD_LOCK_SECONDS ? null : lockedUntil.toISOString() }
          : {}),
      },
    });
    if (lockedUntil) return { ok: false, error: lockedError(lockedUntil), countsAsFailure: true };
    const beforeLock = LOCKOUT_THRESHOLD - (failures % LOCKOUT_THRESHOLD);
    const attemptsRemaining = Math.min(beforeLock, result.codeAttemptsLeft ?? beforeLock);
    const error =
      result.error.code === 'invalid_code'
        ? new AppError('invalid_code', { extra: { attemptsRemaining } })
        : result.error;
    return { ...result, error };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export async function resetLockout(db: Kysely<Database>, userId: string) {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}
