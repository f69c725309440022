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

  /** Newest first; copies, so callers cannot change what is kept. */
  list(): OutboxMessage[] {
    return this.#messages.map((message) => ({ ...message }));
  }

  clear(): void {
    this.#messages.length = 0;
  }
}
