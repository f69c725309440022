import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoContext, DemoRouteOptions } from '../context.ts';
import type { DemoUser } from '../db-types.ts';
import { field } from '../form-body.ts';
import { newPasswordProblem } from '../input-rules.ts';
import { securityPage } from '../pages/security-page.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from '../passwords.ts';
import { sendPage } from '../render-page.ts';
import { deleteUserSessions } from '../sessions.ts';
import { setPasswordHash } from '../users.ts';
import { clearCookie, SESSION_COOKIE, visitor } from '../visitor.ts';

/**
 * `/settings/security`: `<two-factor-setup>` on a fresh `setup` session, change of password and
 * "sign out everywhere". Both of the last end every demo session of the user and call the
 * partner API's revoke, so no browser skips the code any more.
 */
export const securityRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  app.get('/settings/security', async (request, reply) => {
    const { user } = await visitor(demo, request);
    if (!user) return reply.redirect('/sign-in', 303);
    return sendSecurityPage(demo, request, reply, user);
  });

  app.post('/settings/sign-out-everywhere', async (request, reply) => {
    const { user } = await visitor(demo, request);
    if (!user) return reply.redirect('/sign-in', 303);
    await demo.twoFactor.revokeTrustedBrowsers(user.id);
    await deleteUserSessions(demo.db, user.id);
    clearCookie(demo, reply, SESSION_COOKIE);
    return reply.redirect('/sign-in?notice=signed-out-everywhere', 303);
  });

  app.post('/settings/password', async (request, reply) => {
    const { user } = await visitor(demo, request);
    if (!user) return reply.redirect('/sign-in', 303);
    const current = field(request.body, 'current');
    const password = field(request.body, 'password');
    const currentOk =
      current.length > 0 &&
      current.length <= PASSWORD_MAX_LENGTH &&
      (await verifyPassword(current, user.password_hash));
    const problem = currentOk
      ? newPasswordProblem(password, field(request.body, 'confirm'))
      : 'Your current password is not right.';
    if (problem) return sendSecurityPage(demo, request, reply, user, problem);
    const passwordHash = await hashPassword(password);
    // Revoked first: if the two-factor server cannot be reached, nothing has changed yet.
    await demo.twoFactor.revokeTrustedBrowsers(user.id);
    await demo.db.transaction().execute(async (trx) => {
      await setPasswordHash(trx, user.id, passwordHash);
      await deleteUserSessions(trx, user.id);
    });
    clearCookie(demo, reply, SESSION_COOKIE);
    return reply.redirect('/sign-in?notice=password-changed', 303);
  });
};

async function sendSecurityPage(
  demo: DemoContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: DemoUser,
  passwordError: string | undefined = undefined,
) {
  const [status, session] = await Promise.all([
    demo.twoFactor.userStatus(user.id),
    demo.twoFactor.mintSession({
      userId: user.id,
      purpose: 'setup',
      email: user.email,
      locale: 'en',
    }),
  ]);
  return sendPage(demo, request, reply, {
    title: 'Security settings',
    status: passwordError ? 400 : 200,
    elements: true,
    path: '/settings/security',
    main: securityPage({
      twoFactorEnabled: status.twoFactor.enabled,
      server: demo.twoFactorUrl,
      token: session.token,
      passwordError,
    }),
  });
}
