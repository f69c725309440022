import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestContext } from '../../plugins/request-context.ts';
import { TRUST_COOKIE_NAME } from '../../security-constants.ts';
import { sessionRef } from '../../services/sessions.ts';
import { listTrustedBrowsers, revokeTrust } from '../../services/trusted-browsers.ts';
import { errorResponses, StrictObject, takesNoBody, UuidParam } from '../schemas.ts';

const TrustedBrowserList = Type.Object({
  browsers: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Type.String({ description: 'e.g. Chrome on macOS' }),
      createdAt: Type.String({ format: 'date-time' }),
      lastUsedAt: Type.String({ format: 'date-time' }),
      expiresAt: Type.String({ format: 'date-time' }),
      current: Type.Boolean({ description: 'The browser making this request' }),
    }),
  ),
});

const config = { purposes: ['setup'] as const };
const security = [{ widgetSession: [] }];
const Revoked = { type: 'null', description: 'Revoked' };

export const trustedBrowserRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/trusted-browsers',
    {
      config,
      schema: {
        tags: ['widget'],
        summary: "The user's trusted browsers",
        security,
        response: { 200: TrustedBrowserList, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      browsers: await listTrustedBrowsers(
        app.db,
        sessionRef(request.widget),
        request.cookies[TRUST_COOKIE_NAME],
      ),
    }),
  );

  app.delete(
    '/trusted-browsers/:id',
    {
      preValidation: takesNoBody,
      config,
      schema: {
        tags: ['widget'],
        summary: 'Stop trusting one browser',
        security,
        params: StrictObject({ id: UuidParam }),
        response: { 204: Revoked, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeTrust(app.db, sessionRef(request.widget), requestContext(request), {
        id: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/trusted-browsers',
    {
      preValidation: takesNoBody,
      config,
      schema: {
        tags: ['widget'],
        summary: 'Stop trusting every browser',
        security,
        response: { 204: Revoked, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await revokeTrust(app.db, sessionRef(request.widget), requestContext(request));
      return reply.status(204).send(null);
    },
  );
};
