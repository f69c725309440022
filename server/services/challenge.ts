import type { Transaction } from 'kysely';
import type { Database, WidgetSession } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { lockSession, withUserLocked } from '../repositories/locks.ts';
import { activePhone } from '../repositories/phone-factors.ts';
import type { SessionRef } from '../repositories/refs.ts';
import { finishSession, setCompletedSteps } from '../repositories/widget-sessions.ts';
import { CODE_DIGITS } from '../security-constants.ts';
import { deliverCode, maskEmail, type SentCode } from './code-delivery.ts';
import { type CodePurpose, checkCode, currentCode, sequenceOf } from './codes.ts';
import { verificationAttempt } from './lockout.ts';
import { queueNotice } from './notice-queue.ts';
import { recoveryCodeUsed } from './recovery-code-use.ts';
import { consumeRecoveryCode } from './recovery-codes.ts';
import { createResult, type Via } from './results.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { trustBrowser, useTrustedBrowser } from './trusted-browsers.ts';
import { requireActivePhone } from './two-factor-state.ts';

export type Step = 'email' | 'sms';

export interface BrowserContext extends RequestContext {
  /** The trust cookie this browser sent, if any. */
  trustCookie: string | undefined;
}

export function challengeSteps({ session, tenant }: Pick<WidgetContext, 'session' | 'tenant'>) {
  return session.purpose === 'verify-email'
    ? (['email'] as Step[])
    : [...tenant.settings.signInSteps];
}

function nextStep(widget: WidgetContext, completed: string[]): Step | undefined {
  return challengeSteps(widget).find((step) => !completed.includes(step));
}

function codePurpose({ session }: WidgetContext, step: Step): CodePurpose {
  if (step === 'sms') return 'sign-in-sms';
  return session.purpose === 'verify-email' ? 'verify-email' : 'sign-in-email';
}

function emailOf({ session, user }: WidgetContext) {
  const email = session.email ?? user.email;
  if (!email)
    throw new AppError('invalid_request', {
      message: 'This session has no email address to send a code to.',
    });
  return email;
}

function pending(step: Step, sent: SentCode) {
  return {
    status: 'pending' as const,
    step,
    maskedDestination: sent.masked,
    expiresAt: sent.expiresAt,
    resendAt: sent.resendAt,
    codeLength: sent.codeLength,
  };
}

function assertOpen(session: Pick<WidgetSession, 'verified_at'>) {
  if (session.verified_at) throw new AppError('already_verified');
}

/** The session as it is now, locked after its user's row: the step it is at, still open. */
async function openSession(trx: Transaction<Database>, ref: SessionRef) {
  const session = await lockSession(trx, ref);
  assertOpen(session);
  return session;
}

async function sendStepCode(
  deps: Deps,
  widget: WidgetContext,
  step: Step,
  origin: string,
  context: RequestContext,
) {
  const purpose = codePurpose(widget, step);
  const destination =
    step === 'sms'
      ? {
          channel: 'sms' as const,
          phone: await requireActivePhone(deps.db, sessionRef(widget)),
          partnerOrigin: origin,
        }
      : {
          channel: 'email' as const,
          email: emailOf(widget),
          emailPurpose:
            widget.session.purpose === 'verify-email'
              ? ('verify-email' as const)
              : ('sign-in' as const),
        };
  return pending(
    step,
    await deliverCode(deps, widget, {
      purpose,
      sequence: sequenceOf(purpose),
      destination,
      context,
      // A verification may have finished the session or passed this step meanwhile.
      guard: (session) => {
        assertOpen(session);
        if (session.completed_steps.includes(step)) throw new AppError('already_verified');
      },
    }),
  );
}

/** The step's live code, if one was sent and still works: starting again must not send another. */
async function livePending(deps: Deps, widget: WidgetContext, step: Step) {
  const ref = sessionRef(widget);
  const code = await currentCode(deps.db, ref, sequenceOf(codePurpose(widget, step)));
  if (!code || code.expires_at <= new Date()) return undefined;
  const phone = step === 'sms' ? await activePhone(deps.db, ref) : undefined;
  const masked = step === 'sms' ? (phone?.masked ?? '') : maskEmail(emailOf(widget));
  return pending(step, {
    masked,
    expiresAt: code.expires_at.toISOString(),
    resendAt: code.resend_at.toISOString(),
    codeLength: CODE_DIGITS,
  });
}

/** Finishes the session once, with a result token for the partner to redeem. */
async function finish(
  trx: Transaction<Database>,
  widget: WidgetContext,
  steps: string[],
  via: Via,
) {
  const ref = sessionRef(widget);
  if (!(await finishSession(trx, ref, steps))) throw new AppError('already_verified');
  return createResult(trx, ref, {
    purpose: widget.session.purpose,
    // Only an address this challenge proved (the email step) is vouched for.
    email: steps.includes('email') ? widget.session.email : null,
    steps,
    via,
  });
}

function mayTrust(widget: WidgetContext, asked: boolean | undefined) {
  return (
    asked === true &&
    widget.session.purpose === 'sign-in' &&
    widget.tenant.settings.trustBrowserDays > 0
  );
}

async function trustThisBrowser(
  trx: Transaction<Database>,
  widget: WidgetContext,
  context: BrowserContext,
) {
  const ref = sessionRef(widget);
  const trust = await trustBrowser(trx, ref, {
    userAgent: context.userAgent,
    days: widget.tenant.settings.trustBrowserDays,
  });
  await recordEvent(trx, {
    ...ref,
    type: 'browser.trusted',
    context,
    details: { label: trust.label },
  });
  return trust;
}

