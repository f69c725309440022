import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { userStatus } from '../../services/users.ts';
import { errorResponses, StrictObject, UserIdParam } from '../schemas.ts';

export const UserStatus = Type.Object({
  userId: Type.String(),
  twoFactor: Type.Object({
    enabled: Type.Boolean(),
    phone: Type.Union([
      Type.Object({
        masked: Type.String({ description: 'e.g. +33 •• •• •• 78' }),
        country: Type.String({ description: 'ISO 3166 code' }),
      }),
      Type.Null(),
    ]),
    enabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
  recoveryCodesRemaining: Type.Integer(),
  trustedBrowsers: Type.Integer(),
});

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users/:userId',
    {
      schema: {
        tags: ['partner'],
        summary: "A user's two-factor state",
        security: [{ partnerKey: [] }],
        params: StrictObject({ userId: UserIdParam }),
        response: { 200: UserStatus, ...errorResponses(400, 401) },
      },
    },
    async (request) => userStatus(app.db, request.tenant.id, request.params.userId),
  );
};
