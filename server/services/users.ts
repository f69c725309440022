import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { listEvents, type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { withUserLocked } from '../repositories/locks.ts';
import { countTrustedBrowsers } from '../repositories/trusted-browsers.ts';
import { clearLockout, deleteUser, findUserByExternalId } from '../repositories/users.ts';
import { resetTwoFactor } from './management.ts';
import type { TenantContext } from './tenants.ts';
import { revokeTrust } from './trusted-browsers.ts';
import { twoFactorState } from './two-factor-state.ts';

/** What the partner sees of a user's two-factor state (DESIGN §3, `GET /v1/users/:userId`). */
export async function userStatus(db: Kysely<Database>, tenantId: string, externalId: string) {
  const user = await findUserByExternalId(db, tenantId, externalId);
  const ref = user ? { tenantId, userId: user.id } : undefined;
  const state = await twoFactorState(db, ref);
  return {
    userId: externalId,
    twoFactor: {
      enabled: state.enabled,
      methods: state.methods,
      preferredMethod: state.preferredMethod,
      phone: state.phone,
      totp: state.totp ? { addedAt: state.totp.addedAt.toISOString() } : null,
      enabledAt: state.enabledAt?.toISOString() ?? null,
    },
    recoveryCodesRemaining: state.recoveryCodesRemaining,
    trustedBrowsers: ref ? await countTrustedBrowsers(db, ref) : 0,
  };
}

/** The user's security events, newest first, a page at a time (`before` is the last id seen). */
export async function userEvents(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
  page: { limit: number; before?: number },
) {
  const user = await findUserByExternalId(db, tenantId, externalId);
  if (!user) return { events: [], nextBefore: null };
  const { rows, nextBefore } = await listEvents(db, { tenantId, userId: user.id }, page);
  const events = rows.map((row) => ({
    id: Number(row.id),
    type: row.type,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details,
    createdAt: row.created_at.toISOString(),
  }));
  return { events, nextBefore };
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
  const user = await findUserByExternalId(db, tenantId, externalId);
  if (!user) return false;
  await db.transaction().execute(async (trx) => {
    await deleteUser(trx, { tenantId, userId: user.id });
    await recordEvent(trx, { tenantId, type: 'user.erased', context });
  });
  return true;
}

/** The support desk's unlock: the failure count cleared, two-factor left as it is. */
export async function clearUserLockout(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
  context: RequestContext,
) {
  const user = await findUserByExternalId(db, tenantId, externalId);
  if (!user) return;
  const ref = { tenantId, userId: user.id };
  await withUserLocked(db, ref, async (trx) => {
    await clearLockout(trx, ref);
    await recordEvent(trx, { ...ref, type: 'lockout.cleared', context });
  });
}

/** The partner's "sign out everywhere" or password change: every trusted browser forgotten. */
export async function revokeUserTrust(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
  context: RequestContext,
) {
  const user = await findUserByExternalId(db, tenantId, externalId);
  if (user) await revokeTrust(db, { tenantId, userId: user.id }, context, { by: 'partner' });
}

/** The support desk's reset of two-factor, for a partner's user id; nothing when unknown. */
export async function resetUserTwoFactor(
  deps: Deps,
  tenant: TenantContext,
  externalId: string,
  context: RequestContext,
) {
  const user = await findUserByExternalId(deps.db, tenant.id, externalId);
  if (user) await resetTwoFactor(deps, tenant, user, context);
}
