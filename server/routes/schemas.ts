import { type TProperties, Type } from 'typebox';
import { AppError, errorCodes } from '../errors.ts';

/** An object that rejects unknown fields (with Ajv's `removeAdditional` off, they fail validation). */
export const StrictObject = <T extends TProperties>(
  properties: T,
  options: { description?: string } = {},
) => Type.Object(properties, { additionalProperties: false, ...options });

/**
 * For a route that takes nothing (no body, `{}` or `null`): any field, array or other value is
 * refused, as unknown fields are everywhere. A hook, since a body schema refuses a missing body.
 */
export async function takesNoBody(request: { body: unknown }) {
  const { body } = request;
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return;
  throw new AppError('invalid_request', { message: 'Invalid request: this route takes no body.' });
}

export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.Union(Object.keys(errorCodes).map((code) => Type.Literal(code))),
        message: Type.String(),
      },
      { additionalProperties: true },
    ),
  },
  {
    description: 'Every error: a stable code, a readable message, and for some codes more fields.',
  },
);

/** The error answers a route can give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponse]));
}

export const UserIdParam = Type.String({
  minLength: 1,
  maxLength: 255,
  // Control characters (NUL above all) are no one's user id, and PostgreSQL refuses NUL in text.
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
  description: "The partner's own id for the user.",
});

/**
 * A UUID in the one form the database and our answers use. Ajv's `uuid` format also takes
 * `urn:uuid:…`, which PostgreSQL refuses with an error rather than a miss.
 */
export const UuidParam = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  description: 'A UUID, e.g. 3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f',
});

/**
 * `limit` and `before` of a page, newest first. Numbers arrive in plain decimal digits only (see
 * `strictNumbersPlugin`), so `1e400`, `Infinity` and 400-digit values never reach the bounds check.
 */
export const PageQuery = StrictObject({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
});

export const CodeBody = StrictObject({
  code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code' }),
});

export const CodeSent = Type.Object({
  maskedPhone: Type.String({ description: 'e.g. +33 •• •• •• 78' }),
  expiresAt: Type.String({ format: 'date-time' }),
  resendAt: Type.String({ format: 'date-time', description: 'When a resend will be accepted' }),
  codeLength: Type.Integer(),
});

export const RecoveryCodeList = Type.Object({
  codes: Type.Array(Type.Object({ code: Type.String(), used: Type.Boolean() })),
});

/** A two-factor method: a text message to the phone, or an authenticator app. */
export const MethodName = Type.Union([Type.Literal('sms'), Type.Literal('totp')]);
