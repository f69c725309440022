import type { Locale } from '../sessions.ts';
import { type RenderedEmail, renderEmail } from './layout.ts';
import { wording } from './wording.ts';

/** The security events a user is emailed about (docs/security.md, "Notifications"). */
export const notificationTypes = [
  'two_factor.enabled',
  'two_factor.disabled',
  'phone.changed',
  'recovery_code.used',
  'recovery_codes.viewed',
  'recovery_codes.regenerated',
  'browser.trusted',
  'totp.added',
  'totp.removed',
  'phone.added',
  'phone.removed',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export interface NotificationEmailInput {
  locale: Locale;
  tenantName: string;
  type: NotificationType;
  at: Date;
  /** "Chrome on macOS"; null when the user agent told nothing. */
  browser: string | null;
  /** The new or current number, masked; mentioned for enable and phone change. */
  maskedPhone?: string | null;
}

/** "3 March 2025 at 14:05 UTC", in the user's language; UTC because we do not know their zone. */
export function formatEventTime(at: Date, locale: Locale): string {
  let format = eventTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    eventTimeFormats.set(locale, format);
  }
  return format.format(at);
}

// Making a formatter costs more than the rest of a notice's email: one per language, kept.
const eventTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** Tells the user about a security event on their account, and what to do if it was not them. */
export function notificationEmail(input: NotificationEmailInput): RenderedEmail {
  const { locale, tenantName } = input;
  const words = wording[locale].notification;
  const event = words.events[input.type];
  const phoneLine = event.phone && input.maskedPhone ? ` ${event.phone(input.maskedPhone)}` : '';
  return renderEmail({
    locale,
    tenantName,
    subject: event.subject(tenantName),
    heading: event.heading,
    blocks: [
      { kind: 'paragraph', text: `${event.happened(tenantName)}${phoneLine}` },
      {
        kind: 'details',
        rows: [
          [words.when, formatEventTime(input.at, locale)],
          [words.browser, input.browser || words.unknownBrowser],
        ],
      },
      { kind: 'paragraph', text: words.ifYou },
      { kind: 'paragraph', text: words.ifNotYou(tenantName) },
    ],
  });
}
