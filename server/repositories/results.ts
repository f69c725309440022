import type { Kysely, Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statement } from '../db/statements.ts';
import type { Database } from '../db/types.ts';
import { forgetLockedSession } from './locks.ts';
import type { SessionRef } from './refs.ts';

/**
 * Finishes the session and writes its result, in one statement, sent with the transaction's next
 * one: for a caller that holds the session's lock and saw it unfinished. The result is written
 * only when this finished the session, never for a session finished before.
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
  const finish = finishAndWrite({
    ...ref,
    ...result,
    method: result.method ?? null,
    steps: JSON.stringify(steps),
    now: new Date(),
  });
  await writeWithNext(trx, finish);
}

const finishAndWrite = statement(
  (
    db,
    values: SessionRef & {
      tokenHash: string;
      purpose: string;
      email: string | null;
      via: string;
      method: string | null;
      expiresAt: Date;
      steps: string;
      now: Date;
    },
  ) =>
    db
      .with('finished', (db) =>
        db
          .updateTable('widget_sessions')
          .set({ verified_at: values.now, completed_steps: values.steps })
          .where('id', '=', values.sessionId)
          .where('user_id', '=', values.userId)
          .where('tenant_id', '=', values.tenantId)
          .where('verified_at', 'is', null)
          .returning('id'),
      )
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
            eb.val(values.tenantId).as('tenant_id'),
            eb.val(values.userId).as('user_id'),
            eb.val(values.tokenHash).as('token_hash'),
            eb.val(values.purpose).as('purpose'),
            eb.val(values.email).as('email'),
            eb.val(values.steps).as('steps'),
            eb.val(values.via).as('via'),
            eb.val(values.method).as('method'),
            eb.val(values.expiresAt).as('expires_at'),
          ]),
      )
      .returning('id'),
);

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
