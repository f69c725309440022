import type { DeliveryFailure } from '../sms/sms-sender.ts';

export interface EmailMessage {
  /** One plain address (`patient@example.com`), never a list or a display name. */
  to: string;
  /** The tenant's sender (`Clinic <noreply@clinic.example>`); the provider's default when absent. */
  from?: string | null;
  subject: string;
  text: string;
  html: string;
  /** What kind of message it is, for the provider's statistics: `code`, `notification`. */
  tag: string;
}

export interface EmailSender {
  readonly kind: 'postmark' | 'outbox';
  /**
   * Resolves with the provider's message id; rejects with the SMS layer's `DeliveryError`
   * (`delivery_failed`) when the provider fails, its `reason` an `EmailDeliveryFailure`.
   */
  send(message: EmailMessage): Promise<{ providerId: string }>;
}

/** A `DeliveryFailure` plus the provider's own error number (Postmark `ErrorCode`), safe to log. */
export interface EmailDeliveryFailure extends DeliveryFailure {
  /** Postmark: 300 invalid email request, 406 inactive recipient, 10 bad token… */
  errorCode: number | null;
}

/** Longest address SMTP can carry (RFC 5321 §4.5.3.1.3 path limit, less the angle brackets). */
const MAX_ADDRESS_LENGTH = 254;
const ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/;

/**
 * Guards the provider call: Postmark reads commas in `To` as more recipients and `Name <addr>` as
 * a display name, so anything but one bare address here is a bug upstream that must not reach the
 * provider. The address is not echoed.
 */
export function assertEmailAddress(to: string): void {
  if (to.length > MAX_ADDRESS_LENGTH || !ADDRESS.test(to)) {
    throw new TypeError('EmailSender: "to" must be one email address');
  }
}
