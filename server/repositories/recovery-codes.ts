import { type Kysely, type QueryCreator, sql, type Transaction } from 'kysely';
import { writeWithNext } from '../db/pipeline.ts';
import { statement } from '../db/statements.ts';
import type { Database } from '../db/types.ts';
import type { UserRef } from './refs.ts';

function userSet(db: Kysely<Database>, ref: UserRef) {
  return db
    .selectFrom('recovery_code_sets')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId);
}

/**
 * Replaces the user's whole set, in one row, in the caller's transaction (the user row is locked):
 * the new codes, in their order, none used.
 */
export async function replaceRecoveryCodes(
  trx: Transaction<Database>,
  ref: UserRef,
  set: StoredSet,
) {
  await writeWithNext(
    trx,
    replaceSet({ ...ref, hashes: set.hashes, sealed: set.sealed, now: new Date() }),
  );
}

/** A new set as it is stored: the codes' hashes, in their order, and the codes sealed, if kept. */
export interface StoredSet {
  hashes: string[];
  sealed: string | null;
}

type SetValues = UserRef & StoredSet & { now: Date };

const replaceSet = statement((db, values: SetValues) => upsertSet(db, values));

/** The user's set replaced by a new one: for this module's statement, and for `activatePhone`'s. */
export function upsertSet(db: QueryCreator<Database>, values: SetValues) {
  return db
    .insertInto('recovery_code_sets')
    .values({
      tenant_id: values.tenantId,
      user_id: values.userId,
      code_hashes: values.hashes,
      codes_sealed: values.sealed,
      created_at: values.now,
    })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet((eb) => ({
        code_hashes: eb.ref('excluded.code_hashes'),
        codes_sealed: eb.ref('excluded.codes_sealed'),
        codes_encrypted: null,
        used_positions: sql<number[]>`'{}'`,
        created_at: eb.ref('excluded.created_at'),
      })),
    );
}

export async function deleteRecoveryCodes(db: Kysely<Database>, ref: UserRef) {
  await db
    .deleteFrom('recovery_code_sets')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}

/** The whole set, used codes included, in the order it was shown; undefined when there is none. */
export async function findRecoveryCodes(db: Kysely<Database>, ref: UserRef) {
  return userSet(db, ref)
    .select(['code_hashes', 'codes_sealed', 'codes_encrypted', 'used_positions'])
    .executeTakeFirst();
}

/**
 * Marks the code at `position` used, once, if it is still the code with `hash` (the set was not
 * replaced meanwhile): of parallel uses of one code, one gets true.
 */
export async function markRecoveryCodeUsed(
  trx: Transaction<Database>,
  ref: UserRef,
  code: { position: number; hash: string },
) {
  const used = await trx
    .updateTable('recovery_code_sets')
    .set({ used_positions: sql`array_append(used_positions, ${code.position}::integer)` })
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where(sql<boolean>`code_hashes[${code.position + 1}::integer] = ${code.hash}`)
    .where(sql<boolean>`not (${code.position}::integer = any(used_positions))`)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, ref: UserRef) {
  const set = await userSet(db, ref)
    .select(sql<number>`cardinality(code_hashes) - cardinality(used_positions)`.as('unused'))
    .executeTakeFirst();
  return Number(set?.unused ?? 0);
}
