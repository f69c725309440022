import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../repositories/audit-events.ts';

export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}
