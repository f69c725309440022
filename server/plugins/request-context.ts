import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../services/audit.ts';

export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}
