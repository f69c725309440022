import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SHARED_LIMITS_RETRY_AFTER_SECONDS } from '../deps.ts';
import { AppError } from '../errors.ts';
import { fallbackRateLimitStore } from './fallback-rate-limit-store.ts';
import { sharedLimitsAvailable } from './redis.ts';

/** Requests per minute per client address (IPv6 by /64), on top of the per-tenant send limits. */
export const HTTP_LIMITS = {
  /** Every route not listed below. */
  perMinute: 300,
  /** All routes that send a code, together: each call may cost an SMS. */
  sendsPerMinute: 20,
  /** All routes that check a code or a recovery code, together. */
  verifiesPerMinute: 60,
  /** Unknown paths, so routes cannot be probed quickly. */
  notFoundPerMinute: 30,
} as const;

export type HttpLimits = { [Name in keyof typeof HTTP_LIMITS]: number };

/** The `limit` of each HTTP limit's 429, as the per-tenant send limits name theirs. */
export const HTTP_LIMIT_NAMES = {
  perMinute: 'requests',
  sendsPerMinute: 'sends',
  verifiesPerMinute: 'verifies',
  notFoundPerMinute: 'not-found',
} as const satisfies { [Name in keyof typeof HTTP_LIMITS]: string };

type HttpLimitName = (typeof HTTP_LIMIT_NAMES)[keyof typeof HTTP_LIMITS];

const MINUTE_MS = 60_000;

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook of every route that sends a code: one shared budget, failing closed. */
    limitSends: Hook;
    /** onRequest hook of every route that checks a code: one shared budget. */
    limitVerifies: Hook;
  }
}

const clientKey = (request: FastifyRequest) => normalizeIP(request.ip, 64);

const limited = (retryAfter: number, limit: HttpLimitName) =>
  new AppError('rate_limited', { extra: { retryAfter: Math.max(1, retryAfter), limit } });

interface LimitResult {
  isAllowed: boolean;
  isExceeded?: boolean;
  max?: number;
  remaining?: number;
  ttlInSeconds?: number;
}

function enforce(reply: FastifyReply, result: LimitResult, limit: HttpLimitName) {
  if (result.isAllowed || result.max === undefined) return;
  reply.header('x-ratelimit-limit', result.max);
  reply.header('x-ratelimit-remaining', result.remaining ?? 0);
  reply.header('x-ratelimit-reset', result.ttlInSeconds ?? 0);
  if (result.isExceeded) throw limited(result.ttlInSeconds ?? 1, limit);
}

/**
 * @fastify/rate-limit on every route, its counters in Redis when there is one. Routes that send or
 * check codes share one budget per group (the plugin's `groupId` keeps a counter per route).
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: { nameSpace: string; limits?: Partial<HttpLimits> }) => {
    const limits = { ...HTTP_LIMITS, ...options.limits };
    await app.register(rateLimit, {
      global: true,
      max: limits.perMinute,
      timeWindow: MINUTE_MS,
      keyGenerator: clientKey,
      ...(app.redis ? { store: fallbackRateLimitStore(app.redis, options.nameSpace) } : {}),
      // Redis slow or gone: ordinary routes count in memory (the store); sending routes refuse
      // (limitSends), since one instance's count cannot hold a limit shared by all.
      skipOnError: true,
      // Also the unknown paths' limit (plugins/error-handler.ts), which takes these options.
      errorResponseBuilder: (request, context) =>
        limited(
          Math.ceil(context.ttl / 1000),
          request.is404 ? HTTP_LIMIT_NAMES.notFoundPerMinute : HTTP_LIMIT_NAMES.perMinute,
        ),
    });

    const sends = app.createRateLimit({
      max: limits.sendsPerMinute,
      timeWindow: MINUTE_MS,
      keyGenerator: (request) => `send:${clientKey(request)}`,
      skipOnError: false,
    });
    const verifies = app.createRateLimit({
      max: limits.verifiesPerMinute,
      timeWindow: MINUTE_MS,
      keyGenerator: (request) => `verify:${clientKey(request)}`,
    });

    app.decorate('limitSends', async (request: FastifyRequest, reply: FastifyReply) => {
      // Redis down: nothing can be counted, and no code will be sent (deliverCode refuses), but a
      // trusted browser or a code already sent still signs the user in.
      if (!sharedLimitsAvailable(app)) return;
      let result: LimitResult;
      try {
        result = await sends(request);
      } catch (error) {
        request.log.warn({ err: error }, 'rate-limit store failed on a sending route');
        throw new AppError('unavailable', {
          message: 'Codes cannot be sent right now. Try again shortly.',
          extra: { retryAfter: SHARED_LIMITS_RETRY_AFTER_SECONDS },
        });
      }
      enforce(reply, result, HTTP_LIMIT_NAMES.sendsPerMinute);
    });
    app.decorate('limitVerifies', async (request: FastifyRequest, reply: FastifyReply) => {
      enforce(reply, await verifies(request), HTTP_LIMIT_NAMES.verifiesPerMinute);
    });
  },
);
