import cookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { securityHeadersPlugin } from '../server/plugins/security-headers.ts';
import type { DemoContext } from './context.ts';
import { contentSecurityPolicy } from './csp.ts';
import type { DemoDatabase } from './db-types.ts';
import { DevInboxProbe } from './dev-inbox-probe.ts';
import { registerFormParser } from './form-body.ts';
import { sendError } from './render-page.ts';
import { assetRoutes } from './routes/assets.ts';
import { devInboxRoutes } from './routes/dev-inbox.ts';
import { pageRoutes } from './routes/pages.ts';
import { securityRoutes } from './routes/security.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { signOutRoutes } from './routes/sign-out.ts';
import { signUpRoutes } from './routes/sign-up.ts';
import { themeRoutes } from './routes/theme.ts';
import { widgetTokenRoutes } from './routes/widget-token.ts';
import { TwoFactorClient, TwoFactorUnavailableError } from './two-factor-client.ts';

export interface DemoAppOptions {
  /** The database the demo's tables live in (run `migrateDemo` on it first). */
  // biome-ignore lint/suspicious/noExplicitAny: the demo shares a handle typed for the server's tables.
  db: Kysely<any>;
  /** The two-factor server as browsers reach it: the element script and `server` attribute. */
  twoFactorUrl: string;
  /** The two-factor server as this backend reaches it, when not `twoFactorUrl` (a loopback). */
  twoFactorApiUrl?: string;
  /** The tenant's secret key, `sk_…`; it never leaves this backend. */
  secretKey: string;
  /** Where the demo is served; `https:` makes its cookies `Secure`. */
  publicUrl?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Same-origin check for state-changing requests: SameSite=Lax does not stop same-site origins. */
function crossOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The demo clinic: a partner site that uses the two-factor server only through its HTTP API. */
export async function buildDemoApp(options: DemoAppOptions) {
  const twoFactor = new TwoFactorClient(
    options.twoFactorApiUrl ?? options.twoFactorUrl,
    options.secretKey,
  );
  const demo: DemoContext = {
    db: options.db as Kysely<DemoDatabase>,
    twoFactor,
    twoFactorUrl: options.twoFactorUrl.replace(/\/+$/, ''),
    secureCookies: (options.publicUrl ?? '').startsWith('https:'),
    devInbox: new DevInboxProbe(twoFactor),
  };

  const app = Fastify({ logger: options.logger ?? false });
  await app.register(cookie);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(demo.twoFactorUrl),
    },
    // HSTS only means something over https; on http://localhost it would only confuse.
    strictTransportSecurity: demo.secureCookies,
    // Under Helmet's default `no-referrer`, browsers send `Origin: null` on the page's own form
    // posts (Fetch, "append a request Origin header"), which the same-origin check below refuses.
    referrerPolicy: { policy: 'same-origin' },
  });
  app.removeContentTypeParser('text/plain');
  registerFormParser(app);

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    if (crossOrigin(request.headers.origin, request.headers.host)) {
      return sendError(demo, request, reply, {
        status: 403,
        title: 'Request refused',
        message: 'This form was sent from another site.',
      });
    }
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(demo, request, reply, {
      status: 404,
      title: 'Page not found',
      message: 'There is no page at this address.',
    }),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const unavailable = error instanceof TwoFactorUnavailableError;
    const clientError =
      !unavailable &&
      error.statusCode !== undefined &&
      error.statusCode >= 400 &&
      error.statusCode < 500;
    const status = unavailable ? 502 : clientError ? (error.statusCode as number) : 500;
    if (clientError) request.log.info({ err: error }, 'refused request');
    else
      request.log.error({ err: error }, unavailable ? 'two-factor server unavailable' : 'failed');
    const message = unavailable
      ? 'Our sign-in security service is not answering. Try again in a moment.'
      : clientError
        ? 'The request could not be understood. Go back and try again.'
        : 'Something went wrong on our side. Try again in a moment.';
    if (request.url.startsWith('/api/')) {
      const code = unavailable ? 'unavailable' : clientError ? 'invalid_request' : 'internal_error';
      return reply.code(status).send({ error: { code, message } });
    }
    return sendError(demo, request, reply, {
      status,
      title: unavailable
        ? 'Service unavailable'
        : clientError
          ? 'Bad request'
          : 'Something went wrong',
      message,
    }).catch(() => reply.code(status).type('text/plain').send(message));
  });

  const routeOptions = { demo };
  await app.register(assetRoutes);
  await app.register(pageRoutes, routeOptions);
  await app.register(signUpRoutes, routeOptions);
  await app.register(signInRoutes, routeOptions);
  await app.register(signOutRoutes, routeOptions);
  await app.register(securityRoutes, routeOptions);
  await app.register(themeRoutes, routeOptions);
  await app.register(devInboxRoutes, routeOptions);
  await app.register(widgetTokenRoutes, routeOptions);
  return app;
}
