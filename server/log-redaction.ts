import pino from 'pino';

export const CENSOR = '[redacted]';

/** Key names (case, `-` and `_` ignored) whose values never reach a log, at any depth. */
const SECRET_NAMES = new Set([
  'code',
  'codes',
  'otp',
  'recoverycode',
  'recoverycodes',
  'phone',
  'phonenumber',
  'number',
  'email',
  'password',
  'apikey',
  // What PostgreSQL and PGlite errors carry: the query's values, and rows quoted back.
  'params',
  'parameters',
  'detail',
  'where',
  'internalquery',
]);

/** Any key containing one of these: `resultToken`, `secretKey`, `set-cookie`, `POSTMARK_SERVER_TOKEN`. */
const SECRET_PARTS = ['token', 'secret', 'authorization', 'cookie', 'password'];

const MAX_DEPTH = 8;

export function isSecretName(key: string): boolean {
  const name = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAMES.has(name) || SECRET_PARTS.some((part) => name.includes(part));
}

/** A PostgreSQL error (pg or PGlite): its message and stack may quote the values it refused. */
function isDatabaseError(error: Error): boolean {
  return 'severity' in error && 'routine' in error;
}

/** `invalid input syntax for type uuid: "urn:…"` → `… "[redacted]"`; names are in their own fields. */
const scrubQuoted = (text: unknown) =>
  typeof text === 'string' ? text.replace(/"[^"\n]*"/g, `"${CENSOR}"`) : text;

function serializeError(error: Error, depth: number, seen: WeakSet<object>) {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  if (isDatabaseError(error)) {
    serialized.message = scrubQuoted(serialized.message);
    serialized.stack = scrubQuoted(serialized.stack);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    // An error's own `code` says what kind of error it is (ECONNREFUSED, 23505, invalid_code).
    out[key] =
      key === 'code' && typeof value === 'string'
        ? value
        : redactValue(key, value, depth + 1, seen);
  }
  return out;
}

function redactValue(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (isSecretName(key) && value !== undefined && value !== null) return CENSOR;
  return redact(value, depth, seen);
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a log object with every value under a secret-sounding key censored, at any depth, and
 * errors serialized with their database values scrubbed. Objects of other classes (Fastify's
 * request and reply) are left to their own serializers, which log no body and no header.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth > MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) return serializeError(value, depth, seen);
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
    if (!isPlain(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = redactValue(key, item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
