import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { redeemResult } from '../../services/results.ts';
import { errorResponses, StrictObject } from '../schemas.ts';

const Redeemed = Type.Object({
  userId: Type.String(),
  purpose: Type.String({ description: 'sign-in or verify-email' }),
  email: Type.Optional(
    Type.String({
      description: 'The address the challenge proved: verify-email, or sign-in with the email step',
    }),
  ),
  steps: Type.Array(Type.String(), {
    description: 'Steps passed by code: email, sms; empty for a trusted browser',
  }),
  via: Type.Union([
    Type.Literal('code'),
    Type.Literal('recovery-code'),
    Type.Literal('trusted-browser'),
  ]),
  method: Type.Optional(
    Type.Union([Type.Literal('sms'), Type.Literal('totp')], {
      description:
        'With via "code" and a second factor passed: the method its code came from (text message or app)',
    }),
  ),
  verifiedAt: Type.String({ format: 'date-time' }),
});

export const resultRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/results/redeem',
    {
      schema: {
        tags: ['partner'],
        summary:
          "Redeem a challenge's result token (once, within 5 minutes) before granting anything",
        security: [{ partnerKey: [] }],
        body: StrictObject({ resultToken: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: Redeemed, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => redeemResult(app.db, request.tenant.id, request.body.resultToken),
  );
};
