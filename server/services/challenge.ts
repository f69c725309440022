import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { RequestContext } from '../repositories/audit-events.ts';
import { setCompletedSteps } from '../repositories/widget-sessions.ts';
import { checkTotp } from './authenticator-app.ts';
import { assertOpen, finish, mayTrust, openSession, trustThisBrowser } from './challenge-finish.ts';
import {
  codePurpose,
  livePending,
  liveServesStep,
  nextStep,
  pendingOfLive,
  type Step,
  secondStep,
  sendStepCode,
} from './challenge-steps.ts';
import { checkCode, type LiveBehind, sequenceOf } from './codes.ts';
import type { LockedAttempt } from './locked-authentication.ts';
import { verificationAttempt } from './lockout.ts';
import { queueNotice } from './notice-queue.ts';
import { recoveryCodeUsed } from './recovery-code-use.ts';
import { consumeRecoveryCode } from './recovery-codes.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { chooseMethod, offeredMethods } from './sign-in-methods.ts';
import { useTrustedBrowser } from './trusted-browsers.ts';
import { assertEnabled, type Method, requireEnabled } from './two-factor-state.ts';

export interface BrowserContext extends RequestContext {
  /** The trust cookie this browser sent, if any. */
  trustCookie: string | undefined;
}

/**
 * Starts (or picks up) the challenge: a trusted browser is verified at once; otherwise the current
 * step's code is sent, unless one is already live. Authentication began the transaction, the
 * user's and the session's rows locked and the user's methods and newest code read: the answer
 * or the code's reservation goes on in it.
 */
export async function startChallenge(
  deps: Deps,
  widget: WidgetContext,
  origin: string,
  context: BrowserContext,
  /** Begun by authentication, with `challengeSendBehindLock` (plugins/widget-auth.ts). */
  opened: LockedAttempt<LiveBehind>,
) {
  assertOpen(widget.session);
  const ref = sessionRef(widget);
  const { active, behind } = opened.read;
  let attempt: LockedAttempt<LiveBehind> | undefined = opened;
  if (widget.session.purpose === 'sign-in') {
    assertEnabled(active);
    if (widget.tenant.settings.trustBrowserDays > 0 && context.trustCookie) {
      const resultToken = await opened.continue(async (trx) => {
        const open = await openSession(trx, ref);
        if (!(await useTrustedBrowser(trx, ref, context.trustCookie))) return undefined;
        return finish(trx, widget, open, [], 'trusted-browser');
      });
      if (resultToken) {
        return { status: 'verified' as const, resultToken, via: 'trusted-browser' as const };
      }
      // Ended: what follows reads and reserves on its own.
      attempt = undefined;
    }
  }
  const step = nextStep(widget, widget.session.completed_steps) as Step;
  if (attempt && !liveServesStep(widget, step, behind.live)) {
    await attempt.abandon();
    attempt = undefined;
  }
  if (step === 'sms') return secondStep(deps, widget, origin, context, { active, opened: attempt });
  if (!attempt) {
    return (
      (await livePending(deps, widget, step)) ?? sendStepCode(deps, widget, step, origin, context)
    );
  }
  const pending = pendingOfLive(widget, step, behind.live);
  if (pending) {
    await attempt.abandon();
    return pending;
  }
  return sendStepCode(deps, widget, step, origin, context, { opened: attempt });
}

/** "Use another method": the second step asked by `method` instead (sign-in, second step only). */
export async function switchChallengeMethod(
  deps: Deps,
  widget: WidgetContext,
  method: Method,
  origin: string,
  context: RequestContext,
) {
  assertOpen(widget.session);
  if (nextStep(widget, widget.session.completed_steps) !== 'sms') {
    throw new AppError('invalid_request', { message: 'Verify the code sent by email first.' });
  }
  return secondStep(deps, widget, origin, context, { requested: method });
}

