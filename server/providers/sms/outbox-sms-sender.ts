import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Outbox } from '../outbox.ts';
import { assertE164, type SmsMessage, type SmsSender } from './sms-sender.ts';

export type OutboxLogger = Pick<FastifyBaseLogger, 'info'>;

/**
 * Development stand-in for Plivo: the message goes to the outbox and, in full, to the log, because
 * reading the code there is the point. `createSmsSender` never picks it in production.
 */
export class OutboxSmsSender implements SmsSender {
  readonly kind = 'outbox';
  readonly #outbox: Outbox;
  readonly #log: OutboxLogger;

  constructor(outbox: Outbox, log: OutboxLogger) {
    this.#outbox = outbox;
    this.#log = log;
  }

  async send(message: SmsMessage): Promise<{ providerId: string }> {
    assertE164(message.to);
    const entry = this.#outbox.add({ channel: 'sms', to: message.to, body: message.text });
    this.#log.info({ outbox: entry }, 'dev outbox: SMS');
    return { providerId: `outbox-${randomUUID()}` };
  }
}
