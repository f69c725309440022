import { randomUUID } from 'node:crypto';
import type { Outbox } from '../outbox.ts';
import type { OutboxLogger } from '../sms/outbox-sms-sender.ts';
import { assertEmailAddress, type EmailMessage, type EmailSender } from './email-sender.ts';

/**
 * Development stand-in for Postmark: the text version goes to the outbox and, in full, to the log,
 * because reading the code there is the point. `createEmailSender` never picks it in production.
 */
export class OutboxEmailSender implements EmailSender {
  readonly kind = 'outbox';
  readonly #outbox: Outbox;
  readonly #log: OutboxLogger;

  constructor(outbox: Outbox, log: OutboxLogger) {
    this.#outbox = outbox;
    this.#log = log;
  }

  async send(message: EmailMessage): Promise<{ providerId: string }> {
    assertEmailAddress(message.to);
    const entry = this.#outbox.add({
      channel: 'email',
      to: message.to,
      subject: message.subject,
      body: message.text,
    });
    this.#log.info({ outbox: entry }, 'dev outbox: email');
    return { providerId: `outbox-${randomUUID()}` };
  }
}
