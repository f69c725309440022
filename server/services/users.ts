import type { Kysely } from 'kysely';
import type { Database, User } from '../db/types.ts';

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

export async function findUser(db: Kysely<Database>, tenantId: string, externalId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** What the partner sees of a user's two-factor state (DESIGN §3, `GET /v1/users/:userId`). */
export async function userStatus(db: Kysely<Database>, tenantId: string, externalId: string) {
  await findUser(db, tenantId, externalId);
  return {
    userId: externalId,
    twoFactor: { enabled: false, phone: null, enabledAt: null },
    recoveryCodesRemaining: 0,
    trustedBrowsers: 0,
  };
}
