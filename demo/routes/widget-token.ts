import type { FastifyPluginAsync } from 'fastify';
import type { DemoRouteOptions } from '../context.ts';
import type { Purpose } from '../two-factor-client.ts';
import { currentSignUp, visitor } from '../visitor.ts';

const body = {
  type: 'object',
  properties: { purpose: { type: 'string', enum: ['setup', 'sign-in', 'verify-email'] } },
  required: ['purpose'],
  additionalProperties: false,
} as const;

/**
 * `POST /api/widget-token`: a fresh widget session for the element's `tokenProvider` when its own
 * expires. Same origin only (no CORS), and only for what this visitor may do at this point.
 */
export const widgetTokenRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  app.post<{ Body: { purpose: Purpose } }>(
    '/api/widget-token',
    { schema: { body } },
    async (request, reply) => {
      const { purpose } = request.body;
      const { user, pendingUser } = await visitor(demo, request);
      const signUp = purpose === 'verify-email' ? await currentSignUp(demo, request) : undefined;
      const subject =
        purpose === 'setup'
          ? user
          : purpose === 'sign-in'
            ? pendingUser
            : signUp && !signUp.email_verified_at
              ? { id: signUp.user_id, email: signUp.email }
              : undefined;
      if (!subject) {
        return reply.code(401).send({
          error: { code: 'unauthorized', message: `Nothing to ${purpose} for this visitor.` },
        });
      }
      const session = await demo.twoFactor.mintSession({
        userId: subject.id,
        purpose,
        email: subject.email,
        locale: 'en',
      });
      return reply.header('cache-control', 'no-store').send({ token: session.token });
    },
  );
};
