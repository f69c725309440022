import type { Kysely, Transaction } from 'kysely';
import type { Database, PhoneFactor } from '../db/types.ts';
import type { UserRef } from './refs.ts';

export async function activePhone(
  db: Kysely<Database>,
  ref: UserRef,
): Promise<PhoneFactor | undefined> {
  return db
    .selectFrom('phone_factors')
    .selectAll()
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function findPhone(db: Kysely<Database>, ref: UserRef, id: string) {
  return db
    .selectFrom('phone_factors')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .executeTakeFirst();
}

/** A number typed but not yet verified: it protects nothing until `activatePhone`. */
export async function insertPendingPhone(
  trx: Transaction<Database>,
  ref: UserRef,
  phone: { encrypted: string; index: string; country: string; masked: string },
): Promise<PhoneFactor> {
  return trx
    .insertInto('phone_factors')
    .values({
      tenant_id: ref.tenantId,
      user_id: ref.userId,
      status: 'pending',
      phone_encrypted: phone.encrypted,
      phone_index: phone.index,
      country: phone.country,
      masked: phone.masked,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The verified number becomes the user's one active phone: the previous one and every other
 * pending number go, in the caller's transaction.
 */
export async function activatePhone(
  trx: Transaction<Database>,
  ref: UserRef,
  id: string,
  enabledAt: Date,
) {
  await trx
    .deleteFrom('phone_factors')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('id', '!=', id)
    .execute();
  return trx
    .updateTable('phone_factors')
    .set({ status: 'active', verified_at: new Date(), enabled_at: enabledAt })
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes one number, or (without `id`) every number of the user. */
export async function deletePhones(db: Kysely<Database>, ref: UserRef, id?: string) {
  let query = db
    .deleteFrom('phone_factors')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId);
  if (id) query = query.where('id', '=', id);
  await query.execute();
}
