import type { Outbox, OutboxLogger } from '../outbox.ts';
import { assertEmailAddress, type EmailMessage, type EmailSender } from './email-sender.ts';

/** Development stand-in for Postmark, keeping the text version: see `Outbox.deliver`. */
export class OutboxEmailSender implements EmailSender {
  readonly kind = 'outbox';

  constructor(
    private readonly outbox: Outbox,
    private readonly log: OutboxLogger,
  ) {}

  async send(message: EmailMessage): Promise<{ providerId: string }> {
    assertEmailAddress(message.to);
    const { to, subject, text } = message;
    return this.outbox.deliver({ channel: 'email', to, subject, body: text }, this.log);
  }
}
