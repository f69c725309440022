import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConnectionLease, withLease } from '../db/connection-lease.ts';
import { AppError } from '../errors.ts';
import {
  authenticateLocked,
  type LockedAttempt,
  type LockedAuthentication,
} from '../services/locked-authentication.ts';
import { authenticateWidgetToken, type Purpose, type WidgetContext } from '../services/sessions.ts';
import { KnownOrigins } from './known-origins.ts';
import { bearerToken } from './partner-auth.ts';

declare module 'fastify' {
  interface FastifyRequest {
    widget: WidgetContext;
    /** A verify's transaction, begun by authentication (the route's `lockedAuthentication`). */
    lockedAttempt: LockedAttempt<unknown> | undefined;
    /** The caller's `Origin`, checked against the tenant's allowed origins. */
    widgetOrigin: string;
  }
  interface FastifyContextConfig {
    /** Session purposes a widget route serves; absent means every purpose. */
    purposes?: readonly Purpose[];
    /**
     * A verify: authentication locks the user's row in a transaction the route goes on with
     * (`request.lockedAttempt`): services/locked-authentication.ts.
     */
    lockedAuthentication?: LockedAuthentication<unknown>;
  }
}

const PREFLIGHT_MAX_AGE_SECONDS = 600;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

const refused = () => new AppError('origin_not_allowed');

/** The verification this route's authentication began (its `lockedAuthentication`). */
export function lockedAttempt<Behind = unknown>(request: FastifyRequest): LockedAttempt<Behind> {
  const attempt = request.lockedAttempt;
  if (!attempt) throw new Error(`${request.routeOptions.url} has no lockedAuthentication`);
  return attempt as LockedAttempt<Behind>;
}

/**
 * Widget routes: CORS for the tenant's exact origins (with credentials), a JSON-only body, and a
 * `wst_…` session whose tenant lists the caller's `Origin`. The preflight cannot carry the token,
 * so it is answered for any tenant's origin; the real request is then held to its own tenant's.
 * The origin is checked first (onRequest), so even a rate-limit refusal is readable by the page;
 * the session after the rate limits and the body (preValidation), so a flood of bad tokens is
 * counted and a slow upload holds no database connection.
 */
export async function widgetAuth(app: FastifyInstance) {
  app.decorateRequest('widget', null as unknown as WidgetContext);
  app.decorateRequest('widgetOrigin', '');
  app.decorateRequest('lockedAttempt', undefined);
  const knownOrigins = new KnownOrigins(app.db);

  const allow = (request: FastifyRequest, reply: FastifyReply, origin: string) => {
    reply.header('access-control-allow-origin', origin);
    reply.header('access-control-allow-credentials', 'true');
    reply.header('access-control-expose-headers', 'retry-after');
    reply.header('vary', 'Origin');
    request.widgetOrigin = origin;
  };

  // Before the rate limits, without a query: a remembered origin gets its CORS headers so even a
  // 429 is readable. Anything else is looked up after the limits have counted the request.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (!origin || origin === 'null' || knownOrigins.peek(origin) === false) throw refused();
    if (knownOrigins.peek(origin)) allow(request, reply, origin);
  });

  app.addHook('preParsing', async (request, reply, payload) => {
    const origin = request.headers.origin as string;
    if (!request.widgetOrigin) {
      if (!(await knownOrigins.has(origin))) throw refused();
      allow(request, reply, origin);
    }
    if (request.method === 'OPTIONS') return payload;
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && !JSON_TYPE.test(contentType)) {
      throw new AppError('invalid_request', {
        status: 415,
        message: 'Send JSON, with Content-Type: application/json.',
      });
    }
    return payload;
  });

  // Once the body is in (a slow upload holds no connection), the session is read on the lease
  // that the route's own work then uses: one pool checkout for both (db/connection-lease.ts). A
  // route whose work goes on in authentication's transaction needs the lease for that one alone.
  app.addHook('preValidation', (request, reply, done) => {
    if (request.method === 'OPTIONS') return done();
    const lease = new ConnectionLease(request.routeOptions.config.lockedAuthentication ? 1 : 2);
    reply.raw.once('close', () => lease.end());
    withLease(lease, () => {
      authenticate(request, reply).then(() => done(), done);
    });
  });

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request, 'wst_');
    const locked = request.routeOptions.config.lockedAuthentication;
    if (!locked) {
      admit(request, reply, await authenticateWidgetToken(app.db, token));
      return;
    }
    const { widget, attempt } = await authenticateLocked(app.db, token, locked);
    // Rolled back if the route does not go on with it (an invalid body, the client gone).
    reply.raw.once('close', () => void attempt.abandon());
    try {
      admit(request, reply, widget);
    } catch (error) {
      await attempt.abandon();
      throw error;
    }
    request.lockedAttempt = attempt;
  };

  const admit = (request: FastifyRequest, reply: FastifyReply, widget: WidgetContext) => {
    if (!widget.tenant.origins.includes(request.widgetOrigin)) {
      // Another tenant's page: it may not even read the refusal.
      reply.removeHeader('access-control-allow-origin');
      reply.removeHeader('access-control-allow-credentials');
      throw refused();
    }
    const purposes = request.routeOptions.config.purposes;
    if (purposes && !purposes.includes(widget.session.purpose)) {
      throw new AppError('wrong_purpose', {
        message: `A ${widget.session.purpose} session cannot do that.`,
      });
    }
    request.widget = widget;
  };

  app.options('/*', { schema: { hide: true } }, async (_request, reply) => {
    reply
      .header('access-control-allow-methods', 'GET, POST, PUT, DELETE')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS))
      .status(204)
      .send();
  });
}
