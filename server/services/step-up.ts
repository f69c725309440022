import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { lockSession } from '../repositories/locks.ts';
import { setStepUpUntil } from '../repositories/widget-sessions.ts';
import { STEP_UP_TTL_SECONDS } from '../security-constants.ts';
import { checkTotp } from './authenticator-app.ts';
import { deliverCode, phoneCodeAnswer, stillActive } from './code-delivery.ts';
import { checkCode, type LiveBehind, liveCodeBehindLock, sequenceOf } from './codes.ts';
import type { LockedAttempt } from './locked-authentication.ts';
import { verificationAttempt } from './lockout.ts';
import { queueNotice } from './notice-queue.ts';
import { recoveryCodeUsed } from './recovery-code-use.ts';
import { consumeRecoveryCode } from './recovery-codes.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { chooseMethod, offeredMethods } from './sign-in-methods.ts';
import { activePhoneOf, assertEnabled, type Method } from './two-factor-state.ts';

const sequence = sequenceOf('step-up');

/** A step-up's send reads the session's live step-up code behind the user's lock. */
export const stepUpSendBehindLock = liveCodeBehindLock(sequence);

/** Disable, change phone, view and regenerate need a step-up verified in this session, still fresh. */
export function requireStepUp(widget: Pick<WidgetContext, 'session'>) {
  const until = widget.session.step_up_until;
  if (!until || until <= new Date()) throw new AppError('step_up_required');
}

export async function startStepUp(
  deps: Deps,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
  /** Begun by authentication, with `stepUpSendBehindLock` (plugins/widget-auth.ts). */
  opened: LockedAttempt<LiveBehind>,
) {
  const ref = sessionRef(widget);
  // The user's methods as they are under the lock: the phone is the one still active.
  const { active } = opened.read;
  const phone = activePhoneOf(ref, active);
  // Offered only while the tenant allows text messages, or while the phone is all the user has.
  chooseMethod(widget, active, { requested: 'sms' });
  const sent = await deliverCode(deps, widget, {
    purpose: 'step-up',
    sequence,
    destination: { channel: 'sms', phone, partnerOrigin: origin },
    context,
    opened,
    guard: async (_session, _trx, locked) => stillActive(phone, locked),
  });
  return phoneCodeAnswer(sent);
}

/**
 * A code from one of the user's methods (sent to the current phone, or shown by the app; `method`
 * defaults to the phone while the tenant offers it, else the app), or a recovery code (used up, as
 * on every path).
 */
export async function verifyStepUp(
  deps: Deps,
  widget: WidgetContext,
  proof: { code: string; method?: Method } | { recoveryCode: string },
  context: RequestContext,
  /** Begun by authentication, the user's and the session's rows locked. */
  opened: LockedAttempt<unknown>,
) {
  const ref = sessionRef(widget);
  const validUntil = new Date(Date.now() + STEP_UP_TTL_SECONDS * 1000);
  const result = await verificationAttempt(
    deps.db,
    { ...ref, context },
    async (trx, methods) => {
      const active = assertEnabled(methods);
      const method =
        'code' in proof
          ? chooseMethod(widget, active, {
              requested:
                proof.method ?? (offeredMethods(widget, active).includes('sms') ? 'sms' : 'totp'),
            })
          : undefined;
      const outcome =
        'recoveryCode' in proof
          ? await consumeRecoveryCode(trx, deps.keys, ref, proof.recoveryCode)
          : method === 'totp' && active.totp
            ? await checkTotp(trx, deps, ref, active.totp, proof.code)
            : await checkCode(trx, deps.keys, ref, sequence, proof.code);
      if (!outcome.ok) return outcome;
      // Locked by authentication, after the user's: answered without a statement.
      await lockSession(trx, ref);
      await setStepUpUntil(trx, ref, validUntil);
      const newRecoveryCodes =
        'recoveryCode' in proof
          ? await recoveryCodeUsed(
              trx,
              deps.keys,
              widget,
              context,
              (outcome.value as { remaining: number }).remaining,
            )
          : undefined;
      if ('recoveryCode' in proof) await queueNotice(trx, widget, 'recovery_code.used', context);
      await recordEvent(trx, {
        ...ref,
        type: 'step_up.verified',
        context,
        details: { via: 'code' in proof ? 'code' : 'recovery-code', ...(method ? { method } : {}) },
      });
      return { ok: true, value: { newRecoveryCodes } };
    },
    opened,
  );
  deps.notices.kick();
  return {
    validUntil: validUntil.toISOString(),
    ...(result.newRecoveryCodes ? { newRecoveryCodes: result.newRecoveryCodes } : {}),
  };
}
