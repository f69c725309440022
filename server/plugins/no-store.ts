import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * `Cache-Control: no-store` on every `/v1` answer, errors included: they carry tokens, recovery
 * codes and personal data that no browser or proxy cache may keep (ASVS V8.2.1).
 */
export const noStorePlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/v1' || path.startsWith('/v1/')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
