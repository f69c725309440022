import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestContext } from '../../plugins/request-context.ts';
import { choosePreferredMethod, removePhone } from '../../services/method-changes.ts';
import { errorResponses, MethodName, StrictObject, takesNoBody } from '../schemas.ts';

const config = { purposes: ['setup'] as const };
const security = [{ widgetSession: [] }];

export const methodRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/phone',
    {
      preValidation: takesNoBody,
      config,
      schema: {
        tags: ['widget'],
        summary: 'Remove the phone (after a step-up) when the authenticator app stays',
        security,
        response: {
          204: { type: 'null', description: 'Removed' },
          ...errorResponses(401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      await removePhone(app.deps, request.widget, requestContext(request));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/preferred-method',
    {
      config,
      schema: {
        tags: ['widget'],
        summary: 'Choose the method asked first at sign-in',
        security,
        body: StrictObject({ method: MethodName }),
        response: {
          200: Type.Object({ preferredMethod: MethodName }),
          ...errorResponses(400, 401, 403, 409, 415),
        },
      },
    },
    async (request) => choosePreferredMethod(app.deps, request.widget, request.body.method),
  );
};
