import type { Kysely } from 'kysely';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { RESULT_TOKEN_BYTES, RESULT_TTL_SECONDS } from '../security-constants.ts';

export type Via = 'code' | 'recovery-code' | 'trusted-browser';

/** A finished challenge, as a single-use token the page hands to the partner's backend. */
export async function createResult(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    userId: string;
    purpose: string;
    email: string | null;
    steps: string[];
    via: Via;
  },
) {
  const token = randomToken('rt_', RESULT_TOKEN_BYTES);
  await db
    .insertInto('results')
    .values({
      tenant_id: input.tenantId,
      user_id: input.userId,
      token_hash: sha256(token),
      purpose: input.purpose,
      email: input.email,
      steps: JSON.stringify(input.steps),
      via: input.via,
      expires_at: new Date(Date.now() + RESULT_TTL_SECONDS * 1000),
    })
    .execute();
  return token;
}

/** Redeems a result once, for its own tenant, within its lifetime. */
export async function redeemResult(db: Kysely<Database>, tenantId: string, token: string) {
  const redeemed = await db
    .updateTable('results')
    .set({ redeemed_at: new Date() })
    .where('token_hash', '=', sha256(token))
    .where('tenant_id', '=', tenantId)
    .where('redeemed_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returningAll()
    .executeTakeFirst();
  if (!redeemed) {
    throw new AppError('not_found', {
      message: 'No such result: unknown, already redeemed, expired, or of another site.',
    });
  }
  const user = await db
    .selectFrom('users')
    .select('external_id')
    .where('id', '=', redeemed.user_id)
    .executeTakeFirstOrThrow();
  return {
    userId: user.external_id,
    purpose: redeemed.purpose,
    ...(redeemed.email ? { email: redeemed.email } : {}),
    steps: redeemed.steps,
    via: redeemed.via,
    verifiedAt: redeemed.verified_at.toISOString(),
  };
}
