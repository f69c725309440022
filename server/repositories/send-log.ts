import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';

export interface SendRow {
  userId: string;
  channel: 'sms' | 'email';
  phoneIndex: string | null;
  prefixIndex: string | null;
  country: string | null;
  ipKey: string | null;
}

/** Records an admitted send (kept two days, for support questions; the limits do not read it). */
export async function insertSend(trx: Transaction<Database>, tenantId: string, send: SendRow) {
  await trx
    .insertInto('send_log')
    .values({
      tenant_id: tenantId,
      user_id: send.userId,
      channel: send.channel,
      phone_index: send.phoneIndex,
      prefix_index: send.prefixIndex,
      country: send.country,
      ip_key: send.ipKey,
    })
    .execute();
}
