import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';

/**
 * Paths pino censors, at the top level of a log object or one level down: credentials, cookies,
 * tokens and keys. Codes and full numbers are never logged at all (the tests grep for them).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.secretKey',
  '*.secret_key',
  '*.recoveryCode',
  '*.phone',
  '*.resultToken',
];

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(stream ? { stream } : {}),
  };
}
