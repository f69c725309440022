import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ServerKeys } from '../crypto/keys.ts';
import type { Database, PhoneFactor, VerificationCode, WidgetSession } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type LockedUser, lockSession, withUserLockedReading } from '../repositories/locks.ts';
import { findPhone } from '../repositories/phone-factors.ts';
import type { SessionRef } from '../repositories/refs.ts';
import { sendsToNumber } from '../repositories/send-log.ts';
import { type ActiveMethods, activeMethodsAfterNext } from '../repositories/two-factor-methods.ts';
import {
  consumeCode,
  insertCode,
  liveCode,
  liveCodeAfterNext,
  sessionLiveCodeAfterNext,
  spentCodes,
  takeLiveCode,
  takeSessionCodeAfterNext,
  takeTry,
  type UsedCode,
  untakeCode,
} from '../repositories/verification-codes.ts';
import {
  CODE_DIGITS,
  CODE_MAX_ATTEMPTS,
  CODE_TTL_SECONDS_MAX,
  RESEND_FIRST_WAIT_SECONDS,
} from '../security-constants.ts';
import type { BehindLock, LockedAttempt } from './locked-authentication.ts';
import { type AttemptOutcome, lockedError } from './lockout.ts';

export const codePurposes = [
  'enrol',
  'change-phone',
  'step-up',
  'sign-in-email',
  'sign-in-sms',
  'verify-email',
] as const;
export type CodePurpose = (typeof codePurposes)[number];

/**
 * The purposes whose codes share one send sequence (one live code, one resend wait) in a session:
 * a new number typed during enrolment or a change of phone is a resend, not a fresh start.
 */
export function sequenceOf(purpose: CodePurpose): readonly CodePurpose[] {
  return purpose === 'enrol' || purpose === 'change-phone' ? ['enrol', 'change-phone'] : [purpose];
}

export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** HMAC-SHA-256 over the code and what it is for, so a stored hash fits one session and purpose. */
export function hashCode(key: Buffer, scope: { sessionId: string; purpose: string }, code: string) {
  return createHmac('sha256', key)
    .update(`${scope.sessionId}\n${scope.purpose}\n${code}`)
    .digest('base64url');
}

/** The wait before the send after send number `sendNumber`: 30 s, then doubling. */
export function resendWaitSeconds(sendNumber: number) {
  return RESEND_FIRST_WAIT_SECONDS * 2 ** (sendNumber - 1);
}

function waitRefusal(resendAt: Date, now: number) {
  return new AppError('rate_limited', {
    message: 'Wait before asking for another code.',
    extra: {
      retryAfter: Math.ceil((resendAt.getTime() - now) / 1000),
      resendAt: resendAt.toISOString(),
    },
  });
}

/** Refuses while the wait after the latest of `sends` (the n-th to one number) still runs. */
function assertNumberWaitOver(sends: Date[], now: number) {
  const [latest] = sends;
  if (!latest) return;
  const resendAt = new Date(latest.getTime() + resendWaitSeconds(sends.length) * 1000);
  if (resendAt.getTime() > now) throw waitRefusal(resendAt, now);
}

/** Whether `code` went to the number of `phone` (always so for a code not sent to a typed number). */
async function sameNumber(
  trx: Transaction<Database>,
  ref: SessionRef,
  code: VerificationCode,
  phone: NumberRef | undefined,
) {
  if (!phone || !code.phone_factor_id || code.phone_factor_id === phone.id) return true;
  return (await findPhone(trx, ref, code.phone_factor_id))?.phone_index === phone.phone_index;
}

/** A number as a reservation compares it: the row, and the number's blind index. */
type NumberRef = Pick<PhoneFactor, 'id' | 'phone_index'>;

/**
 * What a reservation's guard decided under the lock: the purpose, and the number it wrote (or
 * read there, with the user's methods), then not read again.
 */
export interface Guarded {
  purpose?: CodePurpose;
  phone?: NumberRef;
}

export interface ReserveScope {
  purpose: CodePurpose;
  sequence: readonly string[];
  channel: 'sms' | 'email';
  phoneFactorId: string | null;
  ttlSeconds: number;
  guard?: (
    session: WidgetSession,
    trx: Transaction<Database>,
    /** The user's methods, as they are under the lock. */
    active: ActiveMethods,
  ) => Promise<Guarded> | undefined;
  /**
   * Runs last in the reservation's transaction, and refuses by failing it: at once, or at its
   * commit (the send limits, whose count goes out with the commit; `sendRefusal` reads the error).
   */
  admit?: (trx: Transaction<Database>) => Promise<void>;
}

