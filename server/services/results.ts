import type { Kysely, Transaction } from 'kysely';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { SessionRef } from '../repositories/refs.ts';
import { finishWithResult, redeemResultRow } from '../repositories/results.ts';
import { RESULT_TOKEN_BYTES, RESULT_TTL_SECONDS } from '../security-constants.ts';

export type Via = 'code' | 'recovery-code' | 'trusted-browser';

/**
 * Finishes the challenge's session with a single-use token the page hands to the partner's
 * backend. The caller holds the session's lock and saw it unfinished (challenge-finish.ts).
 */
export async function finishWithToken(
  trx: Transaction<Database>,
  ref: SessionRef,
  steps: string[],
  input: {
    purpose: string;
    email: string | null;
    via: Via;
    /** The second factor's method, for a code. */
    method?: 'sms' | 'totp' | null;
  },
) {
  const token = randomToken('rt_', RESULT_TOKEN_BYTES);
  await finishWithResult(trx, ref, steps, {
    tokenHash: sha256(token),
    ...input,
    expiresAt: new Date(Date.now() + RESULT_TTL_SECONDS * 1000),
  });
  return token;
}

/** Redeems a result once, for its own tenant, within its lifetime. */
export async function redeemResult(db: Kysely<Database>, tenantId: string, token: string) {
  const redeemed = await redeemResultRow(db, tenantId, sha256(token));
  if (!redeemed) {
    throw new AppError('not_found', {
      message: 'No such result: unknown, already redeemed, expired, or of another site.',
    });
  }
  return {
    userId: redeemed.external_id,
    purpose: redeemed.purpose,
    ...(redeemed.email ? { email: redeemed.email } : {}),
    steps: redeemed.steps,
    via: redeemed.via,
    ...(redeemed.method ? { method: redeemed.method } : {}),
    verifiedAt: redeemed.verified_at.toISOString(),
  };
}
