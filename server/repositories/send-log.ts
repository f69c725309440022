import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { UserRef } from './refs.ts';

export interface SendRow {
  userId: string;
  channel: 'sms' | 'email';
  phoneIndex: string | null;
  prefixIndex: string | null;
  country: string | null;
  ipKey: string | null;
}

/**
 * The record of an admitted send (kept two days, for support questions), for the caller to run
 * within a statement of its own (`countSend`). The limits do not count it; only a number's own
 * resend wait reads it (`sendsToNumber`).
 */
export function sendRecord(db: Kysely<Database>, tenantId: string, send: SendRow) {
  return db.insertInto('send_log').values({
    tenant_id: tenantId,
    user_id: send.userId,
    channel: send.channel,
    phone_index: send.phoneIndex,
    prefix_index: send.prefixIndex,
    country: send.country,
    ip_key: send.ipKey,
  });
}

/**
 * When this user's codes went to one number since `since`, newest first. Bounded by the per-user
 * send limit, and read through the user's index.
 */
export async function sendsToNumber(
  trx: Transaction<Database>,
  ref: UserRef,
  phoneIndex: string,
  since: Date,
) {
  const rows = await trx
    .selectFrom('send_log')
    .select('created_at')
    .where('tenant_id', '=', ref.tenantId)
    .where('user_id', '=', ref.userId)
    .where('created_at', '>=', since)
    .where('phone_index', '=', phoneIndex)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => row.created_at);
}
