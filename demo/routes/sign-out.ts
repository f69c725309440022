import type { FastifyPluginAsync } from 'fastify';
import type { DemoRouteOptions } from '../context.ts';
import { deleteSession } from '../sessions.ts';
import { clearCookie, SESSION_COOKIE, visitor } from '../visitor.ts';

/**
 * Signs this browser out. Its trust for two-factor stays: the seed journeys ask for a code again
 * only after "sign out everywhere", a password change or a change of two-factor.
 */
export const signOutRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  app.post('/sign-out', async (request, reply) => {
    const { session } = await visitor(demo, request);
    if (session) await deleteSession(demo.db, session.id);
    clearCookie(demo, reply, SESSION_COOKIE);
    return reply.redirect('/sign-in?notice=signed-out', 303);
  });
};
