import type { Transaction } from 'kysely';
import { seal, unseal } from '../crypto/sealed-fields.ts';
import type { Database } from '../db/types.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { RequestContext } from '../repositories/audit-events.ts';
import { withUserLocked } from '../repositories/locks.ts';
import type { UserRef } from '../repositories/refs.ts';
import {
  deleteTotpFactors,
  pendingTotp,
  replacePendingTotp,
  useTotpStep,
} from '../repositories/totp-factors.ts';
import { deleteTrustedBrowsers } from '../repositories/trusted-browsers.ts';
import { activeMethods } from '../repositories/two-factor-methods.ts';
import { setPreferredMethod } from '../repositories/users.ts';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../security-constants.ts';
import type { LockedAttempt } from './locked-authentication.ts';
import { type AttemptOutcome, verificationAttempt } from './lockout.ts';
import { recordChange } from './notice-queue.ts';
import { issueRecoveryCodes } from './recovery-codes.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { requireStepUp } from './step-up.ts';
import { base32Decode, base32Encode, generateTotpSecret, matchTotp, otpauthUri } from './totp.ts';
import type { Method } from './two-factor-state.ts';

export function totpPlace(ref: UserRef) {
  return { table: 'totp_factors', column: 'secret_encrypted', ...ref } as const;
}

/** Refuses to turn on a method the tenant does not offer (403 `method_not_allowed`). */
export function assertMethodAllowed(widget: Pick<WidgetContext, 'tenant'>, method: Method) {
  if (!widget.tenant.settings.methods.includes(method)) throw new AppError('method_not_allowed');
}

/** The label the app shows: the partner's `accountName`, else an email, else the user id. */
function accountNameOf({ session, user }: Pick<WidgetContext, 'session' | 'user'>) {
  return session.account_name ?? session.email ?? user.email ?? user.external_id;
}

/** The bytes of a sealed secret, opened where it was sealed. */
export function openTotpSecret(deps: Pick<Deps, 'keys'>, ref: UserRef, sealed: string) {
  return base32Decode(unseal(deps.keys, sealed, totpPlace(ref))) ?? Buffer.alloc(0);
}

/**
 * Inside a verification attempt: the app's code, taken once. A wrong code and a step already used
 * (a replay, even a parallel one) answer alike and both count as a failure: whoever saw a code go
 * by learns nothing from trying it again.
 */
export async function checkTotp(
  trx: Transaction<Database>,
  deps: Pick<Deps, 'keys'>,
  ref: UserRef,
  app: { id: string; secretEncrypted: string },
  code: string,
): Promise<AttemptOutcome<{ step: number }>> {
  const wrong = { ok: false, error: new AppError('invalid_code'), countsAsFailure: true } as const;
  const step = matchTotp(openTotpSecret(deps, ref, app.secretEncrypted), code);
  if (step === null) return wrong;
  if (!(await useTotpStep(trx, ref, app.id, step))) return wrong;
  return { ok: true, value: { step } };
}

/**
 * Starts (or restarts) adding an app: a new secret, pending until its first code. When two-factor
 * is already on this is a change to it, behind a fresh step-up like a change of phone.
 */
export async function startTotpEnrolment(deps: Deps, widget: WidgetContext) {
  assertMethodAllowed(widget, 'totp');
  const ref = sessionRef(widget);
  const secret = base32Encode(generateTotpSecret());
  await withUserLocked(deps.db, ref, async (trx) => {
    const active = await activeMethods(trx, ref);
    if (active.totp) {
      throw new AppError('already_enabled', {
        message: 'An authenticator app is already set up. Remove it first.',
      });
    }
    if (active.phone) requireStepUp(widget);
    await replacePendingTotp(trx, ref, seal(deps.keys, secret, totpPlace(ref)));
  });
  const issuer = widget.tenant.name;
  const accountName = accountNameOf(widget);
  return {
    secret,
    otpauthUri: otpauthUri({ issuer, accountName, secret }),
    issuer,
    accountName,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    algorithm: 'SHA1',
  } as const;
}

/** A repeat of the code that confirmed the app in this session (a double submit): not a guess. */
const repeated = () =>
  ({
    ok: false,
    error: new AppError('already_verified', { message: 'This app is already confirmed.' }),
    countsAsFailure: false,
  }) as const;

/** Whether `code` is the one that confirmed the user's app, in this very session. */
async function confirmedHere(
  trx: Transaction<Database>,
  deps: Pick<Deps, 'keys'>,
  widget: WidgetContext,
  code: string,
) {
  const ref = sessionRef(widget);
  const { totp } = await activeMethods(trx, ref);
  if (!totp || totp.confirmedAt < widget.session.created_at) return false;
  const step = matchTotp(openTotpSecret(deps, ref, totp.secretEncrypted), code);
  return step !== null && step === totp.lastUsedStep;
}

/**
 * Confirms the pending app with its first code, under the lockout. No pending app answers like a
 * wrong code. The first method turns two-factor on with recovery codes; a second is added (the
 * step-up must still hold). Either way the app becomes the preferred method.
 */
export async function confirmTotp(
  deps: Deps,
  widget: WidgetContext,
  code: string,
  context: RequestContext,
  /** Begun by authentication, the user's row locked. */
  opened: LockedAttempt<unknown>,
) {
  assertMethodAllowed(widget, 'totp');
  const ref = sessionRef(widget);
  type Confirmed = { enabled: true; recoveryCodes: string[] } | { methodAdded: 'totp' };
  const wrong = { ok: false, error: new AppError('invalid_code'), countsAsFailure: true } as const;
  const answer = await verificationAttempt<Confirmed>(
    deps.db,
    { ...ref, context },
    async (trx, active) => {
      const pending = await pendingTotp(trx, ref);
      if (!pending) return (await confirmedHere(trx, deps, widget, code)) ? repeated() : wrong;
      const step = matchTotp(openTotpSecret(deps, ref, pending.secret_encrypted), code);
      if (step === null) return wrong;
      if (active.totp) throw new AppError('already_enabled');
      if (active.phone) requireStepUp(widget);
      if (!(await useTotpStep(trx, ref, pending.id, step, true))) return wrong;
      await setPreferredMethod(trx, ref, 'totp');
      if (active.phone) {
        await recordChange(trx, widget, { type: 'totp.added', context });
        return { ok: true, value: { methodAdded: 'totp' } };
      }
      const recoveryCodes = await issueRecoveryCodes(trx, deps.keys, widget.tenant, ref.userId);
      await recordChange(trx, widget, {
        type: 'two_factor.enabled',
        context,
        details: { method: 'totp' },
      });
      return { ok: true, value: { enabled: true, recoveryCodes } };
    },
    opened,
  );
  deps.notices.kick();
  return answer;
}

/** Removes the app when the phone stays; the only method goes by turning two-factor off. */
export async function removeTotp(deps: Deps, widget: WidgetContext, context: RequestContext) {
  requireStepUp(widget);
  const ref = sessionRef(widget);
  await withUserLocked(deps.db, ref, async (trx) => {
    const active = await activeMethods(trx, ref);
    if (!active.totp) {
      throw new AppError('not_enabled', { message: 'No authenticator app is set up.' });
    }
    if (!active.phone) throw new AppError('last_method');
    await deleteTotpFactors(trx, ref);
    // Like a change of phone: a browser trusted while the app was a way in is asked again.
    await deleteTrustedBrowsers(trx, ref);
    if (active.preferred === 'totp') await setPreferredMethod(trx, ref, null);
    await recordChange(trx, widget, { type: 'totp.removed', context });
  });
  deps.notices.kick();
}