/**
 * Reserves the next code of a sequence before the provider is called: refused while the resend
 * wait runs (a send under way counts too, so parallel sends go out once). The row is not
 * verifiable until it is marked sent; it is deleted if the provider fails. `guard` sees the
 * session as it is now, under its lock, and throws when the send no longer fits it; it may also
 * write what the send needs (a new number, then answered, not read again) and name the purpose,
 * decided under the lock. A refusal rolls back what it wrote.
 */
export async function reserveCode(
  db: Kysely<Database>,
  key: Buffer,
  scope: SessionRef & ReserveScope,
  /** Begun by authentication, with `liveCodeBehindLock` of the same sequence. */
  opened?: LockedAttempt<LiveBehind>,
) {
  const reserve = async (
    trx: Transaction<Database>,
    user: LockedUser,
    { active, live }: { active?: ActiveMethods; live?: VerificationCode },
  ) => {
    // Sending a code to a user waiting out a lockout would only cost money.
    if (user.locked_until && user.locked_until > new Date()) throw lockedError(user.locked_until);
    const session = await lockSession(trx, scope);
    const guarded = await scope.guard?.(session, trx, active as ActiveMethods);
    const purpose = guarded?.purpose ?? scope.purpose;
    // A verification or a disable may just have removed this number, unless the guard wrote it
    // or found it under the lock.
    const phone =
      guarded?.phone ??
      (scope.phoneFactorId ? await findPhone(trx, scope, scope.phoneFactorId) : undefined);
    if (scope.phoneFactorId && !phone) throw new AppError('phone_replaced');
    // The wait is per number: a corrected number is not held back by the mistyped one's code.
    const previous = live && (await sameNumber(trx, scope, live, phone)) ? live : undefined;
    const now = Date.now();
    // Going back to a number this session already sent to keeps that number's wait.
    const earlier =
      live && phone && !previous
        ? await sendsToNumber(trx, scope, phone.phone_index, session.created_at)
        : [];
    assertNumberWaitOver(earlier, now);
    // A code that can no longer work (its 5 tries taken, or expired) does not hold back the next:
    // the patient is told to ask for a new one. Its wrong tries already count toward the lockout.
    const dead =
      previous !== undefined &&
      (previous.attempts >= CODE_MAX_ATTEMPTS || previous.expires_at.getTime() <= now);
    if (previous && !dead && previous.resend_at.getTime() > now) {
      throw waitRefusal(previous.resend_at, now);
    }
    const sendNumber = (previous?.send_number ?? earlier.length) + 1;
    const code = generateCode();
    const row = await insertCode(trx, scope, {
      purpose,
      channel: scope.channel,
      phoneFactorId: scope.phoneFactorId,
      hash: hashCode(key, { sessionId: scope.sessionId, purpose }, code),
      sendNumber,
      expiresAt: new Date(now + scope.ttlSeconds * 1000),
      resendAt: new Date(now + resendWaitSeconds(sendNumber) * 1000),
    });
    await scope.admit?.(trx);
    return { ...row, purpose, code, sequence: scope.sequence };
  };
  if (opened) {
    return opened.continue((trx, user, active, { live }) => reserve(trx, user, { active, live }));
  }
  // The sequence's live code is read right behind the lock; the user's methods too when a guard
  // reads them (a resend goes without).
  const read = async (trx: Transaction<Database>) => {
    const active = scope.guard ? activeMethodsAfterNext(trx, scope) : undefined;
    const live = liveCodeAfterNext(trx, scope, scope.sequence);
    return { active: await active, live: await live };
  };
  return withUserLockedReading(db, scope, read, reserve);
}

/** What a send's authentication reads behind the user's lock: its sequence's live code, if any. */
export interface LiveBehind {
  live: VerificationCode | undefined;
}

/**
 * The first read of `reserveCode`, for a send whose sequence is known before the session is read:
 * sent in authentication's round trip, behind the user's lock (locked-authentication.ts).
 */
export function liveCodeBehindLock(sequence: readonly string[]): BehindLock<LiveBehind> {
  return (trx, tokenHash) =>
    sessionLiveCodeAfterNext(trx, tokenHash, sequence).then((live) => ({ live }));
}

/** The sent, live code of a sequence in this session, if any (for resends). */
export async function currentCode(
  db: Kysely<Database>,
  scope: SessionRef,
  sequence: readonly string[],
) {
  return liveCode(db, scope, sequence, { sentOnly: true });
}

