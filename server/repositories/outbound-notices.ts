import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { UserRef } from './refs.ts';

export interface NoticePayload {
  locale: string;
  /** When the change happened (ISO 8601), as the email says it. */
  at: string;
  browser: string | null;
  maskedPhone: string | null;
}

export function noticeRow(ref: UserRef, type: string, payload: NoticePayload) {
  return {
    tenant_id: ref.tenantId,
    user_id: ref.userId,
    type,
    payload: JSON.stringify(payload),
  };
}

/** Queues a notice in the transaction of the change it reports: both commit, or neither. */
export async function enqueueNotice(
  trx: Transaction<Database>,
  ref: UserRef,
  type: string,
  payload: NoticePayload,
) {
  await trx
    .insertInto('outbound_notices')
    .values(noticeRow(ref, type, payload))
    .execute();
}

/**
 * Claims up to `limit` due notices, oldest first, for `leaseMs`: other workers skip the rows this
 * one holds (SKIP LOCKED) and, once the lease is set, the rows themselves, so each notice goes to
 * one worker at a time. A worker that dies leaves its notices to be claimed again when the lease
 * ends. Answers them with the address to write to (the user's current one).
 */
export async function claimDueNotices(db: Kysely<Database>, limit: number, leaseMs: number) {
  const now = new Date();
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('outbound_notices')
        .select('id')
        .where('next_attempt_at', '<=', now)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('outbound_notices')
    .from('due')
    .set((eb) => ({
      attempts: eb('outbound_notices.attempts', '+', 1),
      next_attempt_at: new Date(now.getTime() + leaseMs),
    }))
    .whereRef('outbound_notices.id', '=', 'due.id')
    .returning([
      'outbound_notices.id',
      'outbound_notices.tenant_id',
      'outbound_notices.user_id',
      'outbound_notices.type',
      'outbound_notices.payload',
      'outbound_notices.attempts',
      sql<string | null>`(select email from users u where u.id = outbound_notices.user_id)`.as(
        'email',
      ),
    ])
    .execute();
}

/** Removes notices done with (sent, or dropped), in one statement. */
export async function deleteNotices(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return;
  await db.deleteFrom('outbound_notices').where('id', 'in', ids).execute();
}

export async function retryNoticeAt(db: Kysely<Database>, id: string, at: Date, error: string) {
  await db
    .updateTable('outbound_notices')
    .set({ next_attempt_at: at, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

/** Notices not yet delivered: the queue's depth. */
export async function countNotices(db: Kysely<Database>) {
  const row = await db
    .selectFrom('outbound_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
