import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

/** Requests per minute per client address (IPv6 by /64), on top of the per-tenant send limits. */
export const HTTP_LIMITS = {
  /** Every route not listed below. */
  perMinute: 300,
  /** Routes that send a code: each call may cost an SMS. */
  sendsPerMinute: 20,
  /** Routes that check a code or a recovery code. */
  verifiesPerMinute: 60,
  /** Unknown paths, so routes cannot be probed quickly. */
  notFoundPerMinute: 30,
} as const;

const MINUTE_MS = 60_000;

const clientKey = (request: FastifyRequest) => normalizeIP(request.ip, 64);

/** Sending routes fail closed: without the shared counters, no code goes out. */
function sendKey(request: FastifyRequest) {
  const redis = request.server.redis;
  if (redis && redis.status !== 'ready') {
    throw new AppError('unavailable', {
      message: 'Codes cannot be sent right now. Try again shortly.',
    });
  }
  return clientKey(request);
}

/** Route config for a route that sends a code. */
export const sendRateLimit = {
  max: HTTP_LIMITS.sendsPerMinute,
  timeWindow: MINUTE_MS,
  groupId: 'send',
  keyGenerator: sendKey,
  skipOnError: false,
};

/** Route config for a route that checks a code. */
export const verifyRateLimit = {
  max: HTTP_LIMITS.verifiesPerMinute,
  timeWindow: MINUTE_MS,
  groupId: 'verify',
};

export const rateLimitPlugin = fp(async (app: FastifyInstance, options: { nameSpace: string }) => {
  await app.register(rateLimit, {
    global: true,
    max: HTTP_LIMITS.perMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: clientKey,
    ...(app.redis ? { redis: app.redis } : {}),
    nameSpace: options.nameSpace,
    // Other routes keep working when Redis is down; sending routes opt out of this.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', {
        extra: { retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
});
