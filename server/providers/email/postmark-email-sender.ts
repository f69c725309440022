import { ServerClient } from 'postmark';
import { DeliveryError } from '../sms/sms-sender.ts';
import {
  assertEmailAddress,
  type EmailDeliveryFailure,
  type EmailMessage,
  type EmailSender,
} from './email-sender.ts';

/** Past this a send is `delivery_failed`: the user is waiting on the page and may resend. */
export const POSTMARK_TIMEOUT_MS = 10_000;

/** Postmark's own default stream for transactional mail. */
export const POSTMARK_DEFAULT_MESSAGE_STREAM = 'outbound';

export interface PostmarkEmailSenderOptions {
  serverToken: string;
  /** Default sender (`POSTMARK_FROM`), used when a message names none. */
  from: string;
  /** `POSTMARK_MESSAGE_STREAM`; Postmark's `outbound` when absent. */
  messageStream?: string | undefined;
  /** Scheme and host such as `https://api.postmarkapp.com` (`POSTMARK_API_URL`); the SDK's own when absent. */
  apiUrl?: string | undefined;
  timeoutMs?: number | undefined;
}

export class PostmarkEmailSender implements EmailSender {
  readonly kind = 'postmark';
  readonly #client: ServerClient;
  readonly #from: string;
  readonly #messageStream: string;

  constructor(options: PostmarkEmailSenderOptions) {
    this.#from = options.from;
    this.#messageStream = options.messageStream ?? POSTMARK_DEFAULT_MESSAGE_STREAM;
    // The SDK builds every URL as `${useHttps ? 'https' : 'http'}://${requestHost}${path}`
    // (postmark/dist/client/models/client/HttpClient.js), so the host may carry a port and a path
    // prefix. Its `timeout` is in seconds and becomes an `AbortSignal.timeout` on the fetch, which
    // bounds the whole call, answer body included (client/HttpClient.js).
    this.#client = new ServerClient(options.serverToken, {
      timeout: (options.timeoutMs ?? POSTMARK_TIMEOUT_MS) / 1000,
      ...(options.apiUrl ? hostOptions(options.apiUrl) : {}),
    });
  }

  async send(message: EmailMessage): Promise<{ providerId: string }> {
    assertEmailAddress(message.to);
    let response: Awaited<ReturnType<ServerClient['sendEmail']>>;
    try {
      response = await this.#client.sendEmail({
        From: message.from ?? this.#from,
        To: message.to,
        Subject: message.subject,
        HtmlBody: message.html,
        TextBody: message.text,
        Tag: message.tag,
        MessageStream: this.#messageStream,
      });
    } catch (error) {
      throw new DeliveryError(describePostmarkFailure(error));
    }
    const providerId: unknown = response?.MessageID;
    if (typeof providerId !== 'string' || providerId === '' || response.ErrorCode !== 0) {
      const errorCode = typeof response?.ErrorCode === 'number' ? response.ErrorCode : null;
      throw new DeliveryError(failure('invalid_response', null, errorCode));
    }
    return { providerId };
  }
}

function hostOptions(apiUrl: string): { useHttps: boolean; requestHost: string } {
  const url = new URL(apiUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('POSTMARK_API_URL must be an http(s) URL');
  }
  return {
    useHttps: url.protocol === 'https:',
    requestHost: `${url.host}${url.pathname.replace(/\/+$/, '')}`,
  };
}

function failure(
  kind: EmailDeliveryFailure['kind'],
  status: number | null,
  errorCode: number | null,
): EmailDeliveryFailure {
  return { provider: 'postmark', kind, status, requestId: null, errorCode };
}

/**
 * Reads only the HTTP status and Postmark's `ErrorCode` from what the SDK rejects with. Its
 * messages are Postmark's, which echo the address ("Invalid 'To' address: …", "Found inactive
 * addresses: …"), and its `InactiveRecipientsError` lists them, so the error is never kept, logged
 * or chained as `cause`.
 */
function describePostmarkFailure(error: unknown): EmailDeliveryFailure {
  const status = numberField(error, 'statusCode');
  if (status !== null && status > 0) {
    // The SDK puts 0 where Postmark's answer had no `ErrorCode`.
    const errorCode = numberField(error, 'code') || null;
    return failure(status >= 500 ? 'provider_error' : 'rejected', status, errorCode);
  }
  // Without an HTTP answer the SDK rejects with a bare `PostmarkError` holding fetch's message
  // ("fetch failed", "The operation was aborted due to timeout"); a timeout while the answer body
  // is read escapes its wrapping as the `TimeoutError` DOMException itself.
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  const timedOut = name === 'TimeoutError' || /aborted due to timeout/i.test(text);
  return failure(timedOut ? 'timeout' : 'network', null, null);
}

function numberField(value: unknown, field: 'statusCode' | 'code'): number | null {
  if (typeof value !== 'object' || value === null || !(field in value)) return null;
  const found = (value as Record<typeof field, unknown>)[field];
  return typeof found === 'number' && Number.isInteger(found) ? found : null;
}
