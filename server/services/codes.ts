import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, VerificationCode } from '../db/types.ts';
import { AppError } from '../errors.ts';
import {
  CODE_DIGITS,
  CODE_MAX_ATTEMPTS,
  RESEND_FIRST_WAIT_SECONDS,
} from '../security-constants.ts';
import type { AttemptOutcome } from './lockout.ts';

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

export interface CodeScope {
  tenantId: string;
  userId: string;
  sessionId: string;
}

/** The live code of a sequence: the latest one not replaced by a resend and not yet used. */
function liveCodes(db: Kysely<Database>, sessionId: string, purposes: readonly string[]) {
  return db
    .selectFrom('verification_codes')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('purpose', 'in', purposes)
    .where('superseded_at', 'is', null)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc');
}

/**
 * Reserves the next code of a sequence before the provider is called: refused while the resend
 * wait runs (a send under way counts too, so parallel sends go out once). The row is not
 * verifiable until `markSent`; `discardCode` removes it if the provider fails.
 */
export async function reserveCode(
  db: Kysely<Database>,
  key: Buffer,
  scope: CodeScope & {
    purpose: CodePurpose;
    sequence: readonly string[];
    channel: 'sms' | 'email';
    phoneFactorId: string | null;
    ttlSeconds: number;
  },
) {
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('widget_sessions')
      .select('id')
      .where('id', '=', scope.sessionId)
      .forUpdate()
      .execute();
    if (scope.phoneFactorId) {
      // A verification elsewhere may just have removed this pending number (it holds the user row).
      await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', scope.userId)
        .forUpdate()
        .execute();
      const factor = await trx
        .selectFrom('phone_factors')
        .select('id')
        .where('id', '=', scope.phoneFactorId)
        .executeTakeFirst();
      if (!factor) {
        throw new AppError('invalid_request', {
          status: 409,
          message: 'This number was replaced meanwhile. Enter it again.',
        });
      }
    }
    const previous = await liveCodes(trx, scope.sessionId, scope.sequence).executeTakeFirst();
    const now = Date.now();
    if (previous && previous.resend_at.getTime() > now) {
      const retryAfter = Math.ceil((previous.resend_at.getTime() - now) / 1000);
      throw new AppError('rate_limited', {
        message: 'Wait before asking for another code.',
        extra: { retryAfter, resendAt: previous.resend_at.toISOString() },
      });
    }
    const sendNumber = (previous?.send_number ?? 0) + 1;
    const code = generateCode();
    const row = await trx
      .insertInto('verification_codes')
      .values({
        tenant_id: scope.tenantId,
        user_id: scope.userId,
        session_id: scope.sessionId,
        purpose: scope.purpose,
        channel: scope.channel,
        phone_factor_id: scope.phoneFactorId,
        code_hash: hashCode(key, { sessionId: scope.sessionId, purpose: scope.purpose }, code),
        send_number: sendNumber,
        expires_at: new Date(now + scope.ttlSeconds * 1000),
        resend_at: new Date(now + resendWaitSeconds(sendNumber) * 1000),
      })
      .returning(['id', 'expires_at', 'resend_at', 'send_number'])
      .executeTakeFirstOrThrow();
    return { ...row, code, sequence: scope.sequence };
  });
}

/** The code went out: it becomes the live one and every earlier code of its sequence stops working. */
export async function markSent(
  db: Kysely<Database>,
  reserved: { id: string; sequence: readonly string[] },
  sessionId: string,
) {
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('verification_codes')
      .set({ superseded_at: now })
      .where('session_id', '=', sessionId)
      .where('purpose', 'in', reserved.sequence)
      .where('id', '!=', reserved.id)
      .where('superseded_at', 'is', null)
      .where('consumed_at', 'is', null)
      .execute();
    await trx
      .updateTable('verification_codes')
      .set({ sent_at: now })
      .where('id', '=', reserved.id)
      .execute();
  });
}

export async function discardCode(db: Kysely<Database>, id: string) {
  await db.deleteFrom('verification_codes').where('id', '=', id).execute();
}

/** The sent, live code of a sequence in this session, if any (for resends). */
export async function currentCode(
  db: Kysely<Database>,
  sessionId: string,
  sequence: readonly string[],
) {
  return liveCodes(db, sessionId, sequence).where('sent_at', 'is not', null).executeTakeFirst();
}

/**
 * Checks `code` against the session's live code of `sequence`, inside a verification attempt.
 * No code, a wrong code: the same `invalid_code`, counted. Expired or dead: `code_expired`.
 * A match is consumed by one conditional update, so of parallel submissions one succeeds.
 */
export async function checkCode(
  trx: Transaction<Database>,
  key: Buffer,
  sessionId: string,
  sequence: readonly string[],
  code: string,
): Promise<AttemptOutcome<VerificationCode>> {
  const row = await liveCodes(trx, sessionId, sequence)
    .where('sent_at', 'is not', null)
    .executeTakeFirst();
  const invalid = new AppError('invalid_code');
  // No live code answers exactly like a first wrong try, so neither tells anything apart.
  if (!row)
    return {
      ok: false,
      error: invalid,
      countsAsFailure: true,
      codeAttemptsLeft: CODE_MAX_ATTEMPTS - 1,
    };
  if (row.expires_at <= new Date() || row.attempts >= CODE_MAX_ATTEMPTS) {
    return { ok: false, error: new AppError('code_expired'), countsAsFailure: false };
  }
  const expected = Buffer.from(row.code_hash);
  const actual = Buffer.from(hashCode(key, { sessionId, purpose: row.purpose }, code));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    const attempts = row.attempts + 1;
    await trx
      .updateTable('verification_codes')
      .set({ attempts })
      .where('id', '=', row.id)
      .execute();
    return {
      ok: false,
      error: invalid,
      countsAsFailure: true,
      codeAttemptsLeft: CODE_MAX_ATTEMPTS - attempts,
    };
  }
  const consumed = await trx
    .updateTable('verification_codes')
    .set({ consumed_at: new Date() })
    .where('id', '=', row.id)
    .where('consumed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!consumed) return { ok: false, error: invalid, countsAsFailure: true };
  return { ok: true, value: consumed };
}
