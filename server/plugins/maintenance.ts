import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { purgeExpired } from '../services/maintenance.ts';

const FIRST_AFTER_MS = 60_000;
const EVERY_MS = 10 * 60_000;

/**
 * Purges expired rows a minute after start (so an often-restarted instance still purges), then
 * every 10 minutes, on each instance: the deletes are idempotent.
 */
export const maintenancePlugin = fp(async (app: FastifyInstance) => {
  const purge = () =>
    purgeExpired(app.db).then(
      (counts) => app.log.debug({ counts }, 'purged expired rows'),
      (error) => app.log.warn({ err: error }, 'purge failed'),
    );
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void purge();
    interval = setInterval(purge, EVERY_MS);
    interval.unref();
  }, FIRST_AFTER_MS);
  first.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(interval);
  });
});
