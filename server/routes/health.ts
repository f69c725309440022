import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { AppError } from '../errors.ts';
import { errorResponses } from './schemas.ts';

const Status = Type.Object({ status: Type.Literal('ok') });

/** /readyz answers within this, whatever the database does: a load balancer waits on it. */
export const READY_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Neither is rate-limited: probes must answer at once, even while Redis is frozen.
const probe = { rateLimit: false as const };

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: probe,
      schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Status } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: probe,
      schema: {
        tags: ['operations'],
        summary: 'The database answers (within 2 s)',
        response: { 200: Status, ...errorResponses(503) },
      },
    },
    async (request) => {
      try {
        await within(sql`select 1`.execute(app.db), READY_TIMEOUT_MS);
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        throw new AppError('unavailable', {
          message: 'The database is not reachable.',
          extra: { retryAfter: DATABASE_RETRY_AFTER_SECONDS },
        });
      }
      return { status: 'ok' as const };
    },
  );
};
