import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { DemoContext, DemoRouteOptions } from '../context.ts';
import type { DemoSignUp } from '../db-types.ts';
import { field } from '../form-body.ts';
import { cleanName, isEmailAddress, isResultToken, newPasswordProblem } from '../input-rules.ts';
import {
  alreadyRegistered,
  detailsStep,
  emailStep,
  privacyStep,
  verifyStep,
} from '../pages/sign-up-pages.ts';
import { hashPassword } from '../passwords.ts';
import { sendPage } from '../render-page.ts';
import { createSession } from '../sessions.ts';
import { deleteSignUp, markEmailVerified, markPrivacyAccepted, startSignUp } from '../sign-ups.ts';
import { findUserByEmail, insertUser, isUniqueViolation, normaliseEmail } from '../users.ts';
import {
  clearCookie,
  currentSignUp,
  SESSION_COOKIE,
  SIGN_UP_COOKIE,
  setCookie,
  visitor,
} from '../visitor.ts';

type Stage = 'verify' | 'privacy' | 'details';

/** Where a sign-up stands: each step is only open once the ones before it are done. */
function stageOf(signUp: DemoSignUp): Stage {
  if (!signUp.email_verified_at) return 'verify';
  if (!signUp.privacy_accepted_at) return 'privacy';
  return 'details';
}

const stagePaths: Record<Stage, string> = {
  verify: '/sign-up/verify',
  privacy: '/sign-up/privacy',
  details: '/sign-up/details',
};

/**
 * The sign-up journey: email → the emailed code (a `verify-email` challenge, redeemed here) →
 * privacy policy → name and password → signed in.
 */
