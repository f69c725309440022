import type { FastifyInstance } from 'fastify';
import { makeTenant, mintSession } from './build-app.ts';

type Method = 'GET' | 'POST' | 'DELETE';

/** Calls the widget API as the element would: its token, its page's origin, JSON bodies. */
export function widgetClient(app: FastifyInstance, token: string, origin: string) {
  const call = (
    method: Method,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url: `/v1/widget${url}`,
      headers: { authorization: `Bearer ${token}`, origin, ...headers },
      ...(payload ? { payload } : {}),
    });
  return {
    token,
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: object, headers?: Record<string, string>) =>
      call('POST', url, payload, headers),
    delete: (url: string, headers?: Record<string, string>) =>
      call('DELETE', url, undefined, headers),
  };
}

export type WidgetClient = ReturnType<typeof widgetClient>;

/** The code in the newest outbox SMS to `to` (the WebOTP line ends with `#123456`). */
export async function latestSmsCode(app: FastifyInstance, to = '+33612345678'): Promise<string> {
  const response = await app.inject({
    url: '/dev/outbox',
    headers: { accept: 'application/json' },
  });
  const message = (
    response.json().messages as { channel: string; to: string; body: string }[]
  ).find((m) => m.channel === 'sms' && m.to === to);
  const code = message?.body.match(/#(\d{6})$/)?.[1];
  if (!code) throw new Error(`no SMS code for ${to} in the outbox`);
  return code;
}

export const FRENCH_MOBILE = '+33612345678';
export const OTHER_FRENCH_MOBILE = '+33698765432';

/** A tenant and a setup session for a new user, through the partner API. */
export async function setupSession(
  app: FastifyInstance,
  settings: Record<string, unknown> = {},
  userId = 'patient',
) {
  const tenant = await makeTenant(app, settings);
  const token = await mintSession(app, tenant, {
    userId,
    purpose: 'setup',
    email: `${userId}@mail.example`,
  });
  return { tenant, widget: widgetClient(app, token, tenant.origin), userId };
}

/** Turns two-factor on for the session's user with `phone`; returns the recovery codes. */
export async function enrol(
  app: FastifyInstance,
  widget: WidgetClient,
  phone = FRENCH_MOBILE,
): Promise<string[]> {
  const sent = await widget.post('/phone', { phone });
  if (sent.statusCode !== 200) throw new Error(`phone: ${sent.statusCode} ${sent.body}`);
  const verified = await widget.post('/phone/verify', { code: await latestSmsCode(app, phone) });
  if (verified.statusCode !== 200)
    throw new Error(`verify: ${verified.statusCode} ${verified.body}`);
  return verified.json().recoveryCodes;
}

/** A fresh step-up through the SMS code, as the element does before disable and the like. */
export async function stepUp(app: FastifyInstance, widget: WidgetClient, phone = FRENCH_MOBILE) {
  const sent = await widget.post('/step-up');
  if (sent.statusCode !== 200) throw new Error(`step-up: ${sent.statusCode} ${sent.body}`);
  const verified = await widget.post('/step-up/verify', { code: await latestSmsCode(app, phone) });
  if (verified.statusCode !== 200)
    throw new Error(`step-up verify: ${verified.statusCode} ${verified.body}`);
  return verified.json();
}

/** The code in the newest outbox code email to `to` (notices carry no 6-digit code). */
export async function latestEmailCode(app: FastifyInstance, to: string): Promise<string> {
  const response = await app.inject({
    url: '/dev/outbox',
    headers: { accept: 'application/json' },
  });
  const messages = response.json().messages as { channel: string; to: string; body: string }[];
  const code = messages
    .filter((m) => m.channel === 'email' && m.to === to)
    .map((m) => /^\s+(\d{6})$/m.exec(m.body)?.[1])
    .find(Boolean);
  if (!code) throw new Error(`no email code for ${to} in the outbox`);
  return code;
}

/** A sign-in (or verify-email) session for a user of `tenant`, as the element gets it. */
export async function challengeSession(
  app: FastifyInstance,
  tenant: { secretKey: string; origin: string },
  body: { userId: string; purpose?: 'sign-in' | 'verify-email'; email?: string; locale?: string },
) {
  const token = await mintSession(app, tenant, { purpose: 'sign-in', ...body });
  return widgetClient(app, token, tenant.origin);
}
