import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  let planned: { kind: PostmarkFailure; remaining: number } | null = null;

  function nextFailure(): PostmarkFailure | null {
    if (!planned) return null;
    const { kind } = planned;
    planned.remaining -= 1;
    if (planned.remaining <= 0) planned = null;
    return kind;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = parseJson(raw);
    const authorized = matches(req.headers['x-postmark-server-token'], expectedToken);
    requests.push({ method: req.method ?? '', path, authorized, body });

    if (!authorized) {
      return answer(res, 401, {
        ErrorCode: 10,
        Message: 'Request does not contain a valid Server token.',
      });
    }
    if (req.method !== 'POST' || path !== '/email') {
      return answer(res, 404, { ErrorCode: 0, Message: 'Not found.' });
    }
    if (!body) return answer(res, 422, { ErrorCode: 402, Message: 'Received invalid JSON input.' });
    for (const field of ['From', 'To'] as const) {
      if (typeof body[field] !== 'string' || body[field] === '') {
        return answer(res, 422, { ErrorCode: 300, Message: `Invalid '${field}' address: ''.` });
      }
    }
    if (!body.TextBody && !body.HtmlBody) {
      return answer(res, 422, {
        ErrorCode: 300,
        Message: 'Provide either email TextBody or HtmlBody or both.',
      });
    }

    switch (nextFailure()) {
      case null:
        return answer(res, 200, {
          To: body.To,
          SubmittedAt: new Date().toISOString(),
          MessageID: randomUUID(),
          ErrorCode: 0,
          Message: 'OK',
        });
      case 'timeout':
        return; // never answers; `close()` cuts the connection
      case 'server-error':
        return answer(res, 500, { ErrorCode: 0, Message: 'Internal server error.' });
      case 'invalid-address':
        // Postmark's own wording, which echoes the address.
        return answer(res, 422, {
          ErrorCode: 300,
          Message: `Invalid 'To' address: '${String(body.To)}'.`,
        });
      case 'inactive-recipient':
        return answer(res, 422, {
          ErrorCode: 406,
          Message:
            'You tried to send to recipient(s) that have been marked as inactive. Found inactive ' +
            `addresses: ${String(body.To)}. Inactive recipients are ones that have generated a ` +
            'hard bounce, a spam complaint, or a manual suppression.',
        });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, { ErrorCode: 0, Message: 'fake Postmark failed' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    fail(kind, times = Number.POSITIVE_INFINITY) {
      planned = times > 0 ? { kind, remaining: times } : null;
    },
    reset() {
      requests.length = 0;
      planned = null;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        // Also drops fetch's keep-alive sockets and the requests left hanging by 'timeout'.
        server.closeAllConnections();
      });
    },
  };
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function matches(header: string | string[] | undefined, expected: Buffer): boolean {
  const given = Buffer.from(typeof header === 'string' ? header : '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): PostmarkEmailBody | null {
  if (raw === '') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as PostmarkEmailBody)
      : null;
  } catch {
    return null;
  }
}
