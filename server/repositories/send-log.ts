import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/types.ts';

export type SendLogColumn = 'phone_index' | 'prefix_index' | 'country' | 'user_id' | 'ip_key';

export interface SendRow {
  userId: string;
  channel: 'sms' | 'email';
  phoneIndex: string | null;
  prefixIndex: string | null;
  country: string | null;
  ipKey: string | null;
}

/** Admits a tenant's sends one at a time, so parallel sends cannot all read the same count. */
export async function lockTenantSends(trx: Transaction<Database>, tenantId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`send:${tenantId}`}))`.execute(trx);
}

/** Sends in the window with `column = value`, and when the oldest of them was. */
export async function countSends(
  db: Kysely<Database>,
  tenantId: string,
  filter: { column: SendLogColumn | 'channel'; value: string; since: Date; inclusive?: boolean },
) {
  const row = await db
    .selectFrom('send_log')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
    .where('tenant_id', '=', tenantId)
    .where(filter.column, '=', filter.value)
    .where('created_at', filter.inclusive ? '>=' : '>', filter.since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest as Date) : null };
}

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
