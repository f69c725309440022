import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { browserContext, setTrustCookie } from '../../plugins/trust-cookie.ts';
import { lockedAttempt } from '../../plugins/widget-auth.ts';
import {
  recoverChallenge,
  resendChallenge,
  startChallenge,
  switchChallengeMethod,
  verifyChallenge,
} from '../../services/challenge.ts';
import { challengeSendBehindLock } from '../../services/challenge-steps.ts';
import type { LiveBehind } from '../../services/codes.ts';
import { errorResponses, MethodName, StrictObject, takesNoBody } from '../schemas.ts';

const Pending = Type.Object({
  status: Type.Literal('pending'),
  step: Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('totp')], {
    description: 'The code asked now: email, sms (a text message), or totp (the authenticator app)',
  }),
  methods: Type.Optional(
    Type.Array(MethodName, {
      description: 'At the second step: the methods the user can use there ("Use another method")',
    }),
  ),
  maskedDestination: Type.Union([Type.String(), Type.Null()], {
    description: 'j•••@example.com or +33 •• •• •• 78; null for the app',
  }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'null for the app',
  }),
  resendAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'null for the app',
  }),
  codeLength: Type.Integer(),
});

const Verified = Type.Object({
  status: Type.Literal('verified'),
  resultToken: Type.String({
    description: 'Single use: hand it to your backend, which redeems it within 5 minutes',
  }),
  via: Type.Union([
    Type.Literal('code'),
    Type.Literal('recovery-code'),
    Type.Literal('trusted-browser'),
  ]),
  newRecoveryCodes: Type.Optional(
    Type.Array(Type.String(), {
      description: 'The last recovery code was used: a new set, shown once',
    }),
  ),
});

const trustBrowser = Type.Optional(
  Type.Boolean({
    description: "Remember this browser for the site's trust days (sign-in, last step only)",
  }),
);

const challengePurposes = ['sign-in', 'verify-email'] as const;
const sending = { purposes: challengePurposes, rateLimit: false as const };
/** The start reads and reserves in the transaction its authentication begins. */
const starting = {
  ...sending,
  lockedAuthentication: { session: true, behind: challengeSendBehindLock },
};
const verifying = {
  purposes: challengePurposes,
  rateLimit: false as const,
  lockedAuthentication: { session: true },
};
const security = [{ widgetSession: [] }];
const sendErrors = errorResponses(401, 403, 409, 422, 423, 429, 502, 503);
const verifyErrors = errorResponses(400, 401, 403, 409, 410, 415, 422, 423, 429, 502, 503);

export const challengeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/challenge',
    {
      preValidation: takesNoBody,
      config: starting,
      onRequest: app.limitSends,
      schema: {
        tags: ['widget'],
        summary:
          'Start the sign-in or email check: verified at once on a trusted browser, else the first code is sent',
        security,
        response: { 200: Type.Union([Verified, Pending]), ...sendErrors },
      },
    },
    async (request) =>
      startChallenge(
        app.deps,
        request.widget,
        request.widgetOrigin,
        browserContext(request),
        lockedAttempt<LiveBehind>(request),
      ),
  );

  app.post(
    '/challenge/resend',
    {
      preValidation: takesNoBody,
      config: sending,
      onRequest: app.limitSends,
      schema: {
        tags: ['widget'],
        summary: 'Send a new code for the current step',
        security,
        response: { 200: Pending, ...sendErrors },
      },
    },
    async (request) =>
      resendChallenge(app.deps, request.widget, request.widgetOrigin, browserContext(request)),
  );

  app.post(
    '/challenge/verify',
    {
      config: verifying,
      onRequest: app.limitVerifies,
      schema: {
        tags: ['widget'],
        summary:
          "Verify the current step's code: the next step's code is sent, or the challenge is verified",
        security,
        body: StrictObject({
          code: Type.String({ pattern: '^[0-9]{6}$' }),
          trustBrowser,
          method: Type.Optional(
            Type.Union([Type.Literal('sms'), Type.Literal('totp')], {
              description:
                'At the second step, where the code comes from; default: the method asked last',
            }),
          ),
        }),
        response: { 200: Type.Union([Verified, Pending]), ...verifyErrors },
      },
    },
    async (request, reply) => {
      const { answer, trust } = await verifyChallenge(
        app.deps,
        request.widget,
        request.body,
        request.widgetOrigin,
        browserContext(request),
        lockedAttempt(request),
      );
      if (trust) setTrustCookie(reply, trust);
      return answer;
    },
  );

  app.post(
    '/challenge/method',
    {
      config: { purposes: ['sign-in'] as const, rateLimit: false as const },
      onRequest: app.limitSends,
      schema: {
        tags: ['widget'],
        summary:
          'Use another method at the second step: the app (nothing sent) or a text message (a code is sent)',
        security,
        body: StrictObject({ method: MethodName }),
        response: {
          200: Pending,
          ...errorResponses(400, 401, 403, 409, 415, 422, 423, 429, 502, 503),
        },
      },
    },
    async (request) =>
      switchChallengeMethod(
        app.deps,
        request.widget,
        request.body.method,
        request.widgetOrigin,
        browserContext(request),
      ),
  );

  app.post(
    '/challenge/recovery',
    {
      config: {
        purposes: ['sign-in'] as const,
        rateLimit: false as const,
        lockedAuthentication: { session: true },
      },
      onRequest: app.limitVerifies,
      schema: {
        tags: ['widget'],
        summary: 'Use a recovery code instead of the SMS code',
        security,
        body: StrictObject({
          recoveryCode: Type.String({ minLength: 16, maxLength: 24 }),
          trustBrowser,
        }),
        response: { 200: Verified, ...verifyErrors },
      },
    },
    async (request, reply) => {
      const { answer, trust } = await recoverChallenge(
        app.deps,
        request.widget,
        request.body,
        browserContext(request),
        lockedAttempt(request),
      );
      if (trust) setTrustCookie(reply, trust);
      return answer;
    },
  );
};
