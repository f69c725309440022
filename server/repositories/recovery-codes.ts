import type { Kysely, Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statementPer } from '../db/statements.ts';
import type { Database } from '../db/types.ts';
import type { UserRef } from './refs.ts';

function userCodes(db: Kysely<Database>, ref: UserRef) {
  return db
    .selectFrom('recovery_codes')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId);
}

/**
 * Replaces the user's whole set in one statement, in the caller's transaction (the user row is
 * locked): each position gets its new code, unused, and positions past the new set's end go.
 */
export async function replaceRecoveryCodes(
  trx: Transaction<Database>,
  ref: UserRef,
  codes: { hash: string; encrypted: string | null }[],
) {
  const values: ReplaceValues = { ...ref, now: new Date() };
  codes.forEach((code, position) => {
    values[`hash_${position}`] = code.hash;
    values[`encrypted_${position}`] = code.encrypted;
  });
  await writeWithNext(trx, replaceAll(codes.length, values));
}

type ReplaceValues = UserRef & { now: Date } & Record<
    `hash_${number}` | `encrypted_${number}`,
    string | null
  >;

/** The new set over the old, position by position; what the old set had beyond it, deleted. */
const replaceAll = statementPer(
  (count: number) => (db, values: ReplaceValues) =>
    db
      .with('beyond', (db) =>
        db
          .deleteFrom('recovery_codes')
          .where('user_id', '=', values.userId)
          .where('tenant_id', '=', values.tenantId)
          .where('position', '>=', count),
      )
      .insertInto('recovery_codes')
      .values(
        Array.from({ length: count }, (_, position) => ({
          tenant_id: values.tenantId,
          user_id: values.userId,
          position,
          code_hash: values[`hash_${position}`] as string,
          code_encrypted: values[`encrypted_${position}`] as string | null,
          created_at: values.now,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'position']).doUpdateSet((eb) => ({
          code_hash: eb.ref('excluded.code_hash'),
          code_encrypted: eb.ref('excluded.code_encrypted'),
          created_at: eb.ref('excluded.created_at'),
          used_at: null,
        })),
      ),
);

export async function deleteRecoveryCodes(db: Kysely<Database>, ref: UserRef) {
  await db
    .deleteFrom('recovery_codes')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

/** The whole set, used codes included, in the order it was shown. */
export async function listRecoveryCodes(db: Kysely<Database>, ref: UserRef) {
  return userCodes(db, ref)
    .select(['id', 'code_hash', 'code_encrypted', 'used_at'])
    .orderBy('position')
    .execute();
}

/** Marks a code used, once: of parallel uses of one code, one gets true. */
export async function markRecoveryCodeUsed(trx: Transaction<Database>, ref: UserRef, id: string) {
  const used = await trx
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return used.numUpdatedRows === 1n;
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, ref: UserRef) {
  const row = await userCodes(db, ref)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
