/**
 * The one registry of error codes the API answers with. Services throw `AppError`s; the error
 * handler plugin turns them (and Fastify's own errors) into `{error: {code, message, ...extra}}`.
 */
export const errorCodes = {
  invalid_request: { status: 400, message: 'The request is not valid.' },
  unauthorized: { status: 401, message: 'Missing or invalid credentials.' },
  session_expired: { status: 401, message: 'This session has expired. Start again.' },
  step_up_required: { status: 403, message: 'Confirm it is you with a fresh code first.' },
  origin_not_allowed: { status: 403, message: 'This origin is not allowed for this site.' },
  wrong_purpose: { status: 403, message: 'This session cannot do that.' },
  method_not_allowed: {
    status: 403,
    message: 'This site does not offer this two-factor method.',
  },
  not_found: { status: 404, message: 'Not found.' },
  already_enabled: { status: 409, message: 'Two-factor authentication is already on.' },
  not_enabled: { status: 409, message: 'Two-factor authentication is not on.' },
  already_verified: {
    status: 409,
    message: 'This was already verified: the code has been used.',
  },
  last_method: {
    status: 409,
    message: 'This is your only two-factor method: turn two-factor off instead.',
  },
  phone_replaced: {
    status: 409,
    message: 'This number was replaced or removed meanwhile. Enter it again.',
  },
  code_expired: { status: 410, message: 'This code has expired. Ask for a new one.' },
  code_replaced: {
    status: 410,
    message: 'A newer code was sent. Enter the code from the latest message.',
  },
  invalid_code: { status: 422, message: 'That code is not right.' },
  recovery_code_used: { status: 422, message: 'This recovery code has already been used.' },
  invalid_phone: { status: 422, message: 'That phone number is not valid.' },
  country_not_allowed: {
    status: 422,
    message: 'Phone numbers from this country are not accepted.',
  },
  phone_type_not_allowed: { status: 422, message: 'This kind of number cannot receive codes.' },
  locked: { status: 423, message: 'Too many wrong codes. Try again later.' },
  rate_limited: { status: 429, message: 'Too many requests. Try again later.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  delivery_failed: { status: 502, message: 'The message could not be sent. Try again.' },
  unavailable: { status: 503, message: 'The service is unavailable. Try again shortly.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

export type ErrorExtra = Record<string, string | number | boolean | null | object>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly extra: ErrorExtra;

  constructor(
    code: ErrorCode,
    options: { message?: string; status?: number; extra?: ErrorExtra } = {},
  ) {
    super(options.message ?? errorCodes[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? errorCodes[code].status;
    this.extra = options.extra ?? {};
  }
}

export function errorBody(code: ErrorCode, message: string, extra: ErrorExtra = {}) {
  return { error: { code, message, ...extra } };
}
