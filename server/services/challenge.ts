import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { CODE_DIGITS } from '../security-constants.ts';
import { type RequestContext, recordEvent } from './audit.ts';
import { deliverCode, maskEmail, type SentCode } from './code-delivery.ts';
import { type CodePurpose, checkCode, currentCode, sequenceOf } from './codes.ts';
import { verificationAttempt } from './lockout.ts';
import { notifyUser } from './notify.ts';
import { recoveryCodeUsed } from './recovery-code-use.ts';
import { consumeRecoveryCode } from './recovery-codes.ts';
import { createResult, type Via } from './results.ts';
import type { WidgetContext } from './sessions.ts';
import { trustBrowser, useTrustedBrowser } from './trusted-browsers.ts';
import { activePhone, requireActivePhone } from './two-factor-state.ts';

export type Step = 'email' | 'sms';

export interface BrowserContext extends RequestContext {
  /** The trust cookie this browser sent, if any. */
  trustCookie: string | undefined;
}

export function challengeSteps({ session, tenant }: WidgetContext): Step[] {
  return session.purpose === 'verify-email' ? ['email'] : [...tenant.settings.signInSteps];
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

const alreadyComplete = () =>
  new AppError('invalid_request', { status: 409, message: 'This challenge is already complete.' });

function assertOpen(widget: WidgetContext) {
  if (widget.session.verified_at) throw alreadyComplete();
}

async function sendStepCode(
  app: FastifyInstance,
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
          phone: await requireActivePhone(app.db, widget.user.id),
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
    await deliverCode(app, widget, {
      purpose,
      sequence: sequenceOf(purpose),
      destination,
      context,
    }),
  );
}

/** The step's live code, if one was sent and still works: starting again must not send another. */
async function livePending(app: FastifyInstance, widget: WidgetContext, step: Step) {
  const code = await currentCode(app.db, widget.session.id, sequenceOf(codePurpose(widget, step)));
  if (!code || code.expires_at <= new Date()) return undefined;
  const phone = step === 'sms' ? await activePhone(app.db, widget.user.id) : undefined;
  const masked = step === 'sms' ? (phone?.masked ?? '') : maskEmail(emailOf(widget));
  return pending(step, {
    masked,
    expiresAt: code.expires_at.toISOString(),
    resendAt: code.resend_at.toISOString(),
    codeLength: CODE_DIGITS,
  });
}

