import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestContext } from '../../plugins/request-context.ts';
import {
  clearUserLockout,
  eraseUser,
  resetUserTwoFactor,
  revokeUserTrust,
  userEvents,
  userStatus,
} from '../../services/users.ts';
import {
  errorResponses,
  MethodName,
  PageQuery,
  StrictObject,
  takesNoBody,
  UserIdParam,
} from '../schemas.ts';

export const UserStatus = Type.Object({
  userId: Type.String(),
  twoFactor: Type.Object({
    enabled: Type.Boolean({ description: 'On when the user has at least one active method' }),
    methods: Type.Array(MethodName, { description: 'sms (a phone), totp (an authenticator app)' }),
    preferredMethod: Type.Union([MethodName, Type.Null()], {
      description: 'The method asked first at sign-in',
    }),
    phone: Type.Union([
      Type.Object({
        masked: Type.String({ description: 'e.g. +33 •• •• •• 78' }),
        country: Type.String({ description: 'ISO 3166 code' }),
      }),
      Type.Null(),
    ]),
    totp: Type.Union([Type.Object({ addedAt: Type.String({ format: 'date-time' }) }), Type.Null()]),
    enabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
  recoveryCodesRemaining: Type.Integer(),
  trustedBrowsers: Type.Integer(),
});

const EventPage = Type.Object({
  events: Type.Array(
    Type.Object({
      id: Type.Integer(),
      type: Type.String({
        description: 'e.g. two_factor.enabled, phone.changed, recovery_code.used',
      }),
      ip: Type.Union([Type.String(), Type.Null()]),
      userAgent: Type.Union([Type.String(), Type.Null()]),
      details: Type.Object({}, { additionalProperties: true }),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `before` for the next page',
  }),
});

const params = StrictObject({ userId: UserIdParam });
const security = [{ partnerKey: [] }];

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users/:userId',
    {
      schema: {
        tags: ['partner'],
        summary: "A user's two-factor state",
        security,
        params,
        response: { 200: UserStatus, ...errorResponses(400, 401) },
      },
    },
    async (request) => userStatus(app.db, request.tenant.id, request.params.userId),
  );

  app.delete(
    '/users/:userId',
    {
      preValidation: takesNoBody,
      schema: {
        tags: ['partner'],
        summary:
          'Erase everything kept about the user (their right to erasure); the tenant keeps one event',
        security,
        params,
        response: {
          204: { type: 'null', description: 'Erased, or never known' },
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) => {
      await eraseUser(app.db, request.tenant.id, request.params.userId, requestContext(request));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/users/:userId/lockout',
    {
      preValidation: takesNoBody,
      schema: {
        tags: ['partner'],
        summary:
          'Clear the lockout after too many wrong codes, leaving two-factor on (support desk)',
        security,
        params,
        response: { 204: { type: 'null', description: 'Cleared' }, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await clearUserLockout(
        app.db,
        request.tenant.id,
        request.params.userId,
        requestContext(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/users/:userId/two-factor',
    {
      preValidation: takesNoBody,
      schema: {
        tags: ['partner'],
        summary: 'Support-desk reset: turn two-factor off and clear the lockout',
        security,
        params,
        response: { 204: { type: 'null', description: 'Reset' }, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await resetUserTwoFactor(
        app.deps,
        request.tenant,
        request.params.userId,
        requestContext(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/users/:userId/trusted-browsers',
    {
      preValidation: takesNoBody,
      schema: {
        tags: ['partner'],
        summary:
          'Revoke every trusted browser of the user: call it on password change or "sign out everywhere"',
        security,
        params,
        response: { 204: { type: 'null', description: 'Revoked' }, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await revokeUserTrust(
        app.db,
        request.tenant.id,
        request.params.userId,
        requestContext(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users/:userId/events',
    {
      schema: {
        tags: ['partner'],
        summary: "The user's security events, newest first",
        security,
        params,
        querystring: PageQuery,
        response: { 200: EventPage, ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      userEvents(app.db, request.tenant.id, request.params.userId, {
        limit: request.query.limit,
        before: request.query.before,
      }),
  );
};
