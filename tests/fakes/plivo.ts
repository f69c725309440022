import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  answerJson,
  FailurePlan,
  listenOnLoopback,
  readJsonObject,
  secretMatches,
} from './fake-provider.ts';

/**
 * A fake of Plivo's send-message API (`POST /v1/Account/{auth_id}/Message/`), for the real SDK to
 * talk to. Answers are shaped like Plivo's: `202 {api_id, message, message_uuid: [..]}`, and
 * `{api_id, error}` on failure.
 */

export type PlivoFailure = 'server-error' | 'timeout' | 'invalid-number' | '451' | 'rate-limited';

export interface PlivoMessageBody {
  src?: string;
  dst?: string;
  text?: string;
  [field: string]: unknown;
}

export interface PlivoRequest {
  method: string;
  path: string;
  /** The basic-auth credentials matched. */
  authorized: boolean;
  /** The parsed JSON body, or null when there was none or it was not JSON. */
  body: PlivoMessageBody | null;
}

export interface FakePlivo {
  /** Pass as `PLIVO_API_URL`. */
  url: string;
  authId: string;
  authToken: string;
  /** Every request, oldest first. */
  requests: PlivoRequest[];
  /** Fail the next `times` sends (every send when omitted) with `kind`. */
  fail(kind: PlivoFailure, times?: number): void;
  /** Forget requests and planned failures. */
  reset(): void;
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 64 * 1024;

export async function startFakePlivo(): Promise<FakePlivo> {
  const authId = `MA${randomBytes(9).toString('hex').toUpperCase()}`;
  const authToken = randomBytes(20).toString('hex');
  const expectedAuth = Buffer.from(
    `Basic ${Buffer.from(`${authId}:${authToken}`).toString('base64')}`,
  );
  const messagePath = `/v1/Account/${authId}/Message/`;
  const requests: PlivoRequest[] = [];
  const failures = new FailurePlan<PlivoFailure>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = await readJsonObject<PlivoMessageBody>(req, BODY_LIMIT_BYTES);
    const authorized = secretMatches(req.headers.authorization, expectedAuth);
    requests.push({ method: req.method ?? '', path, authorized, body });

    if (!authorized) return answer(res, 401, { error: 'Authentication failed' });
    if (req.method !== 'POST' || path !== messagePath)
      return answer(res, 404, { error: 'not found' });
    if (!body) return answer(res, 400, { error: 'invalid JSON body' });
    for (const field of ['src', 'dst', 'text'] as const) {
      if (typeof body[field] !== 'string' || body[field] === '') {
        return answer(res, 400, { error: `Missing mandatory parameter: ${field}` });
      }
    }

    switch (failures.next()) {
      case null:
        return answer(res, 202, { message: 'message(s) queued', message_uuid: [randomUUID()] });
      case 'timeout':
        return; // never answers; `close()` cuts the connection
      case 'server-error':
        return answer(res, 500, { error: 'Internal server error' });
      case 'invalid-number':
        // Plivo's own wording, which echoes the number without its `+`.
        return answer(res, 400, {
          error: `'${String(body.dst).replace(/^\+/, '')}' is not a valid phone number.`,
        });
      case '451':
        return answer(res, 451, {
          error: 'Message blocked: unusual activity to this destination.',
        });
      case 'rate-limited':
        return answer(res, 429, { error: 'Too many requests' });
    }
  }

  const server = await listenOnLoopback(handle, { api_id: 'fake', error: 'fake Plivo failed' });

  return {
    url: server.url,
    authId,
    authToken,
    requests,
    fail: (kind, times) => failures.fail(kind, times),
    reset() {
      requests.length = 0;
      failures.reset();
    },
    close: server.close,
  };
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>) {
  answerJson(res, status, { api_id: randomUUID(), ...body });
}
