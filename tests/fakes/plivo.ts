import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  let planned: { kind: PlivoFailure; remaining: number } | null = null;

  function nextFailure(): PlivoFailure | null {
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
    const authorized = matches(req.headers.authorization, expectedAuth);
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

    switch (nextFailure()) {
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

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, { error: 'fake Plivo failed' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    authId,
    authToken,
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
        // Also drops the SDK's keep-alive sockets and the requests left hanging by 'timeout'.
        server.closeAllConnections();
      });
    },
  };
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ api_id: randomUUID(), ...body }));
}

function matches(header: string | undefined, expected: Buffer): boolean {
  const given = Buffer.from(header ?? '');
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

function parseJson(raw: string): PlivoMessageBody | null {
  if (raw === '') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as PlivoMessageBody)
      : null;
  } catch {
    return null;
  }
}
