import type { Kysely } from 'kysely';
import type { Database, VerificationCode } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { RequestContext } from '../repositories/audit-events.ts';
import { type ActiveMethods, setChallengeMethod } from '../repositories/two-factor-methods.ts';
import { setCompletedSteps } from '../repositories/widget-sessions.ts';
import { CODE_DIGITS } from '../security-constants.ts';
import { checkTotp } from './authenticator-app.ts';
import { assertOpen, finish, mayTrust, openSession, trustThisBrowser } from './challenge-finish.ts';
import { deliverCode, maskEmail, type SentCode, stillActive } from './code-delivery.ts';
import {
  type CodePurpose,
  checkCode,
  currentCode,
  type LiveBehind,
  liveCodeBehindLock,
  sequenceOf,
} from './codes.ts';
import type { LockedAttempt } from './locked-authentication.ts';
import { verificationAttempt } from './lockout.ts';
import { queueNotice } from './notice-queue.ts';
import { recoveryCodeUsed } from './recovery-code-use.ts';
import { consumeRecoveryCode } from './recovery-codes.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { appPending, chooseMethod, offeredMethods } from './sign-in-methods.ts';
import { useTrustedBrowser } from './trusted-browsers.ts';
import { activePhoneOf, assertEnabled, type Method, requireEnabled } from './two-factor-state.ts';

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

function pending(step: Step, sent: SentCode, methods?: Method[]) {
  return {
    status: 'pending' as const,
    step,
    ...(methods ? { methods } : {}),
    maskedDestination: sent.masked,
    expiresAt: sent.expiresAt,
    resendAt: sent.resendAt,
    codeLength: sent.codeLength,
  };
}

/** The sign-in's second step, as read for it: the user's methods, and those it offers. */
interface SecondStep {
  active: ActiveMethods;
  methods: Method[];
}

async function sendStepCode(
  deps: Deps,
  widget: WidgetContext,
  step: Step,
  origin: string,
  context: RequestContext,
  second?: SecondStep,
  /** The reservation's transaction, begun by authentication (`challengeSendBehindLock`). */
  opened?: LockedAttempt<LiveBehind>,
  /** Remembers the method chosen, in the reservation. */
  remember?: Remember,
) {
  const purpose = codePurpose(widget, step);
  const destination =
    step === 'sms'
      ? {
          channel: 'sms' as const,
          phone: activePhoneOf(sessionRef(widget), second?.active),
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
      opened,
      // A verification may have finished the session or passed this step meanwhile. The phone
      // still active under the lock, as read with the user's methods, need not be read again.
      guard: async (session, trx, active) => {
        await remember?.(trx);
        assertOpen(session);
        if (session.completed_steps.includes(step)) throw new AppError('already_verified');
        return destination.channel === 'sms' ? stillActive(destination.phone, active) : {};
      },
    }),
    second?.methods,
  );
}

/** The step's live code, if one was sent and still works: starting again must not send another. */
async function livePending(deps: Deps, widget: WidgetContext, step: Step, second?: SecondStep) {
  const ref = sessionRef(widget);
  const code = await currentCode(deps.db, ref, sequenceOf(codePurpose(widget, step)));
  return pendingOfLive(widget, step, code, second);
}

/** The pending answer for `code`, the step's newest sent code, if it still works. */
function pendingOfLive(
  widget: WidgetContext,
  step: Step,
  code: VerificationCode | undefined,
  second?: SecondStep,
) {
  if (!code || code.expires_at <= new Date()) return undefined;
  const masked = step === 'sms' ? (second?.active.phone?.masked ?? '') : maskEmail(emailOf(widget));
  return pending(
    step,
    {
      masked,
      expiresAt: code.expires_at.toISOString(),
      resendAt: code.resend_at.toISOString(),
      codeLength: CODE_DIGITS,
    },
    second?.methods,
  );
}

/** Writes the method the second step chose, for a verify that names none. */
type Remember = (db: Kysely<Database>) => Promise<void>;

/** Ends a transaction authentication began that sends nothing: with what it remembers, if anything. */
function endAttempt(opened: LockedAttempt<LiveBehind>, remember: Remember | undefined) {
  return remember ? opened.continue((trx) => remember(trx)) : opened.abandon();
}

/**
 * The second step's pending answer for `method` (the one asked for, else the one last answered,
 * else the preferred one): the app's asks for its code and sends nothing; the phone's sends a code
 * unless one is live. The method is remembered for a verify that names none. In a transaction
 * authentication began (`opened`), the live code is the one read there, and the code is reserved
 * there.
 */
async function secondStep(
  deps: Deps,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
  /** The method asked for, if any; the user's methods, when the caller has just read them. */
  given: { requested?: Method; active?: ActiveMethods; opened?: LockedAttempt<LiveBehind> } = {},
) {
  const { requested, opened } = given;
  const ref = sessionRef(widget);
  const active = given.active ?? (await requireEnabled(deps.db, ref));
  const method = chooseMethod(widget, active, {
    requested,
    last: widget.session.challenge_method,
  });
  const second = { active, methods: offeredMethods(widget, active) };
  const remember: Remember | undefined =
    method === widget.session.challenge_method
      ? undefined
      : (db) => setChallengeMethod(db, ref, method);
  if (opened) {
    const pending =
      method === 'totp'
        ? appPending(second.methods)
        : pendingOfLive(widget, 'sms', opened.read.behind.live, second);
    if (pending) {
      await endAttempt(opened, remember);
      return pending;
    }
    return sendStepCode(deps, widget, 'sms', origin, context, second, opened, remember);
  }
  await remember?.(deps.db);
  if (method === 'totp') return appPending(second.methods);
  return (
    (await livePending(deps, widget, 'sms', second)) ??
    sendStepCode(deps, widget, 'sms', origin, context, second)
  );
}

/**
 * Whether the newest unspent code read behind the lock answers for `step`: none, or the step's
 * own, sent. A send under way, or another step's code, is left to the reads of the path without
 * the lock (the step's newest sent code, then the reservation's own reads).
 */
function liveServesStep(widget: WidgetContext, step: Step, live: VerificationCode | undefined) {
  if (!live) return true;
  const sequence: readonly string[] = sequenceOf(codePurpose(widget, step));
  return live.sent_at !== null && sequence.includes(live.purpose);
}

/** What POST /challenge reads behind the user's lock: the newest unspent code of any step. */
export const challengeSendBehindLock = liveCodeBehindLock([
  ...sequenceOf('sign-in-email'),
  ...sequenceOf('verify-email'),
  ...sequenceOf('sign-in-sms'),
]);

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
  return sendStepCode(deps, widget, step, origin, context, undefined, attempt);
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
    active,
    methods: offeredMethods(widget, active),
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
