import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createSession, purposes } from '../../services/sessions.ts';
import { errorResponses, StrictObject, UserIdParam } from '../schemas.ts';

const CreateSessionBody = StrictObject({
  userId: UserIdParam,
  purpose: Type.Union(
    purposes.map((purpose) => Type.Literal(purpose)),
    {
      description:
        '`setup` for <two-factor-setup>, `sign-in` and `verify-email` for <two-factor-challenge>.',
    },
  ),
  email: Type.Optional(
    Type.String({
      format: 'email',
      maxLength: 254,
      description: 'Where email codes and security notices go; required for verify-email.',
    }),
  ),
  accountName: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[^\\u0000-\\u001f\\u007f]+$',
      description:
        "The account's label in the user's authenticator app; default: the email, else the user id.",
    }),
  ),
  locale: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z]{2}([-_][A-Za-z0-9]{2,8})*$',
      description: 'en, fr, de or es; others fall back to en.',
    }),
  ),
});

const CreatedSession = Type.Object({
  token: Type.String({ description: 'A widget session token, `wst_…`, for the element.' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/sessions',
    {
      schema: {
        tags: ['partner'],
        summary: 'Mint a widget session for one of your users',
        security: [{ partnerKey: [] }],
        body: CreateSessionBody,
        response: { 201: CreatedSession, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request, reply) => {
      const session = await createSession(app.db, request.tenant, request.body);
      reply.status(201);
      return { token: session.token, expiresAt: session.expiresAt.toISOString() };
    },
  );
};
