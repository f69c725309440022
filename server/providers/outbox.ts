import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';

export type OutboxLogger = Pick<FastifyBaseLogger, 'info'>;

/** How many messages the dev outbox keeps; older ones drop off so memory stays bounded. */
export const OUTBOX_CAPACITY = 200;

export type OutboxChannel = 'sms' | 'email';

export interface OutboxMessage {
  channel: OutboxChannel;
  to: string;
  subject?: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
}

/**
 * Messages that would have been sent, kept in memory for developers (`GET /dev/outbox`). Only
 * used outside production, when no provider is configured.
 */
export class Outbox {
  /** Newest first. */
  readonly #messages: OutboxMessage[] = [];
  readonly #capacity: number;

  constructor(capacity = OUTBOX_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
    this.#capacity = capacity;
  }

  add(message: Omit<OutboxMessage, 'createdAt'>): OutboxMessage {
    const entry: OutboxMessage = {
      channel: message.channel,
      to: message.to,
      ...(message.subject === undefined ? {} : { subject: message.subject }),
      body: message.body,
      createdAt: new Date().toISOString(),
    };
    this.#messages.unshift(entry);
    if (this.#messages.length > this.#capacity) this.#messages.length = this.#capacity;
    return entry;
  }

  /**
   * A provider's send, in development: kept here and written in full to the log, because reading
   * the code there is the point. The senders that call this are never picked in production.
   */
  deliver(message: Omit<OutboxMessage, 'createdAt'>, log: OutboxLogger): { providerId: string } {
    const entry = this.add(message);
    log.info({ outbox: entry }, `dev outbox: ${message.channel === 'sms' ? 'SMS' : 'email'}`);
    return { providerId: `outbox-${randomUUID()}` };
  }

  /** Newest first; copies, so callers cannot change what is kept. */
  list(): OutboxMessage[] {
    return this.#messages.map((message) => ({ ...message }));
  }

  clear(): void {
    this.#messages.length = 0;
  }
}
