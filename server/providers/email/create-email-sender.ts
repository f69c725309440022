import { type Config, ConfigError, DELIVERY_HELP } from '../../config.ts';
import type { Outbox, OutboxLogger } from '../outbox.ts';
import type { EmailSender } from './email-sender.ts';
import { OutboxEmailSender } from './outbox-email-sender.ts';

export type EmailConfig = Pick<
  Config,
  'NODE_ENV' | 'POSTMARK_SERVER_TOKEN' | 'POSTMARK_FROM' | 'POSTMARK_API_URL'
> &
  Partial<Pick<Config, 'POSTMARK_MESSAGE_STREAM' | 'DEV_OUTBOX'>>;

/**
 * Postmark when it is configured; otherwise the outbox, only when `DEV_OUTBOX` asks for it and never in
 * production, since it writes every code to the log. Called at start-up so a bad setup fails there.
 * The Postmark SDK is loaded only when Postmark is configured.
 */
export async function createEmailSender(
  config: EmailConfig,
  deps: { outbox: Outbox; log: OutboxLogger },
): Promise<EmailSender> {
  const { POSTMARK_SERVER_TOKEN: serverToken, POSTMARK_FROM: from } = config;
  if (serverToken && from) {
    const { PostmarkEmailSender } = await import('./postmark-email-sender.ts');
    return new PostmarkEmailSender({
      serverToken,
      from,
      messageStream: config.POSTMARK_MESSAGE_STREAM,
      apiUrl: config.POSTMARK_API_URL,
    });
  }
  if (!config.DEV_OUTBOX || config.NODE_ENV === 'production') {
    throw new ConfigError([`${DELIVERY_HELP.email}, ${DELIVERY_HELP.outbox}`]);
  }
  return new OutboxEmailSender(deps.outbox, deps.log);
}
