import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoContext, DemoRouteOptions } from '../context.ts';
import type { DemoUser } from '../db-types.ts';
import { field } from '../form-body.ts';
import { isEmailAddress, isResultToken } from '../input-rules.ts';
import { signInForm, twoFactorStep } from '../pages/sign-in-pages.ts';
import { PASSWORD_MAX_LENGTH, verifyAgainstNothing, verifyPassword } from '../passwords.ts';
import { sendPage } from '../render-page.ts';
import { createSession, deleteSession } from '../sessions.ts';
import { findUserByEmail, normaliseEmail } from '../users.ts';
import { SESSION_COOKIE, setCookie, visitor } from '../visitor.ts';

/** Notices other pages send here with `?notice=`; anything else shows none. */
const notices: Record<string, string> = {
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out on every device. Sign in again to continue.',
  'password-changed':
    'Your password is changed and you are signed out everywhere. Sign in with your new password.',
};

/** The same words whether the address is unknown or the password wrong: no account enumeration. */
const WRONG_CREDENTIALS = 'That email address and password do not match an account.';

/**
 * Password sign-in, then, for a user with two-factor on (as `GET /v1/users/:userId` says), the
 * `sign-in` challenge, whose result is redeemed here before the session is signed in.
 */
export const signInRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  const title = 'Sign in';

  app.get<{ Querystring: { notice?: string } }>('/sign-in', async (request, reply) => {
    if ((await visitor(demo, request)).user) return reply.redirect('/', 303);
    const notice = notices[String(request.query.notice ?? '')];
    return sendPage(demo, request, reply, { title, main: signInForm({ notice }) });
  });

  app.post('/sign-in', async (request, reply) => {
    const email = field(request.body, 'email').trim();
    const password = field(request.body, 'password');
    if (!email || !password) {
      return sendPage(demo, request, reply, {
        title,
        status: 400,
        main: signInForm({ email, error: 'Enter your email address and your password.' }),
      });
    }
    const user = isEmailAddress(email) ? await findUserByEmail(demo.db, email) : undefined;
    const passwordOk =
      user && password.length <= PASSWORD_MAX_LENGTH
        ? await verifyPassword(password, user.password_hash)
        : await verifyAgainstNothing(password.slice(0, PASSWORD_MAX_LENGTH));
    if (!user || !passwordOk) {
      return sendPage(demo, request, reply, {
        title,
        status: 400,
        main: signInForm({ email, error: WRONG_CREDENTIALS }),
      });
    }
    const status = await demo.twoFactor.userStatus(user.id);
    const previous = (await visitor(demo, request)).session;
    if (previous) await deleteSession(demo.db, previous.id);
    const twoFactorPending = status.twoFactor.enabled;
    setCookie(
      demo,
      reply,
      SESSION_COOKIE,
      await createSession(demo.db, user.id, { twoFactorPending }),
    );
    return reply.redirect(twoFactorPending ? '/sign-in/verify' : '/', 303);
  });

  app.get('/sign-in/verify', async (request, reply) => {
    const { pendingUser, user } = await visitor(demo, request);
    if (user) return reply.redirect('/', 303);
    if (!pendingUser) return reply.redirect('/sign-in', 303);
    return sendChallengePage(demo, request, reply, pendingUser);
  });

  app.post('/sign-in/verify', async (request, reply) => {
    const { pendingUser, session, user } = await visitor(demo, request);
    if (user) return reply.redirect('/', 303);
    if (!pendingUser || !session) return reply.redirect('/sign-in', 303);
    const resultToken = field(request.body, 'resultToken');
    const result = isResultToken(resultToken) ? await demo.twoFactor.redeem(resultToken) : null;
    // Only a sign-in challenge passed by this very user signs in; an email, when the challenge
    // proved one, must be this user's.
    const passed =
      result?.purpose === 'sign-in' &&
      result.userId === pendingUser.id &&
      (result.email === undefined || normaliseEmail(result.email) === pendingUser.email);
    if (!passed) {
      return sendChallengePage(demo, request, reply, pendingUser, {
        status: 400,
        error: 'We could not confirm your sign-in with that. Try the newest code we sent you.',
      });
    }
    // A new session token once the sign-in is complete: the pending one never becomes signed in.
    const token = await demo.db.transaction().execute(async (trx) => {
      await deleteSession(trx, session.id);
      return createSession(trx, pendingUser.id, { twoFactorPending: false });
    });
    setCookie(demo, reply, SESSION_COOKIE, token);
    return reply.redirect('/', 303);
  });
};

async function sendChallengePage(
  demo: DemoContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: DemoUser,
  problem: { status: number; error: string } | undefined = undefined,
) {
  // The email goes along so that a tenant asking for an email passcode first can send one.
  const { token } = await demo.twoFactor.mintSession({
    userId: user.id,
    purpose: 'sign-in',
    email: user.email,
    locale: 'en',
  });
  return sendPage(demo, request, reply, {
    title: 'Confirm it is you',
    status: problem?.status ?? 200,
    elements: true,
    main: twoFactorStep({ server: demo.twoFactorUrl, token, error: problem?.error }),
  });
}
