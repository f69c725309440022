import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { purgeExpired } from '../services/maintenance.ts';

const EVERY_MS = 10 * 60_000;

/** Purges expired rows every 10 minutes, on each instance (the deletes are idempotent). */
export const maintenancePlugin = fp(async (app: FastifyInstance) => {
  const timer = setInterval(() => {
    purgeExpired(app.db).then(
      (counts) => app.log.debug({ counts }, 'purged expired rows'),
      (error) => app.log.warn({ err: error }, 'purge failed'),
    );
  }, EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
});
