import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { SessionRef, UserRef } from './refs.ts';

export async function insertSession(
  db: Kysely<Database>,
  ref: UserRef,
  session: {
    purpose: string;
    tokenHash: string;
    email: string | null;
    locale: string | null;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('widget_sessions')
    .values({
      tenant_id: ref.tenantId,
      user_id: ref.userId,
      purpose: session.purpose,
      token_hash: session.tokenHash,
      email: session.email,
      locale: session.locale,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session behind a token's hash, with its user: what every widget request starts from. */
export async function findSessionByTokenHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('widget_sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function setStepUpUntil(trx: Transaction<Database>, ref: SessionRef, until: Date) {
  await trx
    .updateTable('widget_sessions')
    .set({ step_up_until: until })
    .where('id', '=', ref.sessionId)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

export async function setCompletedSteps(
  trx: Transaction<Database>,
  ref: SessionRef,
  steps: string[],
) {
  await trx
    .updateTable('widget_sessions')
    .set({ completed_steps: JSON.stringify(steps) })
    .where('id', '=', ref.sessionId)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

/** Finishes the session, once: false when it was already finished. */
export async function finishSession(trx: Transaction<Database>, ref: SessionRef, steps: string[]) {
  const closed = await trx
    .updateTable('widget_sessions')
    .set({ verified_at: new Date(), completed_steps: JSON.stringify(steps) })
    .where('id', '=', ref.sessionId)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('verified_at', 'is', null)
    .executeTakeFirst();
  return closed.numUpdatedRows === 1n;
}
