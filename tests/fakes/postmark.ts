import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  answerJson,
  FailurePlan,
  listenOnLoopback,
  readJsonObject,
  secretMatches,
} from './fake-provider.ts';

/**
 * A fake of Postmark's send-email API (`POST /email`), for the real SDK to talk to. Answers are
 * shaped like Postmark's: `200 {To, SubmittedAt, MessageID, ErrorCode: 0, Message: 'OK'}`, and
 * `{ErrorCode, Message}` with 401, 422 or 500 on failure.
 */

export type PostmarkFailure = 'server-error' | 'timeout' | 'invalid-address' | 'inactive-recipient';

export interface PostmarkEmailBody {
  From?: string;
  To?: string;
  Subject?: string;
  HtmlBody?: string;
  TextBody?: string;
  MessageStream?: string;
  Tag?: string;
  [field: string]: unknown;
}

export interface PostmarkRequest {
  method: string;
  path: string;
  /** The `X-Postmark-Server-Token` header matched. */
  authorized: boolean;
  /** The parsed JSON body, or null when there was none or it was not JSON. */
  body: PostmarkEmailBody | null;
}

export interface FakePostmark {
  /** Pass as `POSTMARK_API_URL`. */
  url: string;
  /** Pass as `POSTMARK_SERVER_TOKEN`. */
  token: string;
  /** Every request, oldest first. */
  requests: PostmarkRequest[];
  /** Fail the next `times` sends (every send when omitted) with `kind`. */
  fail(kind: PostmarkFailure, times?: number): void;
  /** Forget requests and planned failures. */
  reset(): void;
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 256 * 1024;

export async function startFakePostmark(): Promise<FakePostmark> {
  const token = randomUUID();
  const expectedToken = Buffer.from(token);
  const requests: PostmarkRequest[] = [];
  const failures = new FailurePlan<PostmarkFailure>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = await readJsonObject<PostmarkEmailBody>(req, BODY_LIMIT_BYTES);
    const authorized = secretMatches(req.headers['x-postmark-server-token'], expectedToken);
    requests.push({ method: req.method ?? '', path, authorized, body });

    if (!authorized) {
      return answerJson(res, 401, {
        ErrorCode: 10,
        Message: 'Request does not contain a valid Server token.',
      });
    }
    if (req.method !== 'POST' || path !== '/email') {
      return answerJson(res, 404, { ErrorCode: 0, Message: 'Not found.' });
    }
    if (!body)
      return answerJson(res, 422, { ErrorCode: 402, Message: 'Received invalid JSON input.' });
    for (const field of ['From', 'To'] as const) {
      if (typeof body[field] !== 'string' || body[field] === '') {
        return answerJson(res, 422, { ErrorCode: 300, Message: `Invalid '${field}' address: ''.` });
      }
    }
    if (!body.TextBody && !body.HtmlBody) {
      return answerJson(res, 422, {
        ErrorCode: 300,
        Message: 'Provide either email TextBody or HtmlBody or both.',
      });
    }

    switch (failures.next()) {
      case null:
        return answerJson(res, 200, {
          To: body.To,
          SubmittedAt: new Date().toISOString(),
          MessageID: randomUUID(),
          ErrorCode: 0,
          Message: 'OK',
        });
      case 'timeout':
        return; // never answers; `close()` cuts the connection
      case 'server-error':
        return answerJson(res, 500, { ErrorCode: 0, Message: 'Internal server error.' });
      case 'invalid-address':
        // Postmark's own wording, which echoes the address.
        return answerJson(res, 422, {
          ErrorCode: 300,
          Message: `Invalid 'To' address: '${String(body.To)}'.`,
        });
      case 'inactive-recipient':
        return answerJson(res, 422, {
          ErrorCode: 406,
          Message:
            'You tried to send to recipient(s) that have been marked as inactive. Found inactive ' +
            `addresses: ${String(body.To)}. Inactive recipients are ones that have generated a ` +
            'hard bounce, a spam complaint, or a manual suppression.',
        });
    }
  }

  const server = await listenOnLoopback(handle, { ErrorCode: 0, Message: 'fake Postmark failed' });

  return {
    url: server.url,
    token,
    requests,
    fail: (kind, times) => failures.fail(kind, times),
    reset() {
      requests.length = 0;
      failures.reset();
    },
    close: server.close,
  };
}
