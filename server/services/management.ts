import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { withUserLocked } from '../repositories/locks.ts';
import { deletePhones } from '../repositories/phone-factors.ts';
import { deleteRecoveryCodes } from '../repositories/recovery-codes.ts';
import type { UserRef } from '../repositories/refs.ts';
import { deleteTotpFactors } from '../repositories/totp-factors.ts';
import { deleteTrustedBrowsers } from '../repositories/trusted-browsers.ts';
import { activeMethods } from '../repositories/two-factor-methods.ts';
import { clearLockout, setPreferredMethod } from '../repositories/users.ts';
import { deleteUnusedCodes } from '../repositories/verification-codes.ts';
import { queueNotice, recordChange } from './notice-queue.ts';
import { issueRecoveryCodes, viewRecoveryCodes } from './recovery-codes.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { requireStepUp } from './step-up.ts';
import type { TenantContext } from './tenants.ts';
import { requireEnabled } from './two-factor-state.ts';

/*
 * Each change below checks the state it depends on and acts in one transaction that holds the
 * user's row: of two racing disables one turns two-factor off and the other finds it off.
 */

export async function showRecoveryCodes(
  deps: Deps,
  widget: WidgetContext,
  context: RequestContext,
) {
  requireStepUp(widget);
  const ref = sessionRef(widget);
  const codes = await withUserLocked(deps.db, ref, async (trx) => {
    await requireEnabled(trx, ref);
    const codes = widget.tenant.settings.recoveryCodesViewable
      ? await viewRecoveryCodes(trx, deps.keys, ref)
      : null;
    if (!codes) {
      throw new AppError('not_found', {
        message: 'Recovery codes cannot be shown again on this site. Make a new set instead.',
      });
    }
    await recordChange(trx, widget, { type: 'recovery_codes.viewed', context });
    return codes;
  });
  deps.notices.kick();
  return { codes };
}

export async function regenerateRecoveryCodes(
  deps: Deps,
  widget: WidgetContext,
  context: RequestContext,
) {
  requireStepUp(widget);
  const ref = sessionRef(widget);
  const codes = await withUserLocked(deps.db, ref, async (trx) => {
    await requireEnabled(trx, ref);
    const fresh = await issueRecoveryCodes(trx, deps.keys, widget.tenant, ref.userId);
    await recordChange(trx, widget, { type: 'recovery_codes.regenerated', context });
    return fresh;
  });
  deps.notices.kick();
  return { codes: codes.map((code) => ({ code, used: false })) };
}

/** Removes every method (phone, app), the recovery codes, any code in flight and every trusted browser. */
async function removeTwoFactor(trx: Transaction<Database>, ref: UserRef) {
  await deleteTrustedBrowsers(trx, ref);
  await deleteUnusedCodes(trx, ref);
  await deleteRecoveryCodes(trx, ref);
  await deletePhones(trx, ref);
  await deleteTotpFactors(trx, ref);
  await setPreferredMethod(trx, ref, null);
}

export async function disableTwoFactor(deps: Deps, widget: WidgetContext, context: RequestContext) {
  requireStepUp(widget);
  const ref = sessionRef(widget);
  await withUserLocked(deps.db, ref, async (trx) => {
    await requireEnabled(trx, ref);
    await removeTwoFactor(trx, ref);
    await recordChange(trx, widget, { type: 'two_factor.disabled', context });
  });
  deps.notices.kick();
}

/** The partner's support-desk reset: two-factor off and the lockout cleared, whatever the state. */
export async function resetTwoFactor(
  deps: Deps,
  tenant: TenantContext,
  user: WidgetContext['user'],
  context: RequestContext,
) {
  const ref = { tenantId: tenant.id, userId: user.id };
  await withUserLocked(deps.db, ref, async (trx) => {
    const active = await activeMethods(trx, ref);
    const wasOn = active.phone !== null || active.totp !== null;
    await removeTwoFactor(trx, ref);
    await clearLockout(trx, ref);
    await recordEvent(trx, { ...ref, type: 'two_factor.reset', context });
    if (wasOn) await queueNotice(trx, { tenant, user }, 'two_factor.disabled', context);
  });
  deps.notices.kick();
}
