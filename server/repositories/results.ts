import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { forgetLockedSession } from './locks.ts';
import type { SessionRef } from './refs.ts';
import { finishingSession } from './widget-sessions.ts';

/**
 * Finishes the session and writes its result, in one statement: the result is written only when
 * this finished the session (true), never for a session finished before (false).
 */
export async function finishWithResult(
  trx: Transaction<Database>,
  ref: SessionRef,
  steps: string[],
  result: {
    tokenHash: string;
    purpose: string;
    email: string | null;
    via: 'code' | 'recovery-code' | 'trusted-browser';
    method?: 'sms' | 'totp' | null;
    expiresAt: Date;
  },
) {
  forgetLockedSession(trx);
  const written = await trx
    .with('finished', (db) => finishingSession(db, ref, steps))
    .insertInto('results')
    .columns([
      'tenant_id',
      'user_id',
      'token_hash',
      'purpose',
      'email',
      'steps',
      'via',
      'method',
      'expires_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('finished')
        .select([
          eb.val(ref.tenantId).as('tenant_id'),
          eb.val(ref.userId).as('user_id'),
          eb.val(result.tokenHash).as('token_hash'),
          eb.val(result.purpose).as('purpose'),
          eb.val(result.email).as('email'),
          eb.val(JSON.stringify(steps)).as('steps'),
          eb.val(result.via).as('via'),
          eb.val(result.method ?? null).as('method'),
          eb.val(result.expiresAt).as('expires_at'),
        ]),
    )
    .returning('id')
    .executeTakeFirst();
  return written !== undefined;
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
