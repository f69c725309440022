import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { UserRef } from './refs.ts';

export async function insertResult(
  trx: Transaction<Database>,
  ref: UserRef,
  result: {
    tokenHash: string;
    purpose: string;
    email: string | null;
    steps: string[];
    via: 'code' | 'recovery-code' | 'trusted-browser';
    method?: 'sms' | 'totp' | null;
    expiresAt: Date;
  },
) {
  await trx
    .insertInto('results')
    .values({
      tenant_id: ref.tenantId,
      user_id: ref.userId,
      token_hash: result.tokenHash,
      purpose: result.purpose,
      email: result.email,
      steps: JSON.stringify(result.steps),
      via: result.via,
      method: result.method ?? null,
      expires_at: result.expiresAt,
    })
    .execute();
}

/** Redeems a result once, for its own tenant, within its lifetime; with the partner's user id. */
export async function redeemResultRow(db: Kysely<Database>, tenantId: string, tokenHash: string) {
  const now = new Date();
  return db
    .with('redeemed', (qb) =>
      qb
        .updateTable('results')
        .set({ redeemed_at: now })
        .where('token_hash', '=', tokenHash)
        .where('tenant_id', '=', tenantId)
        .where('redeemed_at', 'is', null)
        .where('expires_at', '>', now)
        .returningAll(),
    )
    .selectFrom('redeemed')
    .innerJoin('users', (join) =>
      join
        .onRef('users.id', '=', 'redeemed.user_id')
        .onRef('users.tenant_id', '=', 'redeemed.tenant_id'),
    )
    .select([
      'users.external_id',
      'redeemed.purpose',
      'redeemed.email',
      'redeemed.steps',
      'redeemed.via',
      'redeemed.method',
      'redeemed.verified_at',
    ])
    .executeTakeFirst();
}
