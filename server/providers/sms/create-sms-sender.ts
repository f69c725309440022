import { type Config, ConfigError, DELIVERY_HELP } from '../../config.ts';
import type { Outbox, OutboxLogger } from '../outbox.ts';
import { OutboxSmsSender } from './outbox-sms-sender.ts';
import type { SmsSender } from './sms-sender.ts';

export type SmsConfig = Pick<
  Config,
  'NODE_ENV' | 'PLIVO_AUTH_ID' | 'PLIVO_AUTH_TOKEN' | 'PLIVO_SENDER' | 'PLIVO_API_URL'
> &
  Partial<Pick<Config, 'DEV_OUTBOX'>>;

/**
 * Plivo when it is configured; otherwise the outbox, only when `DEV_OUTBOX` asks for it and never in
 * production, since it writes every code to the log. Called at start-up so a bad setup fails there.
 * The Plivo SDK is loaded only when Plivo is configured.
 */
export async function createSmsSender(
  config: SmsConfig,
  deps: { outbox: Outbox; log: OutboxLogger },
): Promise<SmsSender> {
  const { PLIVO_AUTH_ID: authId, PLIVO_AUTH_TOKEN: authToken, PLIVO_SENDER: sender } = config;
  if (authId && authToken && sender) {
    const { PlivoSmsSender } = await import('./plivo-sms-sender.ts');
    return new PlivoSmsSender({ authId, authToken, sender, apiUrl: config.PLIVO_API_URL });
  }
  if (!config.DEV_OUTBOX || config.NODE_ENV === 'production') {
    throw new ConfigError([`${DELIVERY_HELP.sms}, ${DELIVERY_HELP.outbox}`]);
  }
  return new OutboxSmsSender(deps.outbox, deps.log);
}
