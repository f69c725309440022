import { AppError } from '../../errors.ts';

export interface SmsMessage {
  /** E.164, already parsed and checked against the tenant's policy. */
  to: string;
  text: string;
  /** The tenant's sender id; the provider's default when absent. */
  sender?: string | null;
}

export interface SmsSender {
  readonly kind: 'plivo' | 'outbox';
  /** Resolves with the provider's message id; rejects with a `DeliveryError` when the provider fails. */
  send(message: SmsMessage): Promise<{ providerId: string }>;
}

/** What went wrong, in words safe for logs: never the number, the text or the provider's message. */
export interface DeliveryFailure {
  provider: string;
  kind: 'rejected' | 'provider_error' | 'timeout' | 'network' | 'invalid_response';
  /** The provider's HTTP status, when it answered. */
  status: number | null;
  /** The provider's request id (Plivo `api_id`), for support tickets. */
  requestId: string | null;
}

/**
 * `delivery_failed` with the generic message. The failure stays off `extra` (which is sent to the
 * client) but is an own field, so the error handler's log line carries it.
 */
export class DeliveryError extends AppError {
  readonly reason: DeliveryFailure;

  constructor(reason: DeliveryFailure) {
    super('delivery_failed');
    this.name = 'DeliveryError';
    this.reason = reason;
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Guards the provider call: Plivo reads `<` in `dst` as "and also send to", so anything but one
 * E.164 number here is a bug upstream that must not reach the provider. The number is not echoed.
 */
export function assertE164(to: string): void {
  if (!E164.test(to)) throw new TypeError('SmsSender: "to" must be one E.164 number');
}
