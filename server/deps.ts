import type { Kysely } from 'kysely';
import type { BaseLogger } from 'pino';
import type { ServerKeys } from './crypto/keys.ts';
import type { Database } from './db/types.ts';
import type { EmailSender } from './providers/email/email-sender.ts';
import type { SmsSender } from './providers/sms/sms-sender.ts';

/**
 * What the services work with, built once in `app.ts`. Services never see the Fastify instance, so
 * they run the same from a route, the command line or a test.
 */
export interface Deps {
  db: Kysely<Database>;
  keys: ServerKeys;
  smsSender: SmsSender;
  emailSender: EmailSender;
  log: Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
  /** Wakes the notice worker after a change that queued a security notice has committed. */
  notices: { kick(): void };
  limits: {
    /** False while shared limits (Redis) are configured but unreachable: no code may be sent. */
    sharedAvailable(): boolean;
  };
}

/** Shared limits (Redis) slow or gone: when a client may try a send again. */
export const SHARED_LIMITS_RETRY_AFTER_SECONDS = 5;
