import type { EventObserver } from '../repositories/audit-events.ts';
import { codePurposes } from '../services/codes.ts';
import { bounded } from './bounded.ts';
import type { Metrics } from './metrics.ts';

const CHANNELS = ['sms', 'email'] as const;
/** The `limit` of every `send.refused` event (services/send-limits.ts, enrolment, code-delivery). */
const LIMITS = [
  'country',
  'number-type',
  'resend-wait',
  'per-number',
  'per-prefix',
  'per-country',
  'per-user',
  'per-ip',
  'daily-budget',
] as const;
const STEP_UP_VIA = ['code', 'recovery-code'] as const;
const ACCOUNT_EVENTS = [
  'two_factor.enabled',
  'two_factor.disabled',
  'two_factor.reset',
  'phone.changed',
  'phone.added',
  'phone.removed',
  'totp.added',
  'totp.removed',
  'recovery_code.used',
  'recovery_codes.viewed',
  'recovery_codes.regenerated',
  'browser.trusted',
  'trusted_browsers.revoked',
  'lockout.cleared',
  'user.erased',
] as const;

/** An ISO 3166 code, as the server's phone parsing gives it; never more than a few hundred values. */
function country(value: unknown): string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? value : 'other';
}

/** Turns each audit event into the counters it stands for; label values from known sets only. */
export function auditEventCounter(metrics: Metrics): EventObserver {
  return ({ type, details }) => {
    const channel = bounded(details.channel, CHANNELS);
    const purpose = bounded(details.purpose, codePurposes);
    switch (type) {
      case 'sms.sent':
      case 'email.sent':
        metrics.codesSent.inc({
          channel,
          purpose,
          country: channel === 'sms' ? country(details.country) : '',
        });
        return;
      case 'sms.delivery_failed':
      case 'email.delivery_failed':
        metrics.deliveryFailures.inc({ channel, purpose });
        return;
      case 'send.refused':
        metrics.sendsRefused.inc({ limit: bounded(details.limit, LIMITS) });
        return;
      case 'code.failed':
        metrics.codeFailures.inc();
        return;
      // The failure that locks is recorded as this event alone, so it is a failure too.
      case 'user.locked':
        metrics.codeFailures.inc();
        metrics.lockouts.inc();
        return;
      case 'step_up.verified':
        metrics.stepUps.inc({ via: bounded(details.via, STEP_UP_VIA) });
        return;
      default:
        if ((ACCOUNT_EVENTS as readonly string[]).includes(type)) {
          metrics.accountEvents.inc({ event: type });
        }
    }
  };
}
