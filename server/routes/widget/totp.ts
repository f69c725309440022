import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestContext } from '../../plugins/request-context.ts';
import { lockedAttempt } from '../../plugins/widget-auth.ts';
import { confirmTotp, removeTotp, startTotpEnrolment } from '../../services/authenticator-app.ts';
import { CodeBody, errorResponses, takesNoBody } from '../schemas.ts';

const TotpSecret = Type.Object({
  secret: Type.String({ description: 'RFC 4648 base32, no padding: 32 characters (160 bits)' }),
  otpauthUri: Type.String({
    description: 'otpauth://totp/<issuer>:<accountName>?secret=…: draw it as a QR code',
  }),
  issuer: Type.String({ description: "The site's name" }),
  accountName: Type.String({ description: 'The label the app shows for this account' }),
  digits: Type.Literal(6),
  period: Type.Literal(30),
  algorithm: Type.Literal('SHA1'),
});

const Confirmed = Type.Union([
  Type.Object({
    enabled: Type.Literal(true),
    recoveryCodes: Type.Array(Type.String(), { description: 'XXXX-XXXX-XXXX-XXXX, shown once' }),
  }),
  Type.Object({ methodAdded: Type.Literal('totp') }),
]);

const config = { purposes: ['setup'] as const };
const verifying = {
  purposes: ['setup'] as const,
  rateLimit: false as const,
  lockedAuthentication: {},
};
const security = [{ widgetSession: [] }];

export const totpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/totp',
    {
      config,
      preValidation: takesNoBody,
      schema: {
        tags: ['widget'],
        summary:
          'Start adding an authenticator app: a new secret, pending until its first code (after a step-up when two-factor is on)',
        security,
        response: { 200: TotpSecret, ...errorResponses(400, 401, 403, 409, 415) },
      },
    },
    async (request) => startTotpEnrolment(app.deps, request.widget),
  );

  app.post(
    '/totp/verify',
    {
      config: verifying,
      onRequest: app.limitVerifies,
      schema: {
        tags: ['widget'],
        summary:
          'Confirm the app with its first code: turns two-factor on, or adds the app as a second method',
        security,
        body: CodeBody,
        response: { 200: Confirmed, ...errorResponses(400, 401, 403, 409, 415, 422, 423, 429) },
      },
    },
    async (request) =>
      confirmTotp(
        app.deps,
        request.widget,
        request.body.code,
        requestContext(request),
        lockedAttempt(request),
      ),
  );

  app.delete(
    '/totp',
    {
      preValidation: takesNoBody,
      config,
      schema: {
        tags: ['widget'],
        summary: 'Remove the authenticator app (after a step-up) when the phone stays',
        security,
        response: {
          204: { type: 'null', description: 'Removed' },
          ...errorResponses(401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      await removeTotp(app.deps, request.widget, requestContext(request));
      return reply.status(204).send(null);
    },
  );
};
