import { Client } from 'plivo';
import {
  assertE164,
  DeliveryError,
  type DeliveryFailure,
  type SmsMessage,
  type SmsSender,
} from './sms-sender.ts';

/** Past this a send is `delivery_failed`: the user is waiting on the page and may resend. */
export const PLIVO_TIMEOUT_MS = 10_000;

export interface PlivoSmsSenderOptions {
  authId: string;
  authToken: string;
  /** Default sender id (`PLIVO_SENDER`), used when a message names none. */
  sender: string;
  /** Scheme and host such as `https://api.plivo.com` (`PLIVO_API_URL`); the SDK's own when absent. */
  apiUrl?: string | undefined;
  timeoutMs?: number | undefined;
}

export class PlivoSmsSender implements SmsSender {
  readonly kind = 'plivo';
  readonly #client: Client;
  readonly #sender: string;
  readonly #timeoutMs: number;

  constructor(options: PlivoSmsSenderOptions) {
    this.#sender = options.sender;
    this.#timeoutMs = options.timeoutMs ?? PLIVO_TIMEOUT_MS;
    // The SDK has no host option: its constructor merges our options over its defaults, among them
    // `url`, the account root (`https://api.plivo.com/v1/Account/<authId>`) that every resource
    // path is appended to (plivo/dist/rest/client.js, rest/axios.js). So we replace the whole root.
    const url = options.apiUrl
      ? `${options.apiUrl.replace(/\/+$/, '')}/v1/Account/${options.authId}`
      : undefined;
    this.#client = new Client(options.authId, options.authToken, {
      timeout: this.#timeoutMs,
      ...(url ? { url } : {}),
    });
  }

  async send(message: SmsMessage): Promise<{ providerId: string }> {
    assertE164(message.to);
    let timer: NodeJS.Timeout | undefined;
    // The SDK's `timeout` is axios's socket idle timeout, which a slowly trickling answer never
    // trips; this deadline bounds the whole call.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DeliveryError(failure('timeout', null, null))),
        this.#timeoutMs,
      );
    });
    try {
      // `log: false`: Plivo keeps neither the text (it holds the code) nor the full number.
      const sending = this.#client.messages.create(
        message.sender ?? this.#sender,
        message.to,
        message.text,
        { log: false },
      );
      const response = await Promise.race([sending, deadline]);
      const providerId = response.messageUuid?.[0];
      if (typeof providerId !== 'string' || providerId === '') {
        throw new DeliveryError(failure('invalid_response', null, requestIdOf(response)));
      }
      return { providerId };
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      throw new DeliveryError(describePlivoFailure(error));
    } finally {
      clearTimeout(timer);
    }
  }
}

function failure(
  kind: DeliveryFailure['kind'],
  status: number | null,
  requestId: string | null,
): DeliveryFailure {
  return { provider: 'plivo', kind, status, requestId };
}

/**
 * Reads only the status and Plivo's request id from what the SDK rejects with. Its errors carry the
 * request body (`moreInfo`: number and text) and Plivo's message (which echoes the number), so
 * they are never kept, logged or chained as `cause`.
 */
function describePlivoFailure(error: unknown): DeliveryFailure {
  const text = error instanceof Error ? error.message : String(error);
  const status = statusOf(error, text);
  if (status !== null) {
    return failure(status >= 500 ? 'provider_error' : 'rejected', status, requestIdOf(error));
  }
  // Without an HTTP answer the SDK rejects with axios's stack as a string.
  const timedOut = /timeout of \d+ms exceeded|ETIMEDOUT|ECONNABORTED/.test(text);
  return failure(timedOut ? 'timeout' : 'network', null, null);
}

function statusOf(error: unknown, text: string): number | null {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    if (typeof error.status === 'number') return error.status;
  }
  // For statuses it has no class for (429, 451, 502…) the SDK throws `new Error(axiosError)`,
  // whose message is the only trace of the status.
  const match = /status code (\d{3})\b/.exec(text);
  return match ? Number(match[1]) : null;
}

function requestIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = 'apiID' in value ? value.apiID : 'apiId' in value ? value.apiId : undefined;
  return typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? id : null;
}
