import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { authenticateSecretKey, type TenantContext } from '../services/tenants.ts';

declare module 'fastify' {
  interface FastifyRequest {
    tenant: TenantContext;
  }
}

export function bearerToken(request: FastifyRequest, prefix: string): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer (\S+)$/i.exec(header) : null;
  if (!match?.[1]?.startsWith(prefix)) {
    throw new AppError('unauthorized', { message: `Send Authorization: Bearer ${prefix}…` });
  }
  return match[1];
}

/** Partner routes: `Authorization: Bearer sk_…`, no CORS (they are called server to server). */
export async function partnerAuth(app: FastifyInstance) {
  app.decorateRequest('tenant', null as unknown as TenantContext);
  // After the rate limits (onRequest), before the body is read.
  app.addHook('preParsing', async (request, _reply, payload) => {
    request.tenant = await authenticateSecretKey(app.db, bearerToken(request, 'sk_'));
    return payload;
  });
}
