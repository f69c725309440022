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
  app.addHook('onRequest', async (request) => {
    request.tenant = await authenticateSecretKey(app.db, bearerToken(request, 'sk_'));
  });
}
