// The steps of a challenge, and how each step's code is answered or sent: shared by its start, its
// method switch, its resend and the next step after a verify (challenge.ts).
import type { Kysely } from 'kysely';
import type { Database, VerificationCode } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { RequestContext } from '../repositories/audit-events.ts';
import { type ActiveMethods, setChallengeMethod } from '../repositories/two-factor-methods.ts';
import { CODE_DIGITS } from '../security-constants.ts';
import { assertOpen } from './challenge-finish.ts';
import { deliverCode, maskEmail, type SentCode, stillActive } from './code-delivery.ts';
import {
  type CodePurpose,
  currentCode,
  type LiveBehind,
  liveCodeBehindLock,
  sequenceOf,
} from './codes.ts';
import type { LockedAttempt } from './locked-authentication.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { appPending, chooseMethod, offeredMethods } from './sign-in-methods.ts';
import { activePhoneOf, type Method, requireEnabled } from './two-factor-state.ts';

export type Step = 'email' | 'sms';

export function challengeSteps({ session, tenant }: Pick<WidgetContext, 'session' | 'tenant'>) {
  return session.purpose === 'verify-email'
    ? (['email'] as Step[])
    : [...tenant.settings.signInSteps];
}

export function nextStep(widget: WidgetContext, completed: string[]): Step | undefined {
  return challengeSteps(widget).find((step) => !completed.includes(step));
}

export function codePurpose({ session }: WidgetContext, step: Step): CodePurpose {
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

export async function sendStepCode(
  deps: Deps,
  widget: WidgetContext,
  step: Step,
  origin: string,
  context: RequestContext,
  how: {
    /** The second step, as read for it. */
    second?: SecondStep;
    /** The reservation's transaction, begun by authentication (`challengeSendBehindLock`). */
    opened?: LockedAttempt<LiveBehind>;
    /** Remembers the method chosen, in the reservation. */
    remember?: Remember;
  } = {},
) {
  const { second, opened, remember } = how;
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
export async function livePending(
  deps: Deps,
  widget: WidgetContext,
  step: Step,
  second?: SecondStep,
) {
  const ref = sessionRef(widget);
  const code = await currentCode(deps.db, ref, sequenceOf(codePurpose(widget, step)));
  return pendingOfLive(widget, step, code, second);
}

/** The pending answer for `code`, the step's newest sent code, if it still works. */
export function pendingOfLive(
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
export async function secondStep(
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
    return sendStepCode(deps, widget, 'sms', origin, context, { second, opened, remember });
  }
  await remember?.(deps.db);
  if (method === 'totp') return appPending(second.methods);
  return (
    (await livePending(deps, widget, 'sms', second)) ??
    sendStepCode(deps, widget, 'sms', origin, context, { second })
  );
}

/**
 * Whether the newest unspent code read behind the lock answers for `step`: none, or the step's
 * own, sent. A send under way, or another step's code, is left to the reads of the path without
 * the lock (the step's newest sent code, then the reservation's own reads).
 */
export function liveServesStep(
  widget: WidgetContext,
  step: Step,
  live: VerificationCode | undefined,
) {
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
