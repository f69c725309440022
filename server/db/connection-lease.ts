import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/**
 * One pool connection for a request's first two checkouts, so a widget request's authentication
 * and the transaction after it queue for the pool once, not twice (under load each wait in the
 * pool's queue is the longest part of a request). Then the connection goes back: a request never
 * holds one across a provider call or past its answer. A request whose authentication begins the
 * transaction its work goes on with (services/locked-authentication.ts) has one checkout to
 * serve, not two.
 *
 * A checkout while the leased connection is busy (work in parallel within the request), after its
 * turns, or after the request ended, takes a connection from the pool as before.
 */
export class ConnectionLease {
  #client: Promise<pg.PoolClient> | undefined;
  #busy = false;
  #turns = 0;
  #ended = false;
  #broken = false;

  /** `checkouts`: how many it serves (the request's authentication, the work after it). */
  constructor(private readonly checkouts: 1 | 2 = 2) {}

  /** The leased connection and how to give it back, or undefined when this checkout is not its. */
  async take(
    connect: () => Promise<pg.PoolClient>,
  ): Promise<{ client: pg.PoolClient; done(broken: boolean): void } | undefined> {
    if (this.#busy || this.#ended || this.#turns >= this.checkouts) return undefined;
    this.#busy = true;
    this.#client ??= connect();
    let client: pg.PoolClient;
    try {
      client = await this.#client;
    } catch (error) {
      this.#busy = false;
      this.#client = undefined;
      this.#ended = true;
      throw error;
    }
    return {
      client,
      done: (broken) => {
        this.#busy = false;
        this.#turns += 1;
        if (broken) this.#broken = true;
        if (this.#broken || this.#ended || this.#turns >= this.checkouts) this.#giveBack();
      },
    };
  }

  /** The request is over: the connection goes back now, or when its statement in flight ends. */
  end() {
    this.#ended = true;
    if (!this.#busy) this.#giveBack();
  }

  #giveBack() {
    this.#ended = true;
    const client = this.#client;
    this.#client = undefined;
    // A broken connection is destroyed rather than handed to the next request.
    client?.then((c) => c.release(this.#broken || undefined)).catch(() => {});
  }
}

const leases = new AsyncLocalStorage<ConnectionLease>();

/** Runs `work` (and all it starts) with `lease` serving its checkouts. */
export function withLease<T>(lease: ConnectionLease, work: () => T): T {
  return leases.run(lease, work);
}

export function currentLease(): ConnectionLease | undefined {
  return leases.getStore();
}
