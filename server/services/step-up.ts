import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { STEP_UP_TTL_SECONDS } from '../security-constants.ts';
import { type RequestContext, recordEvent } from './audit.ts';
import { deliverCode, phoneCodeAnswer } from './code-delivery.ts';
import { checkCode, sequenceOf } from './codes.ts';
import { verificationAttempt } from './lockout.ts';
import { notifyUser } from './notify.ts';
import { recoveryCodeUsed } from './recovery-code-use.ts';
import { consumeRecoveryCode } from './recovery-codes.ts';
import type { WidgetContext } from './sessions.ts';
import { requireActivePhone } from './two-factor-state.ts';

/** Disable, change phone, view and regenerate need a step-up verified in this session, still fresh. */
export function requireStepUp(widget: WidgetContext) {
  const until = widget.session.step_up_until;
  if (!until || until <= new Date()) throw new AppError('step_up_required');
}

export async function startStepUp(
  app: FastifyInstance,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
) {
  const phone = await requireActivePhone(app.db, widget.user.id);
  const sent = await deliverCode(app, widget, {
    purpose: 'step-up',
    sequence: sequenceOf('step-up'),
    destination: { channel: 'sms', phone, partnerOrigin: origin },
    context,
  });
  return phoneCodeAnswer(sent);
}

/** A code sent to the current phone, or a recovery code (used up, as on every path). */
export async function verifyStepUp(
  app: FastifyInstance,
  widget: WidgetContext,
  proof: { code: string } | { recoveryCode: string },
  context: RequestContext,
) {
  const { session, tenant, user } = widget;
  await requireActivePhone(app.db, user.id);
  const validUntil = new Date(Date.now() + STEP_UP_TTL_SECONDS * 1000);
  const result = await verificationAttempt(
    app.db,
    { tenantId: tenant.id, userId: user.id, context },
    async (trx) => {
      const outcome =
        'code' in proof
          ? await checkCode(trx, app.keys.codes, session.id, sequenceOf('step-up'), proof.code)
          : await consumeRecoveryCode(trx, app.keys, user.id, proof.recoveryCode);
      if (!outcome.ok) return outcome;
      await trx
        .updateTable('widget_sessions')
        .set({ step_up_until: validUntil })
        .where('id', '=', session.id)
        .execute();
      const newRecoveryCodes =
        'recoveryCode' in proof
          ? await recoveryCodeUsed(
              trx,
              app.keys,
              widget,
              context,
              (outcome.value as { remaining: number }).remaining,
            )
          : undefined;
      await recordEvent(trx, {
        tenantId: tenant.id,
        userId: user.id,
        type: 'step_up.verified',
        context,
        details: { via: 'code' in proof ? 'code' : 'recovery-code' },
      });
      return { ok: true, value: { newRecoveryCodes } };
    },
  );
  if ('recoveryCode' in proof) await notifyUser(app, widget, 'recovery_code.used', context);
  return {
    validUntil: validUntil.toISOString(),
    ...(result.newRecoveryCodes ? { newRecoveryCodes: result.newRecoveryCodes } : {}),
  };
}
