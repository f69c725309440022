import type { Outbox, OutboxLogger } from '../outbox.ts';
import { assertE164, type SmsMessage, type SmsSender } from './sms-sender.ts';

/** Development stand-in for Plivo: see `Outbox.deliver`. */
export class OutboxSmsSender implements SmsSender {
  readonly kind = 'outbox';

  constructor(
    private readonly outbox: Outbox,
    private readonly log: OutboxLogger,
  ) {}

  async send(message: SmsMessage): Promise<{ providerId: string }> {
    assertE164(message.to);
    return this.outbox.deliver({ channel: 'sms', to: message.to, body: message.text }, this.log);
  }
}
