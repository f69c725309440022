// Sample values for the OpenAPI document, so Swagger UI at /docs shows a believable request and
// answer instead of values generated from patterns. tests/server/openapi.test.ts checks that every
// body has one and that each one validates against its schema.
import { errorCodes } from '../errors.ts';

const at = '2026-12-01T09:30:00.000Z';
const expires = '2026-12-01T09:40:00.000Z';
const resend = '2026-12-01T09:31:00.000Z';
const recoveryCodes = ['7K2M-9XQ4-HB3N-WR6T', 'D4PV-2JSE-8GQ1-MZ5C', 'TN6R-Y3KA-0FWH-4XBE'];
const codeSent = {
  maskedPhone: '+33 •• •• •• 78',
  expiresAt: expires,
  resendAt: resend,
  codeLength: 6,
};
const pendingSms = {
  status: 'pending',
  step: 'sms',
  methods: ['sms', 'totp'],
  maskedDestination: '+33 •• •• •• 78',
  expiresAt: expires,
  resendAt: resend,
  codeLength: 6,
};
const verified = {
  status: 'verified',
  resultToken: 'rt_f3K9q2LmX8vB1nR7tY4wZ0pA6sD5hJcE',
  via: 'code',
};
/** An answer without a body (304), so the document shows none. */
export const NO_BODY = Symbol('no body');

const page = (name: string, item: Record<string, unknown>) => ({
  [name]: [item],
  nextBefore: null,
});

