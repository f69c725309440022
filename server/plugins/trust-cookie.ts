import type { FastifyReply, FastifyRequest } from 'fastify';
import { TRUST_COOKIE_NAME } from '../security-constants.ts';
import type { BrowserContext } from '../services/challenge.ts';
import { requestContext } from './request-context.ts';

/**
 * The trust cookie: `__Host-`, Secure, HttpOnly, Path=/, SameSite=None so the partner's page can
 * send it to us, and Partitioned (CHIPS) so trust given on one partner site is not seen on another.
 */
export function setTrustCookie(reply: FastifyReply, trust: { value: string; expiresAt: Date }) {
  reply.setCookie(TRUST_COOKIE_NAME, trust.value, {
    secure: true,
    httpOnly: true,
    path: '/',
    sameSite: 'none',
    partitioned: true,
    expires: trust.expiresAt,
  });
}

export function browserContext(request: FastifyRequest): BrowserContext {
  return { ...requestContext(request), trustCookie: request.cookies[TRUST_COOKIE_NAME] };
}
