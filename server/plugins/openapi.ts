import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { withExamples } from './openapi-with-examples.ts';

/** `GET /openapi.json` and `GET /docs`, generated from the route schemas. */
export const openApiPlugin = fp(
  async (app: FastifyInstance, options: { publicUrl: string; version: string }) => {
    await app.register(swagger, {
      transform: ({ schema, url, route }) => ({
        schema: withExamples(schema, [route.method].flat(), url),
        url,
      }),
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'two-factor-kit',
          version: options.version,
          description:
            'Partner routes take `Authorization: Bearer sk_…` and are called from the partner backend. ' +
            'Widget routes take `Authorization: Bearer wst_…` (a widget session minted by the partner) ' +
            "and answer only the tenant's allowed origins. Errors are `{error: {code, message, …}}`.",
        },
        servers: [{ url: options.publicUrl }],
        components: {
          securitySchemes: {
            partnerKey: {
              type: 'http',
              scheme: 'bearer',
              description: 'A tenant secret key, `sk_…`.',
            },
            widgetSession: {
              type: 'http',
              scheme: 'bearer',
              description: 'A widget session token, `wst_…`.',
            },
          },
        },
        tags: [
          { name: 'partner', description: 'Server-to-server, with the secret key.' },
          {
            name: 'widget',
            description: 'Called by the elements in the browser, with a widget session.',
          },
          { name: 'operations', description: 'Health and documentation.' },
        ],
      },
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      // Replaces helmet's policy on the /docs pages only: Swagger UI sets inline styles as it
      // renders, and "Try it out" calls the API at its public URL.
      staticCSP: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'", new URL(options.publicUrl).origin],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    });
  },
);
