import type { Kysely, Transaction } from 'kysely';
import type { Database, User } from '../db/types.ts';
import type { UserRef } from './refs.ts';

/** The user for a partner's user id, created on first sight; a given email replaces the stored one. */
export async function upsertUser(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
  email?: string,
): Promise<User> {
  return db
    .insertInto('users')
    .values({ tenant_id: tenantId, external_id: externalId, email: email ?? null })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'external_id']).doUpdateSet((eb) => ({
        email: email === undefined ? eb.ref('users.email') : eb.val(email),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByExternalId(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/**
 * One more consecutive failure, counted by the database itself (exact under any concurrency) and
 * never past `cap`: undefined once the count has reached it.
 */
export async function countFailure(
  trx: Transaction<Database>,
  ref: UserRef,
  cap: number,
): Promise<number | undefined> {
  const row = await trx
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('failed_attempts', '<', cap)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts;
}

export async function lockUntil(trx: Transaction<Database>, ref: UserRef, until: Date) {
  await trx
    .updateTable('users')
    .set({ locked_until: until })
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

/**
 * Confirms a success in the same statement that checks the lockout: refused (false) when a lockout
 * started meanwhile, so a correct answer never slips past a wait. With `resetFailures` the count
 * starts again from zero.
 */
export async function confirmSuccess(
  trx: Transaction<Database>,
  ref: UserRef,
  resetFailures: boolean,
  now = new Date(),
): Promise<boolean> {
  const row = await trx
    .updateTable('users')
    .set((eb) =>
      resetFailures
        ? { failed_attempts: 0, locked_until: null }
        : { failed_attempts: eb.ref('failed_attempts') },
    )
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function clearLockout(db: Kysely<Database>, ref: UserRef) {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

export async function lockedUntil(db: Kysely<Database>, ref: UserRef) {
  const user = await db
    .selectFrom('users')
    .select('locked_until')
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .executeTakeFirst();
  return user?.locked_until ?? null;
}

/** Deletes the user and, through the foreign keys, every row kept about them. */
export async function deleteUser(trx: Transaction<Database>, ref: UserRef) {
  // FOR UPDATE, the one exception to NO KEY UPDATE (locks.ts): the row itself goes.
  await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .forUpdate()
    .execute();
  await trx
    .deleteFrom('audit_events')
    .where('tenant_id', '=', ref.tenantId)
    .where('user_id', '=', ref.userId)
    .execute();
  await trx
    .deleteFrom('users')
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

/** The method asked first at sign-in, or null to let the server choose. */
export async function setPreferredMethod(
  db: Kysely<Database>,
  ref: UserRef,
  method: 'sms' | 'totp' | null,
) {
  await db
    .updateTable('users')
    .set({ preferred_method: method })
    .where('id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}
