import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { UserRef } from './refs.ts';

export async function insertTrustedBrowser(
  db: Kysely<Database>,
  ref: UserRef,
  browser: { tokenHash: string; label: string; expiresAt: Date },
) {
  await db
    .insertInto('trusted_browsers')
    .values({
      tenant_id: ref.tenantId,
      user_id: ref.userId,
      token_hash: browser.tokenHash,
      label: browser.label,
      expires_at: browser.expiresAt,
    })
    .execute();
}

/** The live trust behind a cookie's hash, marked as used now; undefined when none. */
export async function touchTrustedBrowser(db: Kysely<Database>, ref: UserRef, tokenHash: string) {
  const now = new Date();
  return db
    .updateTable('trusted_browsers')
    .set({ last_used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('expires_at', '>', now)
    .returning(['id', 'label'])
    .executeTakeFirst();
}

export async function listTrustedBrowserRows(db: Kysely<Database>, ref: UserRef) {
  return db
    .selectFrom('trusted_browsers')
    .selectAll()
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('expires_at', '>', new Date())
    .orderBy('last_used_at', 'desc')
    .execute();
}

export async function countTrustedBrowsers(db: Kysely<Database>, ref: UserRef) {
  const row = await db
    .selectFrom('trusted_browsers')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId)
    .where('expires_at', '>', new Date())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Ends trust: one browser (by id) or all of the user's. Returns how many ended. */
export async function deleteTrustedBrowsers(db: Kysely<Database>, ref: UserRef, id?: string) {
  let query = db
    .deleteFrom('trusted_browsers')
    .where('user_id', '=', ref.userId)
    .where('tenant_id', '=', ref.tenantId);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
