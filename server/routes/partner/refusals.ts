import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recentRefusals } from '../../services/refusals.ts';
import { errorResponses, PageQuery } from '../schemas.ts';

const RefusalPage = Type.Object({
  refusals: Type.Array(
    Type.Object({
      id: Type.Integer(),
      limit: Type.String({
        description:
          'per-number, per-prefix, per-country, per-user, per-ip, daily-budget, resend-wait, country or number-type',
      }),
      userId: Type.Union([Type.String(), Type.Null()]),
      ip: Type.Union([Type.String(), Type.Null()]),
      details: Type.Object({}, { additionalProperties: true }),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `before` for the next page',
  }),
});

export const refusalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/refusals',
    {
      schema: {
        tags: ['partner'],
        summary: 'Recent sends refused by a limit, newest first: to see an SMS-pumping attack',
        security: [{ partnerKey: [] }],
        querystring: PageQuery,
        response: { 200: RefusalPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => recentRefusals(app.db, request.tenant.id, request.query),
  );
};
