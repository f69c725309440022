import type { LoadRequest } from './load.ts';
import { frenchMobile, type PreparedSession } from './seed.ts';

export const ORIGIN = 'https://bench.clinic.example';

/** A client address per request: the server trusts X-Forwarded-For here, so no per-address limit binds. */
export const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

const json = { 'content-type': 'application/json' };

function widget(session: PreparedSession, i: number, origin = ORIGIN) {
  return {
    ...json,
    authorization: `Bearer ${session.token}`,
    origin,
    'x-forwarded-for': clientAddress(i),
  };
}

export const selectOne = (): LoadRequest => ({ path: '/select-one', method: 'GET' });
export const writeTransaction = (): LoadRequest => ({ path: '/write-transaction', method: 'POST' });

export const verifyEnrolment =
  (sessions: PreparedSession[]) =>
  (i: number): LoadRequest => {
    const session = sessions[i] as PreparedSession;
    return {
      path: '/v1/widget/phone/verify',
      method: 'POST',
      headers: widget(session, i),
      body: JSON.stringify({ code: session.code }),
    };
  };

export const verifySignIn =
  (sessions: PreparedSession[]) =>
  (i: number): LoadRequest => {
    const session = sessions[i] as PreparedSession;
    return {
      path: '/v1/widget/challenge/verify',
      method: 'POST',
      headers: widget(session, i),
      body: JSON.stringify({ code: session.code }),
    };
  };

/** A new number per request, so no per-number limit or resend wait binds. */
export const send =
  (sessions: PreparedSession[], origin: string, numbers: number) =>
  (i: number): LoadRequest => ({
    path: '/v1/widget/phone',
    method: 'POST',
    headers: widget(sessions[i] as PreparedSession, numbers + i, origin),
    body: JSON.stringify({ phone: frenchMobile(numbers + i) }),
  });

/** A sign-in's first text message, to an enrolled patient's number (the request has no body). */
export const sendSignIn =
  (sessions: PreparedSession[], origin: string, clients: number) =>
  (i: number): LoadRequest => {
    const { 'content-type': _, ...headers } = widget(
      sessions[i] as PreparedSession,
      clients + i,
      origin,
    );
    return { path: '/v1/widget/challenge', method: 'POST', headers };
  };

export const mintSession =
  (secretKey: string, users: number) =>
  (i: number): LoadRequest => ({
    path: '/v1/sessions',
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${secretKey}`, 'x-forwarded-for': clientAddress(i) },
    body: JSON.stringify({ userId: `mint-${users + i}`, purpose: 'setup' }),
  });

export const peerVerify =
  (prepared: { cookie: string; code: string }[], origin: string) =>
  (i: number): LoadRequest => {
    const { cookie, code } = prepared[i] as { cookie: string; code: string };
    return {
      path: '/api/auth/two-factor/verify-otp',
      method: 'POST',
      headers: { ...json, cookie, origin },
      body: JSON.stringify({ code }),
    };
  };
