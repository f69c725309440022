import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DemoContext } from './context.ts';
import type { DemoSession, DemoSignUp, DemoUser } from './db-types.ts';
import { findSession } from './sessions.ts';
import { findSignUp } from './sign-ups.ts';
import { findUserById } from './users.ts';

export const SESSION_COOKIE = 'demo_session';
export const SIGN_UP_COOKIE = 'demo_sign_up';

export interface Visitor {
  session: DemoSession | undefined;
  /** Set only once the sign-in is complete (password, and the code when two-factor is on). */
  user: DemoUser | undefined;
  /** The user whose password was right and who still owes the two-factor code. */
  pendingUser: DemoUser | undefined;
}

const visitors = new WeakMap<FastifyRequest, Promise<Visitor>>();

/** Who is making the request, read once per request from the session cookie. */
export function visitor(demo: DemoContext, request: FastifyRequest): Promise<Visitor> {
  let found = visitors.get(request);
  if (!found) {
    found = (async () => {
      const session = await findSession(demo.db, request.cookies[SESSION_COOKIE]);
      const user = session && (await findUserById(demo.db, session.user_id));
      return {
        session,
        user: session && !session.two_factor_pending ? user : undefined,
        pendingUser: session?.two_factor_pending ? user : undefined,
      };
    })();
    visitors.set(request, found);
  }
  return found;
}

export function currentSignUp(
  demo: DemoContext,
  request: FastifyRequest,
): Promise<DemoSignUp | undefined> {
  return findSignUp(demo.db, request.cookies[SIGN_UP_COOKIE]);
}

function cookieOptions(demo: DemoContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: demo.secureCookies } as const;
}

export function setCookie(demo: DemoContext, reply: FastifyReply, name: string, value: string) {
  reply.setCookie(name, value, cookieOptions(demo));
}

export function clearCookie(demo: DemoContext, reply: FastifyReply, name: string) {
  reply.clearCookie(name, cookieOptions(demo));
}