/** Request (`body`) and answer (by status) examples, by `METHOD /path` as the routes declare them. */
export const routeExamples: Record<string, { body?: unknown; [status: number]: unknown }> = {
  'GET /widget/*': {
    200: 'import{a as e}from"./chunks/chunk-HODM6NSN.js";customElements.define("two-factor-setup",…)',
    304: NO_BODY,
  },
  'GET /healthz': { 200: { status: 'ok' } },
  'GET /readyz': { 200: { status: 'ok' } },
  'GET /dev/outbox': {
    200: {
      messages: [
        {
          channel: 'sms',
          to: '+33612345678',
          body: 'Your North Clinic code is 482913\n\n@clinic.example #482913',
          createdAt: at,
        },
      ],
    },
  },
  'POST /v1/sessions': {
    body: { userId: 'patient-1842', purpose: 'setup', email: 'jo@example.com', locale: 'fr' },
    201: { token: 'wst_Vq3x9bKp2LmN8rT4yW6zA1cD5fG7hJ0kQe', expiresAt: '2026-12-01T09:45:00.000Z' },
  },
  'GET /v1/users/:userId': {
    200: {
      userId: 'patient-1842',
      twoFactor: {
        enabled: true,
        methods: ['sms', 'totp'],
        preferredMethod: 'totp',
        phone: { masked: '+33 •• •• •• 78', country: 'FR' },
        totp: { addedAt: at },
        enabledAt: at,
      },
      recoveryCodesRemaining: 9,
      trustedBrowsers: 1,
    },
  },
  'GET /v1/users/:userId/events': {
    200: page('events', {
      id: 1207,
      type: 'two_factor.enabled',
      ip: '203.0.113.7',
      userAgent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15',
      details: { country: 'FR' },
      createdAt: at,
    }),
  },
  'POST /v1/results/redeem': {
    body: { resultToken: verified.resultToken },
    200: {
      userId: 'patient-1842',
      purpose: 'sign-in',
      email: 'jo@example.com',
      steps: ['email', 'sms'],
      via: 'code',
      method: 'sms',
      verifiedAt: at,
    },
  },
  'GET /v1/refusals': {
    200: page('refusals', {
      id: 311,
      limit: 'per-prefix',
      userId: 'patient-1842',
      ip: '203.0.113.7',
      details: { prefix: '+2376' },
      createdAt: at,
    }),
  },
  'GET /v1/widget/session': {
    200: {
      purpose: 'setup',
      tenant: { name: 'North Clinic' },
      locale: 'fr',
      expiresAt: '2026-12-01T09:45:00.000Z',
      allowedMethods: ['sms', 'totp'],
      allowedCountries: ['FR', 'BE'],
      defaultCountry: 'FR',
      twoFactor: {
        enabled: false,
        methods: [],
        preferredMethod: null,
        maskedPhone: null,
        totpAddedAt: null,
        enabledAt: null,
        recoveryCodesRemaining: 0,
        recoveryCodesViewable: true,
      },
      stepUpValidUntil: null,
      trustBrowserDays: 30,
      challenge: null,
    },
  },
  'POST /v1/widget/phone': { body: { country: 'FR', number: '06 12 34 56 78' }, 200: codeSent },
  'POST /v1/widget/phone/resend': { 200: codeSent },
  'POST /v1/widget/phone/verify': {
    body: { code: '482913' },
    200: { enabled: true, recoveryCodes },
  },
  'POST /v1/widget/totp': {
    200: {
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauthUri:
        'otpauth://totp/North%20Clinic:jo%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=North%20Clinic&algorithm=SHA1&digits=6&period=30',
      issuer: 'North Clinic',
      accountName: 'jo@example.com',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    },
  },
  'POST /v1/widget/totp/verify': {
    body: { code: '482913' },
    200: { enabled: true, recoveryCodes },
  },
  'PUT /v1/widget/preferred-method': {
    body: { method: 'totp' },
    200: { preferredMethod: 'totp' },
  },
  'POST /v1/widget/step-up': { 200: codeSent },
  'POST /v1/widget/step-up/verify': { body: { code: '482913' }, 200: { validUntil: expires } },
  'GET /v1/widget/recovery-codes': {
    200: { codes: recoveryCodes.map((code, i) => ({ code, used: i === 0 })) },
  },
  'POST /v1/widget/recovery-codes': {
    200: { codes: recoveryCodes.map((code) => ({ code, used: false })) },
  },
  'POST /v1/widget/challenge': { 200: pendingSms },
  'POST /v1/widget/challenge/resend': { 200: pendingSms },
  'POST /v1/widget/challenge/verify': {
    body: { code: '482913', trustBrowser: true },
    200: verified,
  },
  'POST /v1/widget/challenge/method': {
    body: { method: 'totp' },
    200: {
      status: 'pending',
      step: 'totp',
      methods: ['sms', 'totp'],
      maskedDestination: null,
      expiresAt: null,
      resendAt: null,
      codeLength: 6,
    },
  },
  'POST /v1/widget/challenge/recovery': {
    body: { recoveryCode: recoveryCodes[1], trustBrowser: false },
    200: { ...verified, via: 'recovery-code' },
  },
  'GET /v1/widget/trusted-browsers': {
    200: {
      browsers: [
        {
          id: '3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f',
          label: 'Firefox on Windows',
          createdAt: '2026-11-20T18:02:00.000Z',
          lastUsedAt: at,
          expiresAt: '2026-12-20T18:02:00.000Z',
          current: true,
        },
      ],
    },
  },
};

/** Path and query parameters by name, wherever they appear. */
export const parameterExamples: Record<string, unknown> = {
  '*': 'two-factor.js',
  userId: 'patient-1842',
  id: '3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f',
  limit: 50,
  before: 1207,
};

const errorExtras: Record<string, Record<string, unknown>> = {
  invalid_code: { attemptsRemaining: 3 },
  locked: { retryAfter: 900 },
  rate_limited: { retryAfter: 60 },
};

/** Fastify's own refusals, which the error handler answers as invalid_request. */
const bodyRefusals: Record<number, string> = {
  413: 'The body is larger than 16 KiB.',
  415: 'Send JSON, with Content-Type: application/json.',
};

/** The error answer for a status: the first code of the registry with it, or invalid_request. */
export function errorExample(status: number) {
  const [code, { message }] = Object.entries(errorCodes).find(
    ([, error]) => error.status === status,
  ) ?? ['invalid_request', { message: bodyRefusals[status] ?? errorCodes.invalid_request.message }];
  return { error: { code, message, ...errorExtras[code] } };
}