/** Finishes the session once, with a result token for the partner to redeem. */
async function finish(db: Kysely<Database>, widget: WidgetContext, steps: string[], via: Via) {
  const { session, tenant, user } = widget;
  const closed = await db
    .updateTable('widget_sessions')
    .set({ verified_at: new Date(), completed_steps: JSON.stringify(steps) })
    .where('id', '=', session.id)
    .where('verified_at', 'is', null)
    .executeTakeFirst();
  if (closed.numUpdatedRows !== 1n) throw alreadyComplete();
  return createResult(db, {
    tenantId: tenant.id,
    userId: user.id,
    purpose: session.purpose,
    // Only an address this challenge proved (the email step) is vouched for.
    email: steps.includes('email') ? session.email : null,
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
  db: Kysely<Database>,
  widget: WidgetContext,
  context: BrowserContext,
) {
  const trust = await trustBrowser(db, {
    tenantId: widget.tenant.id,
    userId: widget.user.id,
    userAgent: context.userAgent,
    days: widget.tenant.settings.trustBrowserDays,
  });
  await recordEvent(db, {
    tenantId: widget.tenant.id,
    userId: widget.user.id,
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
  app: FastifyInstance,
  widget: WidgetContext,
  origin: string,
  context: BrowserContext,
) {
  assertOpen(widget);
  if (widget.session.purpose === 'sign-in') {
    await requireActivePhone(app.db, widget.user.id);
    const trusted =
      widget.tenant.settings.trustBrowserDays > 0 &&
      (await useTrustedBrowser(app.db, widget.user.id, context.trustCookie));
    if (trusted) {
      const resultToken = await app.db
        .transaction()
        .execute((trx) => finish(trx, widget, [], 'trusted-browser'));
      return { status: 'verified' as const, resultToken, via: 'trusted-browser' as const };
    }
  }
  const step = nextStep(widget, widget.session.completed_steps) as Step;
  return (await livePending(app, widget, step)) ?? sendStepCode(app, widget, step, origin, context);
}

export async function resendChallenge(
  app: FastifyInstance,
  widget: WidgetContext,
  origin: string,
  context: RequestContext,
) {
  assertOpen(widget);
  return sendStepCode(
    app,
    widget,
    nextStep(widget, widget.session.completed_steps) as Step,
    origin,
    context,
  );
}

/** Verifies the current step's code: sends the next step's code, or finishes. */
export async function verifyChallenge(
  app: FastifyInstance,
  widget: WidgetContext,
  input: { code: string; trustBrowser?: boolean },
  origin: string,
  context: BrowserContext,
) {
  assertOpen(widget);
  const step = nextStep(widget, widget.session.completed_steps) as Step;
  if (step === 'sms') await requireActivePhone(app.db, widget.user.id);
  // An email code clears the failure count only when there are no SMS failures to protect: the
  // email step must not let someone with the inbox wipe out wrong SMS codes.
  const resets = step === 'sms' || (await activePhone(app.db, widget.user.id)) === undefined;
  const purpose = codePurpose(widget, step);
  type Trust = Awaited<ReturnType<typeof trustThisBrowser>>;
  type StepDone =
    | { next: Step; completed: string[] }
    | { next?: undefined; resultToken: string; trust?: Trust };
  const outcome = await verificationAttempt<StepDone>(
    app.db,
    { tenantId: widget.tenant.id, userId: widget.user.id, context },
    async (trx) => {
      const checked = await checkCode(
        trx,
        app.keys.codes,
        widget.session.id,
        sequenceOf(purpose),
        input.code,
      );
      if (!checked.ok) return checked;
      const completed = [...widget.session.completed_steps, step];
      const next = nextStep(widget, completed);
      if (next) {
        await trx
          .updateTable('widget_sessions')
          .set({ completed_steps: JSON.stringify(completed) })
          .where('id', '=', widget.session.id)
          .execute();
        return { ok: true, value: { next, completed } };
      }
      const resultToken = await finish(trx, widget, completed, 'code');
      const trust = mayTrust(widget, input.trustBrowser)
        ? await trustThisBrowser(trx, widget, context)
        : undefined;
      return { ok: true, value: { resultToken, trust } };
    },
    { successResetsFailures: resets },
  );
  if (outcome.next) {
    const advanced = {
      ...widget,
      session: { ...widget.session, completed_steps: outcome.completed },
    };
    return { answer: await sendStepCode(app, advanced, outcome.next, origin, context) };
  }
  const { resultToken, trust } = outcome;
  if (trust) await notifyUser(app, widget, 'browser.trusted', context);
  return { answer: { status: 'verified' as const, resultToken, via: 'code' as const }, trust };
}

/** A recovery code in place of the SMS step (never of the email step, which comes first). */
export async function recoverChallenge(
  app: FastifyInstance,
  widget: WidgetContext,
  input: { recoveryCode: string; trustBrowser?: boolean },
  context: BrowserContext,
) {
  assertOpen(widget);
  if (widget.session.purpose !== 'sign-in')
    throw new AppError('wrong_purpose', { message: 'Only a sign-in accepts a recovery code.' });
  if (nextStep(widget, widget.session.completed_steps) !== 'sms') {
    throw new AppError('invalid_request', { message: 'Verify the code sent by email first.' });
  }
  await requireActivePhone(app.db, widget.user.id);
  const { resultToken, newRecoveryCodes, trust } = await verificationAttempt(
    app.db,
    { tenantId: widget.tenant.id, userId: widget.user.id, context },
    async (trx) => {
      const used = await consumeRecoveryCode(trx, app.keys, widget.user.id, input.recoveryCode);
      if (!used.ok) return used;
      const fresh = await recoveryCodeUsed(trx, app.keys, widget, context, used.value.remaining);
      const resultToken = await finish(
        trx,
        widget,
        [...widget.session.completed_steps, 'sms'],
        'recovery-code',
      );
      const trust = mayTrust(widget, input.trustBrowser)
        ? await trustThisBrowser(trx, widget, context)
        : undefined;
      return { ok: true, value: { resultToken, newRecoveryCodes: fresh, trust } };
    },
  );
  await notifyUser(app, widget, 'recovery_code.used', context);
  if (trust) await notifyUser(app, widget, 'browser.trusted', context);
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
