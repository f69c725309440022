import type { TwoFactorClient } from './two-factor-client.ts';

/** How long the answer to "does the server keep an outbox?" is reused for the header link. */
const PROBE_TTL_MS = 30_000;

/** Whether the two-factor server has its dev outbox, asked at most every 30 s. */
export class DevInboxProbe {
  #answer: { available: Promise<boolean>; until: number } | undefined;

  constructor(private readonly twoFactor: TwoFactorClient) {}

  available(): Promise<boolean> {
    const now = Date.now();
    if (!this.#answer || this.#answer.until <= now) {
      const available = this.twoFactor.outbox().then((messages) => messages !== null);
      this.#answer = { available, until: now + PROBE_TTL_MS };
    }
    return this.#answer.available;
  }
}
