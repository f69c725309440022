import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';
import { CENSOR, redact } from './log-redaction.ts';

/**
 * Every log object goes through `redact` (secret-sounding keys at any depth, database errors
 * scrubbed); pino's own paths stay as a second net for what serializers add afterwards.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** What Fastify's types expect of an `err` serializer; `redact` keeps an error's fields. */
type SerializedError = { type: string; message: string; stack: string; [key: string]: unknown };

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    formatters: { log: (object) => redact(object) as Record<string, unknown> },
    // `formatters.log` runs first and has already made errors plain, redacted objects.
    serializers: {
      err: (error: unknown) => (error instanceof Error ? redact(error) : error) as SerializedError,
    },
    ...(stream ? { stream } : {}),
  };
}