export const signUpRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  const title = 'Create your account';

  /** The sign-up at `stage`, or a redirect to where this visitor's sign-up really stands. */
  async function signUpAt(
    request: Parameters<typeof currentSignUp>[1],
    reply: FastifyReply,
    stage: Stage,
  ) {
    const signUp = await currentSignUp(demo, request);
    if (!signUp) {
      reply.redirect('/sign-up', 303);
      return undefined;
    }
    const actual = stageOf(signUp);
    if (actual !== stage) {
      reply.redirect(stagePaths[actual], 303);
      return undefined;
    }
    return signUp;
  }

  app.get('/sign-up', async (request, reply) => {
    if ((await visitor(demo, request)).user) return reply.redirect('/', 303);
    return sendPage(demo, request, reply, { title, main: emailStep({}) });
  });

  app.post('/sign-up', async (request, reply) => {
    const email = field(request.body, 'email').trim();
    if (!isEmailAddress(email)) {
      return sendPage(demo, request, reply, {
        title,
        status: 400,
        main: emailStep({ email, error: 'Enter an email address like name@example.com.' }),
      });
    }
    setCookie(demo, reply, SIGN_UP_COOKIE, await startSignUp(demo.db, email));
    return reply.redirect('/sign-up/verify', 303);
  });

  app.get('/sign-up/verify', async (request, reply) => {
    const signUp = await signUpAt(request, reply, 'verify');
    if (!signUp) return reply;
    return sendVerifyPage(demo, request, reply, signUp);
  });

  app.post('/sign-up/verify', async (request, reply) => {
    const signUp = await signUpAt(request, reply, 'verify');
    if (!signUp) return reply;
    const resultToken = field(request.body, 'resultToken');
    const result = isResultToken(resultToken) ? await demo.twoFactor.redeem(resultToken) : null;
    // The page's word is not enough: the server must say this sign-up's user proved this address.
    const proved =
      result?.purpose === 'verify-email' &&
      result.userId === signUp.user_id &&
      normaliseEmail(result.email ?? '') === signUp.email;
    if (!proved) {
      return sendVerifyPage(demo, request, reply, signUp, {
        status: 400,
        error: 'We could not confirm your email with that. Enter the newest code we sent you.',
      });
    }
    if (await findUserByEmail(demo.db, signUp.email)) {
      return sendAlreadyRegistered(demo, request, reply, signUp);
    }
    await markEmailVerified(demo.db, signUp.id);
    return reply.redirect('/sign-up/privacy', 303);
  });

  app.get('/sign-up/privacy', async (request, reply) => {
    if (!(await signUpAt(request, reply, 'privacy'))) return reply;
    return sendPage(demo, request, reply, { title, main: privacyStep({}) });
  });

  app.post('/sign-up/privacy', async (request, reply) => {
    const signUp = await signUpAt(request, reply, 'privacy');
    if (!signUp) return reply;
    if (field(request.body, 'accept') !== 'yes') {
      return sendPage(demo, request, reply, {
        title,
        status: 400,
        main: privacyStep({ error: 'To create an account, accept the privacy policy.' }),
      });
    }
    await markPrivacyAccepted(demo.db, signUp.id);
    return reply.redirect('/sign-up/details', 303);
  });

  app.get('/sign-up/details', async (request, reply) => {
    const signUp = await signUpAt(request, reply, 'details');
    if (!signUp) return reply;
    return sendPage(demo, request, reply, { title, main: detailsStep({ email: signUp.email }) });
  });

  app.post('/sign-up/details', async (request, reply) => {
    const signUp = await signUpAt(request, reply, 'details');
    if (!signUp) return reply;
    const typedName = field(request.body, 'name');
    const name = cleanName(typedName);
    const password = field(request.body, 'password');
    const problem = name
      ? newPasswordProblem(password, field(request.body, 'confirm'))
      : 'Enter your name (at most 100 characters).';
    if (problem || !name) {
      return sendPage(demo, request, reply, {
        title,
        status: 400,
        main: detailsStep({ email: signUp.email, name: typedName.slice(0, 100), error: problem }),
      });
    }
    const passwordHash = await hashPassword(password);
    let sessionToken: string;
    try {
      // The account, the end of the sign-up and the first session: all of them or none.
      sessionToken = await demo.db.transaction().execute(async (trx) => {
        await insertUser(trx, {
          id: signUp.user_id,
          email: signUp.email,
          passwordHash,
          name,
          privacyAcceptedAt: signUp.privacy_accepted_at ?? new Date(),
        });
        await deleteSignUp(trx, signUp.id);
        return createSession(trx, signUp.user_id, { twoFactorPending: false });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return sendAlreadyRegistered(demo, request, reply, signUp);
    }
    clearCookie(demo, reply, SIGN_UP_COOKIE);
    setCookie(demo, reply, SESSION_COOKIE, sessionToken);
    return reply.redirect('/', 303);
  });
};

/** The email has an account after all: this sign-up ends, and the page says where to go. */
async function sendAlreadyRegistered(
  demo: DemoContext,
  request: Parameters<typeof sendPage>[1],
  reply: FastifyReply,
  signUp: DemoSignUp,
) {
  await deleteSignUp(demo.db, signUp.id);
  clearCookie(demo, reply, SIGN_UP_COOKIE);
  return sendPage(demo, request, reply, {
    title: 'You already have an account',
    status: 409,
    main: alreadyRegistered({ email: signUp.email }),
  });
}

/** The email-check page with a fresh `verify-email` widget session for this sign-up's user. */
async function sendVerifyPage(
  demo: DemoContext,
  request: Parameters<typeof sendPage>[1],
  reply: FastifyReply,
  signUp: DemoSignUp,
  problem: { status: number; error: string } | undefined = undefined,
) {
  const { token } = await demo.twoFactor.mintSession({
    userId: signUp.user_id,
    purpose: 'verify-email',
    email: signUp.email,
    locale: 'en',
  });
  return sendPage(demo, request, reply, {
    title: 'Confirm your email',
    status: problem?.status ?? 200,
    elements: true,
    main: verifyStep({
      email: signUp.email,
      server: demo.twoFactorUrl,
      token,
      error: problem?.error,
    }),
  });
}