/**
 * Starts (or picks up) the challenge: a trusted browser is verified at once; otherwise the current
 * step's code is sent, unless one is already live.
 */
export async function startChallenge(
  deps: Deps,
  widget: WidgetContext,
  origin: string,
  context: BrowserContext,
) {
  assertOpen(widget.session);
  const ref = sessionRef(widget);
  if (widget.session.purpose === 'sign-in') {
    await requireActivePhone(deps.db, ref);
    if (widget.tenant.settings.trustBrowserDays > 0 && context.trustCookie) {
      const resultToken = await withUserLocked(deps.db, ref, async (trx) => {
        await openSession(trx, ref);
        if (!(await useTrustedBrowser(trx, ref, context.trustCookie))) return undefined;
        return finish(trx, widget, [], 'trusted-browser');
      });
      if (resultToken) {
        return { status: 'verified' as const, resultToken, via: 'trusted-browser' as const };
      }
    }
  }
  const step = nextStep(widget, widget.session.completed_steps) as Step;
  return (
    (await livePending(deps, widget, step)) ?? sendStepCode(deps, widget, step, origin, context)
  );
}

export async function resendChallenge(
  deps: Deps,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
) {
  assertOpen(widget.session);
  return sendStepCode(
    deps,
    widget,
    nextStep(widget, widget.session.completed_steps) as Step,
    origin,
    context,
  );
}

/** Verifies the current step's code: sends the next step's code, or finishes. */
export async function verifyChallenge(
  deps: Deps,
  widget: WidgetContext,
  input: { code: string; trustBrowser?: boolean },
  origin: string,
  context: BrowserContext,
) {
  assertOpen(widget.session);
  const ref = sessionRef(widget);
  type Trust = Awaited<ReturnType<typeof trustThisBrowser>>;
  type StepDone =
    | { next: Step; completed: string[] }
    | { next?: undefined; resultToken: string; trust?: Trust };
  const outcome = await verificationAttempt<StepDone>(deps.db, { ...ref, context }, async (trx) => {
    // The step as it is now: a parallel request may have passed one meanwhile.
    const session = await openSession(trx, ref);
    const step = nextStep(widget, session.completed_steps) as Step;
    const phone = await activePhone(trx, ref);
    if (step === 'sms' && !phone) throw new AppError('not_enabled');
    const checked = await checkCode(
      trx,
      deps.keys,
      ref,
      sequenceOf(codePurpose(widget, step)),
      input.code,
    );
    if (!checked.ok) return checked;
    // An email code clears the failure count only when there are no SMS failures to protect: the
    // email step must not let someone with the inbox wipe out wrong SMS codes.
    const keepFailures = step === 'email' && phone !== undefined;
    const completed = [...session.completed_steps, step];
    const next = nextStep(widget, completed);
    if (next) {
      await setCompletedSteps(trx, ref, completed);
      return { ok: true, value: { next, completed }, keepFailures };
    }
    const resultToken = await finish(trx, widget, completed, 'code');
    const trust = mayTrust(widget, input.trustBrowser)
      ? await trustThisBrowser(trx, widget, context)
      : undefined;
    if (trust) await queueNotice(trx, widget, 'browser.trusted', context);
    return { ok: true, value: { resultToken, trust }, keepFailures };
  });
  if (outcome.next) {
    const advanced = {
      ...widget,
      session: { ...widget.session, completed_steps: outcome.completed },
    };
    return { answer: await sendStepCode(deps, advanced, outcome.next, origin, context) };
  }
  const { resultToken, trust } = outcome;
  deps.notices.kick();
  return { answer: { status: 'verified' as const, resultToken, via: 'code' as const }, trust };
}

/** A recovery code in place of the SMS step (never of the email step, which comes first). */
export async function recoverChallenge(
  deps: Deps,
  widget: WidgetContext,
  input: { recoveryCode: string; trustBrowser?: boolean },
  context: BrowserContext,
) {
  assertOpen(widget.session);
  if (widget.session.purpose !== 'sign-in')
    throw new AppError('wrong_purpose', { message: 'Only a sign-in accepts a recovery code.' });
  const ref = sessionRef(widget);
  const { resultToken, newRecoveryCodes, trust } = await verificationAttempt(
    deps.db,
    { ...ref, context },
    async (trx) => {
      const session = await openSession(trx, ref);
      if (nextStep(widget, session.completed_steps) !== 'sms') {
        throw new AppError('invalid_request', { message: 'Verify the code sent by email first.' });
      }
      await requireActivePhone(trx, ref);
      const used = await consumeRecoveryCode(trx, deps.keys, ref, input.recoveryCode);
      if (!used.ok) return used;
      const fresh = await recoveryCodeUsed(trx, deps.keys, widget, context, used.value.remaining);
      const resultToken = await finish(
        trx,
        widget,
        [...session.completed_steps, 'sms'],
        'recovery-code',
      );
      const trust = mayTrust(widget, input.trustBrowser)
        ? await trustThisBrowser(trx, widget, context)
        : undefined;
      await queueNotice(trx, widget, 'recovery_code.used', context);
      if (trust) await queueNotice(trx, widget, 'browser.trusted', context);
      return { ok: true, value: { resultToken, newRecoveryCodes: fresh, trust } };
    },
  );
  deps.notices.kick();
  return {
    answer: {
      status: 'verified' as const,
      resultToken,
      via: 'recovery-code' as const,
      ...(newRecoveryCodes ? { newRecoveryCodes } : {}),
    },
    trust,
  };
}
