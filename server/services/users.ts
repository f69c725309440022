import type { Kysely } from 'kysely';
import type { Database, User } from '../db/types.ts';
import { type RequestContext, recordEvent } from './audit.ts';
import { countTrustedBrowsers } from './trusted-browsers.ts';
import { twoFactorState } from './two-factor-state.ts';

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
  const user = await findUser(db, tenantId, externalId);
  const state = await twoFactorState(db, user?.id);
  return {
    userId: externalId,
    twoFactor: {
      enabled: state.enabled,
      phone: state.phone,
      enabledAt: state.enabledAt?.toISOString() ?? null,
    },
    recoveryCodesRemaining: state.recoveryCodesRemaining,
    trustedBrowsers: user ? await countTrustedBrowsers(db, user.id) : 0,
  };
}

/** The user's security events, newest first, a page at a time (`before` is the last id seen). */
export async function userEvents(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
  page: { limit: number; before?: number },
) {
  const user = await findUser(db, tenantId, externalId);
  if (!user) return { events: [], nextBefore: null };
  let query = db
    .selectFrom('audit_events')
    .select(['id', 'type', 'ip', 'user_agent', 'details', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', user.id)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.before !== undefined) query = query.where('id', '<', String(page.before));
  const rows = await query.execute();
  const events = rows.slice(0, page.limit).map((row) => ({
    id: Number(row.id),
    type: row.type,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details,
    createdAt: row.created_at.toISOString(),
  }));
  const last = events.at(-1);
  return { events, nextBefore: rows.length > page.limit && last ? last.id : null };
}

/**
 * Erases everything kept about a user: phone, codes, recovery codes, sessions, results, trusted
 * browsers, send log and their audit events. The tenant keeps one event saying a user was erased.
 */
export async function eraseUser(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
  context: RequestContext,
) {
  const user = await findUser(db, tenantId, externalId);
  if (!user) return false;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('audit_events').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('users').where('id', '=', user.id).execute();
    await recordEvent(trx, { tenantId, type: 'user.erased', context });
  });
  return true;
}
