import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { safeEqual } from '../crypto/tokens.ts';
import { AppError } from '../errors.ts';
import { bearerToken } from '../plugins/partner-auth.ts';
import { observeEvents } from '../repositories/audit-events.ts';
import { auditEventCounter } from './audit-event-metrics.ts';
import { bounded } from './bounded.ts';
import type { Metrics } from './metrics.ts';
import { noticeQueueGauge } from './queue-metrics.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * `GET /metrics` in the Prometheus text format, to `Authorization: Bearer <METRICS_TOKEN>` only;
 * every request counted by its route's pattern, never its URL, which may hold a user id.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, { metrics, token }: { metrics: Metrics; token: string }) => {
    noticeQueueGauge(metrics.registry, app.db, app.log);
    const stopObserving = observeEvents(auditEventCounter(metrics));
    app.addHook('onClose', async () => {
      stopObserving();
    });

    app.addHook('onResponse', async (request, reply) => {
      const method = bounded(request.method, METHODS);
      const route = request.routeOptions.url ?? 'not_found';
      metrics.httpRequests.inc({ method, route, status: String(reply.statusCode) });
      metrics.httpDuration.observe({ method, route }, reply.elapsedTime / 1000);
    });

    app.get(
      '/metrics',
      // Token-protected, so a scraper cannot use up anyone's HTTP budget.
      { config: { rateLimit: false }, schema: { hide: true } },
      async (request, reply) => {
        if (!safeEqual(bearerToken(request, ''), token)) throw new AppError('unauthorized');
        reply.header('cache-control', 'no-store').type(metrics.registry.contentType);
        return metrics.registry.metrics();
      },
    );
  },
);