/** Under each key of the ring: a code sent just before a key rotation still matches after it. */
function matches(keys: ServerKeys, row: VerificationCode, code: string) {
  const expected = Buffer.from(row.code_hash);
  return [keys, ...keys.previous].some((key) => {
    const actual = Buffer.from(
      hashCode(key.codes, { sessionId: row.session_id, purpose: row.purpose }, code),
    );
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  });
}

/**
 * A code this session already used, one a resend replaced, or one whose send failed but which the
 * provider delivered late: the patient's own code (a double click, a second tab, a slow message),
 * not a guess, so it is answered for what it is and never counted as a failure.
 */
async function repeatedCode(
  trx: Transaction<Database>,
  keys: ServerKeys,
  scope: SessionRef,
  code: string,
): Promise<AppError | undefined> {
  const since = new Date(Date.now() - CODE_TTL_SECONDS_MAX * 1000);
  const spent = (await spentCodes(trx, scope, since)).find((row) => matches(keys, row, code));
  if (!spent) return undefined;
  if (spent.consumed_at) return new AppError('already_verified');
  // Never confirmed sent (the provider failed or timed out, or the send was not recorded), and
  // delivered all the same: not verifiable, but not the patient's failure either.
  return new AppError(spent.sent_at ? 'code_replaced' : 'code_expired');
}

export interface TakenCode {
  code: UsedCode | undefined;
}

/**
 * The first statement of `checkCode`, for a check whose sequence is known before the session is
 * read: sent in authentication's round trip, behind the user's lock (locked-authentication.ts).
 */
export function takeCodeBehindLock(sequence: readonly string[]): BehindLock<TakenCode> {
  return (trx, tokenHash) =>
    takeSessionCodeAfterNext(trx, tokenHash, sequence, CODE_MAX_ATTEMPTS).then((code) => ({
      code,
    }));
}

/**
 * Checks `code` against the session's live code of `sequence`, inside a verification attempt.
 * No code, a wrong code: the same `invalid_code`, counted. Expired or dead: `code_expired`.
 * Each judgement takes a try by a conditional update, so however many arrive at once a code is
 * judged at most `CODE_MAX_ATTEMPTS` times and used at most once.
 */
export async function checkCode(
  trx: Transaction<Database>,
  keys: ServerKeys,
  scope: SessionRef,
  sequence: readonly string[],
  code: string,
  /** What to answer instead of `invalid_code` when the session has no live code, if it knows. */
  withoutLiveCode?: () => Promise<AppError | undefined>,
  /** The live code's take, when it went out behind the user's lock (`takeCodeBehindLock`). */
  takenBehindLock?: TakenCode,
): Promise<AttemptOutcome<UsedCode>> {
  const now = new Date();
  // Made only when answered: an error's stack costs more than the rest of a matching code's check.
  const expired = () =>
    ({ ok: false, error: new AppError('code_expired'), countsAsFailure: false }) as const;
  const usedNow = takenBehindLock
    ? takenBehindLock.code
    : await takeLiveCode(trx, scope, sequence, CODE_MAX_ATTEMPTS, now);
  if (usedNow && matches(keys, usedNow, code)) return { ok: true, value: usedNow };
  if (usedNow) await untakeCode(trx, scope, usedNow.id);
  const live = await liveCode(trx, scope, sequence, { sentOnly: true });
  if (live && matches(keys, live, code)) {
    const consumed = await consumeCode(trx, scope, live.id, CODE_MAX_ATTEMPTS, now);
    return consumed ? { ok: true, value: consumed } : expired();
  }
  if (live && (live.expires_at <= now || live.attempts >= CODE_MAX_ATTEMPTS)) return expired();
  const repeat = await repeatedCode(trx, keys, scope, code);
  if (repeat) return { ok: false, error: repeat, countsAsFailure: false };
  const invalid = new AppError('invalid_code');
  const instead = live ? undefined : await withoutLiveCode?.();
  if (instead) return { ok: false, error: instead, countsAsFailure: false };
  // No live code answers exactly like a first wrong try, so neither tells anything apart.
  if (!live)
    return {
      ok: false,
      error: invalid,
      countsAsFailure: true,
      codeAttemptsLeft: CODE_MAX_ATTEMPTS - 1,
    };
  const taken = await takeTry(trx, scope, live.id, CODE_MAX_ATTEMPTS);
  if (!taken) return expired();
  return {
    ok: false,
    error: invalid,
    countsAsFailure: true,
    codeAttemptsLeft: CODE_MAX_ATTEMPTS - taken.attempts,
  };
}
