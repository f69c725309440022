import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shared HTTP rate-limit counters, when `REDIS_URL` is set. */
    redis: Redis | null;
  }
}

const CONNECT_WAIT_MS = 2000;

/**
 * With Redis configured but unreachable the limits cannot be shared, so no code is sent: an
 * attacker could otherwise spread sends over instances. Everything else keeps working.
 */
export function sharedLimitsAvailable(app: FastifyInstance) {
  return !app.redis || app.redis.status === 'ready';
}

/**
 * Redis for the HTTP rate limits of every instance. Commands fail at once while it is down (no
 * offline queue), and the server starts without it, refusing only to send codes until it is back.
 */
export const redisPlugin = fp(
  async (app: FastifyInstance, options: { url: string | undefined; commandTimeoutMs: number }) => {
    if (!options.url) {
      app.decorate('redis', null);
      return;
    }
    // Loaded only when configured: an instance without Redis never pays for the client.
    const { Redis: RedisClient } = await import('ioredis');
    const redis = new RedisClient(options.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 1000,
      // A Redis that stops answering (not closed) must not hold requests: past this, a command
      // fails and the limits count in memory (fallback-rate-limit-store.ts).
      commandTimeout: options.commandTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 250, 2000),
    });
    let reported = false;
    redis.on('error', (error) => {
      if (!reported)
        app.log.warn({ err: error }, 'Redis unavailable: codes are not sent until it is back');
      reported = true;
    });
    redis.on('ready', () => {
      if (reported) app.log.info('Redis is back');
      reported = false;
    });
    app.decorate('redis', redis);
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CONNECT_WAIT_MS);
      timer.unref();
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  },
);
