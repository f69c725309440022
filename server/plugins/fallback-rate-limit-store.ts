import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

const require = createRequire(import.meta.url);
// The plugin's own stores, so counting stays exactly as it counts; they ship without types.
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js');
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js');

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
interface Store {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(options: object): Store;
}
/** What the plugin passes: its merged limiter options (typed by it as route options). */
interface StoreOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  skipOnError?: boolean;
}

/**
 * Counters in Redis, shared by every instance; when Redis fails or does not answer within its
 * command timeout, this instance's memory counts instead, so a slow or lost Redis never stalls a
 * request nor lifts the limits. A limiter that must not fall back (`skipOnError: false`: the
 * sending routes, which refuse rather than count on one instance alone) gets Redis's error.
 */
export function fallbackRateLimitStore(redis: Redis, nameSpace: string) {
  return class FallbackStore implements Store {
    readonly #shared: Store;
    readonly #local: Store;
    readonly #sharedOnly: boolean;

    constructor(options: StoreOptions, shared?: Store, local?: Store) {
      this.#shared =
        shared ??
        new RedisStore(options.continueExceeding, options.exponentialBackoff, redis, nameSpace);
      this.#local = local ?? new LocalStore(options.continueExceeding, options.exponentialBackoff);
      this.#sharedOnly = options.skipOnError === false;
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number) {
      this.#shared.incr(
        key,
        (error, result) => {
          if (!error || this.#sharedOnly) return callback(error, result);
          this.#local.incr(key, callback, timeWindow, max);
        },
        timeWindow,
        max,
      );
    }

    child(options: object): Store {
      return new FallbackStore(options, this.#shared.child(options), this.#local.child(options));
    }
  };
}
