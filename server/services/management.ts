import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from './audit.ts';
import { resetLockout } from './lockout.ts';
import { notifyUser } from './notify.ts';
import { issueRecoveryCodes, viewRecoveryCodes } from './recovery-codes.ts';
import type { WidgetContext } from './sessions.ts';
import { requireStepUp } from './step-up.ts';
import type { TenantContext } from './tenants.ts';
import { revokeTrustedBrowsers } from './trusted-browsers.ts';
import { activePhone, requireActivePhone } from './two-factor-state.ts';

export async function showRecoveryCodes(
  app: FastifyInstance,
  widget: WidgetContext,
  context: RequestContext,
) {
  requireStepUp(widget);
  await requireActivePhone(app.db, widget.user.id);
  const codes = widget.tenant.settings.recoveryCodesViewable
    ? await viewRecoveryCodes(app.db, app.keys, widget.user.id)
    : null;
  if (!codes) {
    throw new AppError('not_found', {
      message: 'Recovery codes cannot be shown again on this site. Make a new set instead.',
    });
  }
  await recordEvent(app.db, {
    tenantId: widget.tenant.id,
    userId: widget.user.id,
    type: 'recovery_codes.viewed',
    context,
  });
  await notifyUser(app, widget, 'recovery_codes.viewed', context);
  return { codes };
}

export async function regenerateRecoveryCodes(
  app: FastifyInstance,
  widget: WidgetContext,
  context: RequestContext,
) {
  requireStepUp(widget);
  const { tenant, user } = widget;
  await requireActivePhone(app.db, user.id);
  const codes = await app.db.transaction().execute(async (trx) => {
    const fresh = await issueRecoveryCodes(trx, app.keys, tenant, user.id);
    await recordEvent(trx, {
      tenantId: tenant.id,
      userId: user.id,
      type: 'recovery_codes.regenerated',
      context,
    });
    return fresh;
  });
  await notifyUser(app, widget, 'recovery_codes.regenerated', context);
  return { codes: codes.map((code) => ({ code, used: false })) };
}

/** Removes the phone, the recovery codes, any code in flight and every trusted browser. */
async function removeTwoFactor(trx: Kysely<Database>, userId: string) {
  await revokeTrustedBrowsers(trx, userId);
  await trx
    .deleteFrom('verification_codes')
    .where('user_id', '=', userId)
    .where('consumed_at', 'is', null)
    .execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx.deleteFrom('phone_factors').where('user_id', '=', userId).execute();
}

export async function disableTwoFactor(
  app: FastifyInstance,
  widget: WidgetContext,
  context: RequestContext,
) {
  requireStepUp(widget);
  const { tenant, user } = widget;
  await requireActivePhone(app.db, user.id);
  await app.db.transaction().execute(async (trx) => {
    await removeTwoFactor(trx, user.id);
    await recordEvent(trx, {
      tenantId: tenant.id,
      userId: user.id,
      type: 'two_factor.disabled',
      context,
    });
  });
  await notifyUser(app, widget, 'two_factor.disabled', context);
}

/** The partner's support-desk reset: two-factor off and the lockout cleared, whatever the state. */
export async function resetTwoFactor(
  app: FastifyInstance,
  tenant: TenantContext,
  user: User,
  context: RequestContext,
) {
  const wasOn = (await activePhone(app.db, user.id)) !== undefined;
  await app.db.transaction().execute(async (trx) => {
    await removeTwoFactor(trx, user.id);
    await resetLockout(trx, user.id);
    await recordEvent(trx, {
      tenantId: tenant.id,
      userId: user.id,
      type: 'two_factor.reset',
      context,
    });
  });
  if (wasOn) await notifyUser(app, { tenant, user }, 'two_factor.disabled', context);
}
