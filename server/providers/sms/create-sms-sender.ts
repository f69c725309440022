import type { Config } from '../../config.ts';
import type { Outbox, OutboxLogger } from '../outbox.ts';
import { OutboxSmsSender } from './outbox-sms-sender.ts';
import { PlivoSmsSender } from './plivo-sms-sender.ts';
import type { SmsSender } from './sms-sender.ts';

export type SmsConfig = Pick<
  Config,
  'NODE_ENV' | 'PLIVO_AUTH_ID' | 'PLIVO_AUTH_TOKEN' | 'PLIVO_SENDER' | 'PLIVO_API_URL'
>;

/**
 * Plivo when it is configured; otherwise the outbox, but never in production, where codes would
 * silently go nowhere (or into the log). Called at start-up so a bad setup fails there.
 */
export function createSmsSender(
  config: SmsConfig,
  deps: { outbox: Outbox; log: OutboxLogger },
): SmsSender {
  const { PLIVO_AUTH_ID: authId, PLIVO_AUTH_TOKEN: authToken, PLIVO_SENDER: sender } = config;
  if (authId && authToken && sender) {
    return new PlivoSmsSender({ authId, authToken, sender, apiUrl: config.PLIVO_API_URL });
  }
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'Plivo is required in production: set PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_SENDER.',
    );
  }
  return new OutboxSmsSender(deps.outbox, deps.log);
}
