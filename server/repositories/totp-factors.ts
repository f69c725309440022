import type { Kysely, Transaction } from 'kysely';
import type { Database, TotpFactor } from '../db/types.ts';
import type { UserRef } from './refs.ts';

function totpWithStatus(
  db: Kysely<Database>,
  ref: UserRef,
  status: 'active' | 'pending',
): Promise<TotpFactor | undefined> {
  return db
    .selectFrom('totp_factors')
    .selectAll()
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('status', '=', status)
    .executeTakeFirst();
}

/** The user's app, once confirmed. */
export const activeTotp = (db: Kysely<Database>, ref: UserRef) => totpWithStatus(db, ref, 'active');

/** The secret shown but not yet confirmed by a first code. */
export const pendingTotp = (db: Kysely<Database>, ref: UserRef) =>
  totpWithStatus(db, ref, 'pending');

/** A new secret waiting for its first code; it replaces any earlier pending one. */
export async function replacePendingTotp(
  trx: Transaction<Database>,
  ref: UserRef,
  sealedSecret: string,
): Promise<TotpFactor> {
  await trx
    .deleteFrom('totp_factors')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('status', '=', 'pending')
    .execute();
  return trx
    .insertInto('totp_factors')
    .values({
      tenant_id: ref.tenantId,
      user_id: ref.userId,
      status: 'pending',
      secret_encrypted: sealedSecret,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Takes `step` for the factor, once: the conditional update accepts only a step later than every
 * step accepted before, so of any number of parallel submissions of one code exactly one wins.
 * With `activate`, the pending factor becomes the user's active app in the same statement.
 */
export async function useTotpStep(
  trx: Transaction<Database>,
  ref: UserRef,
  id: string,
  step: number,
  activate = false,
): Promise<TotpFactor | undefined> {
  return trx
    .updateTable('totp_factors')
    .set(
      activate
        ? { last_used_step: String(step), status: 'active', confirmed_at: new Date() }
        : { last_used_step: String(step) },
    )
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where((eb) =>
      eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', String(step))]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Removes the user's apps, active and pending. */
export async function deleteTotpFactors(db: Kysely<Database>, ref: UserRef) {
  await db
    .deleteFrom('totp_factors')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}
