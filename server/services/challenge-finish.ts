import type { Transaction } from 'kysely';
import type { Database, WidgetSession } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { lockSession } from '../repositories/locks.ts';
import type { SessionRef } from '../repositories/refs.ts';
import { finishWithToken, type Via } from './results.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { trustBrowser } from './trusted-browsers.ts';
import type { Method } from './two-factor-state.ts';

/* How a challenge ends: the result for the partner, and the browser trusted when asked. */

export function assertOpen(session: Pick<WidgetSession, 'verified_at'>) {
  if (session.verified_at) throw new AppError('already_verified');
}

/** The session locked in this transaction (after its user's row), and seen unfinished. */
export type OpenSession = WidgetSession & { readonly [open]: true };
declare const open: unique symbol;

/** The session as it is now, locked after its user's row: the step it is at, still open. */
export async function openSession(
  trx: Transaction<Database>,
  ref: SessionRef,
): Promise<OpenSession> {
  const session = await lockSession(trx, ref);
  assertOpen(session);
  return session as OpenSession;
}

/**
 * Finishes the session, with a result token for the partner to redeem. The session is locked and
 * open in this transaction, so nothing can finish it first: the write goes out with the next
 * statement.
 */
export async function finish(
  trx: Transaction<Database>,
  widget: WidgetContext,
  _open: OpenSession,
  steps: string[],
  via: Via,
  method?: Method,
) {
  return finishWithToken(trx, sessionRef(widget), steps, {
    purpose: widget.session.purpose,
    // Only an address this challenge proved (the email step) is vouched for.
    email: steps.includes('email') ? widget.session.email : null,
    via,
    method: via === 'code' && steps.includes('sms') ? method : null,
  });
}

export function mayTrust(widget: WidgetContext, asked: boolean | undefined) {
  return (
    asked === true &&
    widget.session.purpose === 'sign-in' &&
    widget.tenant.settings.trustBrowserDays > 0
  );
}

export async function trustThisBrowser(
  trx: Transaction<Database>,
  widget: WidgetContext,
  context: RequestContext,
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
