import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestContext } from '../../plugins/request-context.ts';
import { lockedAttempt } from '../../plugins/widget-auth.ts';
import type { LiveBehind } from '../../services/codes.ts';
import { startStepUp, stepUpSendBehindLock, verifyStepUp } from '../../services/step-up.ts';
import { CodeSent, errorResponses, StrictObject, takesNoBody } from '../schemas.ts';

const StepUpProof = Type.Union([
  StrictObject({
    code: Type.String({ pattern: '^[0-9]{6}$' }),
    method: Type.Optional(
      Type.Union([Type.Literal('sms'), Type.Literal('totp')], {
        description: 'Where the code comes from; default: sms when the user has a phone, else totp',
      }),
    ),
  }),
  StrictObject({
    recoveryCode: Type.String({
      minLength: 16,
      maxLength: 24,
      description: 'With or without dashes, any case',
    }),
  }),
]);

const StepUpDone = Type.Object({
  validUntil: Type.String({ format: 'date-time' }),
  newRecoveryCodes: Type.Optional(
    Type.Array(Type.String(), {
      description: 'When the last recovery code was used: a new set, shown once',
    }),
  ),
});

/** The send reads and reserves in the transaction its authentication begins. */
const sending = {
  purposes: ['setup'] as const,
  rateLimit: false as const,
  lockedAuthentication: { session: true, behind: stepUpSendBehindLock },
};
const verifying = {
  purposes: ['setup'] as const,
  rateLimit: false as const,
  lockedAuthentication: { session: true },
};
const security = [{ widgetSession: [] }];

export const stepUpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/step-up',
    {
      preValidation: takesNoBody,
      config: sending,
      onRequest: app.limitSends,
      schema: {
        tags: ['widget'],
        summary: 'Send a code to the current phone to confirm it is the user (again: a resend)',
        security,
        response: { 200: CodeSent, ...errorResponses(401, 403, 409, 422, 423, 429, 502, 503) },
      },
    },
    async (request) =>
      startStepUp(
        app.deps,
        request.widget,
        request.widgetOrigin,
        requestContext(request),
        lockedAttempt<LiveBehind>(request),
      ),
  );

  app.post(
    '/step-up/verify',
    {
      config: verifying,
      onRequest: app.limitVerifies,
      schema: {
        tags: ['widget'],
        summary:
          "Verify the step-up with a code (the phone's or the app's) or a recovery code; valid 10 minutes in this session",
        security,
        body: StepUpProof,
        response: {
          200: StepUpDone,
          ...errorResponses(400, 401, 403, 409, 410, 415, 422, 423, 429),
        },
      },
    },
    async (request) =>
      verifyStepUp(
        app.deps,
        request.widget,
        request.body,
        requestContext(request),
        lockedAttempt(request),
      ),
  );
};
