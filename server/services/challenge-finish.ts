import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type RequestContext, recordEvent } from '../repositories/audit-events.ts';
import { finishWithToken, type Via } from './results.ts';
import { sessionRef, type WidgetContext } from './sessions.ts';
import { trustBrowser } from './trusted-browsers.ts';
import type { Method } from './two-factor-state.ts';

/* How a challenge ends: the result for the partner, and the browser trusted when asked. */

/** Finishes the session once, with a result token for the partner to redeem. */
export async function finish(
  trx: Transaction<Database>,
  widget: WidgetContext,
  steps: string[],
  via: Via,
  method?: Method,
) {
  const token = await finishWithToken(trx, sessionRef(widget), steps, {
    purpose: widget.session.purpose,
    // Only an address this challenge proved (the email step) is vouched for.
    email: steps.includes('email') ? widget.session.email : null,
    via,
    method: via === 'code' && steps.includes('sms') ? method : null,
  });
  if (!token) throw new AppError('already_verified');
  return token;
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
