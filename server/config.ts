import { isIP } from 'node:net';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

/** Every environment variable the server reads. The `Config` type derives from this schema. */
export const ConfigSchema = Type.Object({
  // Fail closed: an operator who forgets NODE_ENV gets production's checks, not development's ease.
  NODE_ENV: Type.Enum(['development', 'production', 'test'], { default: 'production' }),
  /** Messages for a channel without a provider go to the in-memory outbox and the log. */
  DEV_OUTBOX: Type.Boolean({ default: false }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 4000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/\\s]+$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://\\S+$' })),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://\\S+$' })),
  /** Connections to PostgreSQL this instance keeps at most. */
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  /** How long to wait for a new PostgreSQL connection, or for a free one from the pool. */
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 5000 }),
  /** Longest a statement may run, waiting for locks included (PostgreSQL's statement_timeout). */
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 5000 }),
  /** A transaction left idle this long is ended by PostgreSQL, freeing its locks. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 600_000,
    default: 10_000,
  }),
  /** Longest a Redis command may take before the rate limits fall back to this instance's memory. */
  REDIS_COMMAND_TIMEOUT_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 500 }),
  /** On SIGTERM, how long requests in flight may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 5000 }),
  ENCRYPTION_KEY: Type.Optional(Type.String({ pattern: '^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$' })),
  /** Whether values written before key ids (no row binding) still open; false once re-encrypted. */
  ENCRYPTION_READ_UNBOUND: Type.Boolean({ default: true }),
  /** Master keys rotated out, comma-separated: read what they wrote until `tfa keys reencrypt`. */
  ENCRYPTION_PREVIOUS_KEYS: Type.Optional(
    Type.String({
      pattern:
        '^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)(\\s*,\\s*([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=))*$',
    }),
  ),
  TRUST_PROXY: Type.String({ default: 'false' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
  }),
  PLIVO_AUTH_ID: Type.Optional(Type.String({ minLength: 1 })),
  PLIVO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  PLIVO_SENDER: Type.Optional(Type.String({ minLength: 1 })),
  PLIVO_API_URL: Type.Optional(Type.String({ pattern: '^https?://\\S+$' })),
  POSTMARK_SERVER_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  POSTMARK_FROM: Type.Optional(Type.String({ pattern: '^\\S+@\\S+$' })),
  POSTMARK_MESSAGE_STREAM: Type.String({ minLength: 1, default: 'outbound' }),
  POSTMARK_API_URL: Type.Optional(Type.String({ pattern: '^https?://\\S+$' })),
  /** Turns on `GET /metrics`, answered to `Authorization: Bearer <this>` only; off when unset. */
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 32, pattern: '^\\S+$' })),
});

export type EnvConfig = Static<typeof ConfigSchema>;

export type Config = EnvConfig & {
  /** `PUBLIC_URL`, or where the server listens when it is not set. */
  publicUrl: string;
  /** `TRUST_PROXY` as Fastify's `trustProxy` option takes it. */
  trustProxy: boolean | string[];
};

/** Variables that only make sense together: all of a group set, or none. */
const groups: Record<string, (keyof EnvConfig)[]> = {
  Plivo: ['PLIVO_AUTH_ID', 'PLIVO_AUTH_TOKEN', 'PLIVO_SENDER'],
  Postmark: ['POSTMARK_SERVER_TOKEN', 'POSTMARK_FROM'],
};

/** Never echoed back in a configuration error: they are, or may contain, secrets. */
const SECRET_VARIABLES = new Set([
  'ENCRYPTION_KEY',
  'ENCRYPTION_PREVIOUS_KEYS',
  'DATABASE_URL',
  'REDIS_URL',
  'PLIVO_AUTH_TOKEN',
  'POSTMARK_SERVER_TOKEN',
  'METRICS_TOKEN',
]);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads, converts and validates the environment; throws one `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(ConfigSchema.properties)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const converted = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const problems = Value.Errors(ConfigSchema, converted).map((error) => {
    const name = error.instancePath.replace(/^\//, '') || 'configuration';
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const message = allowed ? `must be one of ${allowed.join(', ')}` : error.message;
    const shown = name in raw && !SECRET_VARIABLES.has(name) ? ` (got "${raw[name]}")` : '';
    return `${name}: ${message}${shown}`;
  });
  const config = converted as EnvConfig;
  if (!validTrustProxy(config.TRUST_PROXY)) {
    problems.push(
      "TRUST_PROXY: must be false, true, or a comma list of your proxies' addresses / CIDRs" +
        ` (got "${config.TRUST_PROXY}")`,
    );
  }
  if (config.NODE_ENV === 'production' && config.DEV_OUTBOX === true) {
    problems.push(
      'DEV_OUTBOX: the outbox writes every code to the log, so it is refused in production' +
        ' (set NODE_ENV=development to use it on your machine)',
    );
  }
  for (const [group, names] of Object.entries(groups)) {
    const missing = names.filter((name) => !(name in raw));
    if (missing.length > 0 && missing.length < names.length) {
      problems.push(`${missing.join(', ')}: ${group} needs ${names.join(', ')} together`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...config,
    publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
  };
}

/** How to configure each channel, or the development switch, in the words a start-up error uses. */
export const DELIVERY_HELP = {
  sms: 'SMS: set PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_SENDER',
  email: 'Email: set POSTMARK_SERVER_TOKEN and POSTMARK_FROM',
  outbox:
    'or, on a development machine only, NODE_ENV=development and DEV_OUTBOX=true to keep messages' +
    ' in the dev outbox (the log and /dev/outbox)',
};

/**
 * What the server needs to start and the command line does not: a key in production, and for each
 * channel its provider or the outbox asked for by name. A half configuration (Plivo set, Postmark
 * missing) fails here rather than putting email codes in the log.
 */
export function startupProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production' && !config.ENCRYPTION_KEY) {
    problems.push(
      'ENCRYPTION_KEY: is required in production (32 bytes, hex or base64: openssl rand -hex 32)',
    );
  }
  const outbox = config.DEV_OUTBOX && config.NODE_ENV !== 'production';
  if (!outbox && !(config.PLIVO_AUTH_ID && config.PLIVO_AUTH_TOKEN && config.PLIVO_SENDER)) {
    problems.push(`${DELIVERY_HELP.sms}, ${DELIVERY_HELP.outbox}`);
  }
  if (!outbox && !(config.POSTMARK_SERVER_TOKEN && config.POSTMARK_FROM)) {
    problems.push(`${DELIVERY_HELP.email}, ${DELIVERY_HELP.outbox}`);
  }
  return problems;
}

/** `loadConfig`, then `startupProblems`: the server's own configuration, or one `ConfigError`. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env);
  const problems = startupProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * A hop count is refused: it cannot tell a proxy from a client that sends its own
 * X-Forwarded-For, and Fastify ignores it for that reason (GHSA-3m5p-2c4r-xxw2).
 */
function validTrustProxy(value: string): boolean {
  if (/^(true|false)$/.test(value)) return true;
  return value.split(',').every((entry) => {
    const [address = '', bits, ...rest] = entry.trim().split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    return family !== 0 && bitsOk && rest.length === 0;
  });
}

function parseTrustProxy(value: string): boolean | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value.split(',').map((entry) => entry.trim());
}
