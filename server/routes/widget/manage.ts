import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestContext } from '../../plugins/request-context.ts';
import {
  disableTwoFactor,
  regenerateRecoveryCodes,
  showRecoveryCodes,
} from '../../services/management.ts';
import { errorResponses, RecoveryCodeList, takesNoBody } from '../schemas.ts';

const config = { purposes: ['setup'] as const };
const security = [{ widgetSession: [] }];

export const manageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/recovery-codes',
    {
      config,
      schema: {
        tags: ['widget'],
        summary: 'View the recovery codes again (after a step-up, when the site allows it)',
        security,
        response: { 200: RecoveryCodeList, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => showRecoveryCodes(app.deps, request.widget, requestContext(request)),
  );

  app.post(
    '/recovery-codes',
    {
      preValidation: takesNoBody,
      config,
      schema: {
        tags: ['widget'],
        summary: 'Make a new set of recovery codes (after a step-up); the old set stops working',
        security,
        response: { 200: RecoveryCodeList, ...errorResponses(401, 403, 409) },
      },
    },
    async (request) => regenerateRecoveryCodes(app.deps, request.widget, requestContext(request)),
  );

  app.delete(
    '/two-factor',
    {
      preValidation: takesNoBody,
      config,
      schema: {
        tags: ['widget'],
        summary: 'Turn two-factor off (after a step-up)',
        security,
        response: {
          204: { type: 'null', description: 'Turned off' },
          ...errorResponses(401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      await disableTwoFactor(app.deps, request.widget, requestContext(request));
      return reply.status(204).send(null);
    },
  );
};
