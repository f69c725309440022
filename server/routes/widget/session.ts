import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { widgetSessionView } from '../../services/widget-session-view.ts';
import { errorResponses, MethodName } from '../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const WidgetSessionView = Type.Object({
  purpose: Type.String(),
  tenant: Type.Object({ name: Type.String() }),
  locale: Nullable(
    Type.String({ description: 'The locale given at minting; null when none was given' }),
  ),
  expiresAt: Type.String({ format: 'date-time' }),
  allowedMethods: Type.Array(MethodName, {
    description: 'The methods the site lets users turn on: sms, totp',
  }),
  allowedCountries: Type.Array(Type.String(), {
    description: 'Empty when every country is accepted.',
  }),
  defaultCountry: Nullable(Type.String()),
  twoFactor: Type.Object({
    enabled: Type.Boolean(),
    methods: Type.Array(MethodName, {
      description: "The user's active methods (setup sessions; empty for sign-in sessions)",
    }),
    preferredMethod: Nullable(MethodName),
    maskedPhone: Nullable(Type.String()),
    totpAddedAt: Nullable(Type.String({ format: 'date-time' })),
    enabledAt: Nullable(Type.String({ format: 'date-time' })),
    recoveryCodesRemaining: Type.Integer(),
    recoveryCodesViewable: Type.Boolean(),
  }),
  stepUpValidUntil: Nullable(Type.String({ format: 'date-time' })),
  trustBrowserDays: Type.Integer({
    description: 'How long "trust this browser" lasts; 0 when the site turned it off',
  }),
  challenge: Nullable(
    Type.Object(
      {
        steps: Type.Array(Type.String(), { description: 'email, sms' }),
        completedSteps: Type.Array(Type.String()),
        verified: Type.Boolean(),
      },
      { description: 'Sign-in and verify-email sessions: the progress through the steps' },
    ),
  ),
});

export const widgetSessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/session',
    {
      schema: {
        tags: ['widget'],
        summary: 'What the element needs to show its first screen',
        security: [{ widgetSession: [] }],
        response: { 200: WidgetSessionView, ...errorResponses(401, 403) },
      },
    },
    async (request) => widgetSessionView(app.db, request.widget),
  );
};
