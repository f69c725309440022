import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestContext } from '../../plugins/request-context.ts';
import { lockedAttempt } from '../../plugins/widget-auth.ts';
import type { LiveBehind, TakenCode } from '../../services/codes.ts';
import {
  phoneCodeBehindLock,
  phoneSendBehindLock,
  resendPhoneCode,
  startPhoneVerification,
  verifyPhone,
} from '../../services/enrolment.ts';
import { CodeBody, CodeSent, errorResponses, StrictObject, takesNoBody } from '../schemas.ts';

const PhoneBody = Type.Union(
  [
    StrictObject({
      phone: Type.String({ minLength: 2, maxLength: 32, description: 'E.164, e.g. +33612345678' }),
    }),
    StrictObject({
      country: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166 alpha-2' }),
      number: Type.String({
        minLength: 1,
        maxLength: 32,
        description: 'As typed, national format',
      }),
    }),
  ],
  { description: 'The number to verify: E.164, or a country and the number as the user typed it.' },
);

const Verified = Type.Union([
  Type.Object({
    enabled: Type.Literal(true),
    recoveryCodes: Type.Array(Type.String(), { description: 'XXXX-XXXX-XXXX-XXXX, shown once' }),
  }),
  Type.Object({ phoneChanged: Type.Literal(true) }),
  Type.Object(
    { methodAdded: Type.Literal('sms') },
    { description: 'A phone added beside the authenticator app' },
  ),
]);

const sending = { purposes: ['setup'] as const, rateLimit: false as const };
const sendingToNewNumber = {
  ...sending,
  lockedAuthentication: { session: true, behind: phoneSendBehindLock },
};
const verifying = {
  purposes: ['setup'] as const,
  rateLimit: false as const,
  lockedAuthentication: { behind: phoneCodeBehindLock },
};
const security = [{ widgetSession: [] }];

export const phoneRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/phone',
    {
      config: sendingToNewNumber,
      onRequest: app.limitSends,
      schema: {
        tags: ['widget'],
        summary:
          'Send a code to a new phone number (enrolment, or change of phone after a step-up)',
        security,
        body: PhoneBody,
        response: {
          200: CodeSent,
          ...errorResponses(400, 401, 403, 409, 415, 422, 423, 429, 502, 503),
        },
      },
    },
    async (request) =>
      startPhoneVerification(
        app.deps,
        request.widget,
        request.body,
        request.widgetOrigin,
        requestContext(request),
        lockedAttempt<LiveBehind>(request),
      ),
  );

  app.post(
    '/phone/resend',
    {
      preValidation: takesNoBody,
      config: sending,
      onRequest: app.limitSends,
      schema: {
        tags: ['widget'],
        summary: 'Send a new code to the number being verified',
        security,
        response: { 200: CodeSent, ...errorResponses(400, 401, 403, 422, 423, 429, 502, 503) },
      },
    },
    async (request) =>
      resendPhoneCode(app.deps, request.widget, request.widgetOrigin, requestContext(request)),
  );

  app.post(
    '/phone/verify',
    {
      config: verifying,
      onRequest: app.limitVerifies,
      schema: {
        tags: ['widget'],
        summary:
          'Verify the phone code: turns two-factor on, adds the phone beside the app, or swaps in the new number',
        security,
        body: CodeBody,
        response: { 200: Verified, ...errorResponses(400, 401, 403, 409, 410, 415, 422, 423, 429) },
      },
    },
    async (request) =>
      verifyPhone(
        app.deps,
        request.widget,
        request.body.code,
        requestContext(request),
        lockedAttempt<TakenCode>(request),
      ),
  );
};
