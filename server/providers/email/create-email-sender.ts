import type { Config } from '../../config.ts';
import type { Outbox, OutboxLogger } from '../outbox.ts';
import type { EmailSender } from './email-sender.ts';
import { OutboxEmailSender } from './outbox-email-sender.ts';
import { PostmarkEmailSender } from './postmark-email-sender.ts';

export type EmailConfig = Pick<
  Config,
  'NODE_ENV' | 'POSTMARK_SERVER_TOKEN' | 'POSTMARK_FROM' | 'POSTMARK_API_URL'
> &
  Partial<Pick<Config, 'POSTMARK_MESSAGE_STREAM'>>;

/**
 * Postmark when it is configured; otherwise the outbox, but never in production, where codes would
 * silently go nowhere (or into the log). Called at start-up so a bad setup fails there.
 */
export function createEmailSender(
  config: EmailConfig,
  deps: { outbox: Outbox; log: OutboxLogger },
): EmailSender {
  const { POSTMARK_SERVER_TOKEN: serverToken, POSTMARK_FROM: from } = config;
  if (serverToken && from) {
    return new PostmarkEmailSender({
      serverToken,
      from,
      messageStream: config.POSTMARK_MESSAGE_STREAM,
      apiUrl: config.POSTMARK_API_URL,
    });
  }
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'Postmark is required in production: set POSTMARK_SERVER_TOKEN and POSTMARK_FROM.',
    );
  }
  return new OutboxEmailSender(deps.outbox, deps.log);
}