export async function resendChallenge(
  deps: Deps,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
) {
  assertOpen(widget.session);
  const step = nextStep(widget, widget.session.completed_steps) as Step;
  if (step !== 'sms') return sendStepCode(deps, widget, step, origin, context);
  const active = await requireEnabled(deps.db, sessionRef(widget));
  const method = chooseMethod(widget, active, { last: widget.session.challenge_method });
  if (method === 'totp') {
    throw new AppError('invalid_request', {
      message: 'The authenticator app needs no message: switch to the text message to get one.',
    });
  }
  return sendStepCode(deps, widget, step, origin, context, {
    second: { active, methods: offeredMethods(widget, active) },
  });
}

/** Verifies the current step's code: sends the next step's code, or finishes. */
export async function verifyChallenge(
  deps: Deps,
  widget: WidgetContext,
  input: { code: string; trustBrowser?: boolean; method?: Method },
  origin: string,
  context: BrowserContext,
  /** Begun by authentication, the user's and the session's rows locked. */
  opened: LockedAttempt<unknown>,
) {
  assertOpen(widget.session);
  const ref = sessionRef(widget);
  type Trust = Awaited<ReturnType<typeof trustThisBrowser>>;
  type StepDone =
    | { next: Step; completed: string[] }
    | { next?: undefined; resultToken: string; trust?: Trust };
  const outcome = await verificationAttempt<StepDone>(
    deps.db,
    { ...ref, context },
    async (trx, active) => {
      // The step as it is now: a parallel request may have passed one meanwhile.
      const session = await openSession(trx, ref);
      const step = nextStep(widget, session.completed_steps) as Step;
      const enabled = active.phone !== null || active.totp !== null;
      if (step === 'sms' && !enabled) throw new AppError('not_enabled');
      const method =
        step === 'sms'
          ? chooseMethod(widget, active, {
              requested: input.method,
              last: session.challenge_method,
            })
          : undefined;
      const checked =
        method === 'totp' && active.totp
          ? await checkTotp(trx, deps, ref, active.totp, input.code)
          : await checkCode(trx, deps.keys, ref, sequenceOf(codePurpose(widget, step)), input.code);
      if (!checked.ok) return checked;
      // An email code clears the failure count only when there are no second-factor failures to
      // protect: the email step must not let someone with the inbox wipe out wrong codes.
      const keepFailures = step === 'email' && enabled;
      const completed = [...session.completed_steps, step];
      const next = nextStep(widget, completed);
      if (next) {
        await setCompletedSteps(trx, ref, completed);
        return { ok: true, value: { next, completed }, keepFailures };
      }
      const resultToken = await finish(trx, widget, session, completed, 'code', method);
      const trust = mayTrust(widget, input.trustBrowser)
        ? await trustThisBrowser(trx, widget, context)
        : undefined;
      if (trust) await queueNotice(trx, widget, 'browser.trusted', context);
      return { ok: true, value: { resultToken, trust }, keepFailures };
    },
    opened,
  );
  if (outcome.next) {
    const advanced = {
      ...widget,
      session: { ...widget.session, completed_steps: outcome.completed },
    };
    const answer =
      outcome.next === 'sms'
        ? await secondStep(deps, advanced, origin, context)
        : await sendStepCode(deps, advanced, outcome.next, origin, context);
    return { answer };
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
  /** Begun by authentication, the user's and the session's rows locked. */
  opened: LockedAttempt<unknown>,
) {
  assertOpen(widget.session);
  if (widget.session.purpose !== 'sign-in')
    throw new AppError('wrong_purpose', { message: 'Only a sign-in accepts a recovery code.' });
  const ref = sessionRef(widget);
  const { resultToken, newRecoveryCodes, trust } = await verificationAttempt(
    deps.db,
    { ...ref, context },
    async (trx, active) => {
      const session = await openSession(trx, ref);
      if (nextStep(widget, session.completed_steps) !== 'sms') {
        throw new AppError('invalid_request', { message: 'Verify the code sent by email first.' });
      }
      assertEnabled(active);
      const used = await consumeRecoveryCode(trx, deps.keys, ref, input.recoveryCode);
      if (!used.ok) return used;
      const fresh = await recoveryCodeUsed(trx, deps.keys, widget, context, used.value.remaining);
      const resultToken = await finish(
        trx,
        widget,
        session,
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
    opened,
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
