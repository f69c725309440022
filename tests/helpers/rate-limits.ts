import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { HTTP_LIMITS } from '../../server/plugins/rate-limits.ts';

/** Each HTTP limit's name in its 429 (`limit`), as docs/limits.md and docs/api.md give them. */
const LIMIT_NAMES = {
  perMinute: 'requests',
  sendsPerMinute: 'sends',
  verifiesPerMinute: 'verifies',
  notFoundPerMinute: 'not-found',
} as const;

/**
 * Asserts the answer is the refusal of the HTTP limit `name`, in the error shape, naming the limit,
 * with a matching header.
 */
export function assertRateLimited(
  response: LightMyRequestResponse,
  name: keyof typeof HTTP_LIMITS,
  what: string,
) {
  const limit = HTTP_LIMITS[name];
  assert.equal(response.statusCode, 429, `${what}: ${response.statusCode} ${response.body}`);
  const { error } = response.json();
  assert.equal(error.code, 'rate_limited');
  assert.equal(error.limit, LIMIT_NAMES[name], `${what}: which limit`);
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.length > 0);
  assert.ok(Number.isInteger(error.retryAfter), `retryAfter ${error.retryAfter}`);
  assert.ok(error.retryAfter >= 1 && error.retryAfter <= 60, `retryAfter ${error.retryAfter}`);
  assert.equal(response.headers['retry-after'], String(error.retryAfter));
  // The HTTP limiter's own header: tells this 429 from the per-tenant send limits' 429.
  assert.equal(response.headers['x-ratelimit-limit'], String(limit));
  assert.doesNotMatch(response.body, /stack|Error:/);
}

/** A route under the global limit only (the health probes are not limited: probes must answer). */
export const LIMITED_ROUTE = '/openapi.json';
