import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

/**
 * While the server shuts down, a request that still arrives (on a kept-alive connection) is
 * answered `503 unavailable` in the documented shape, with `Connection: close` so the client goes
 * to another instance; Fastify's own closing answer (another shape) is turned off in app.ts.
 */
export const closingPlugin = fp(async (app: FastifyInstance) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError('unavailable', {
      message: 'The server is shutting down. Try again.',
      extra: { retryAfter: 1 },
    });
  });
});
