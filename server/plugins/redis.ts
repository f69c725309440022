import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shared HTTP rate-limit counters, when `REDIS_URL` is set. */
    redis: Redis | null;
  }
}

const CONNECT_WAIT_MS = 2000;

/**
 * Redis for the HTTP rate limits of every instance. Commands fail at once while it is down (no
 * offline queue), so the limiter can skip it on ordinary routes and refuse on sending ones.
 */
export const redisPlugin = fp(
  async (app: FastifyInstance, options: { url: string | undefined }) => {
    if (!options.url) {
      app.decorate('redis', null);
      return;
    }
    const redis = new Redis(options.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 1000,
      retryStrategy: (attempt) => Math.min(attempt * 250, 2000),
    });
    let reported = false;
    redis.on('error', (error) => {
      if (!reported)
        app.log.warn({ err: error }, 'Redis unavailable: code sending is refused until it is back');
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
    await Promise.race([
      once(redis, 'ready'),
      new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref()),
    ]);
  },
);
