import type { Kysely, Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
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
  const now = new Date();
  await writeWithNext(
    trx,
    trx
      .with('beyond', (db) =>
        db
          .deleteFrom('recovery_codes')
          .where('user_id', '=', ref.userId)
          .where('tenant_id', '=', ref.tenantId)
          .where('position', '>=', codes.length),
      )
      .insertInto('recovery_codes')
      .values(
        codes.map((code, position) => ({
          tenant_id: ref.tenantId,
          user_id: ref.userId,
          position,
          code_hash: code.hash,
          code_encrypted: code.encrypted,
          created_at: now,
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
}

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
