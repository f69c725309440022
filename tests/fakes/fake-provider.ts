import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake provider APIs (Plivo, Postmark) share: a loopback server, failures on demand. */

/** Failures planned for the next sends: `fail(kind, times)`, taken one per send. */
export class FailurePlan<Kind extends string> {
  #planned: { kind: Kind; remaining: number } | null = null;

  fail(kind: Kind, times = Number.POSITIVE_INFINITY) {
    this.#planned = times > 0 ? { kind, remaining: times } : null;
  }

  reset() {
    this.#planned = null;
  }

  /** The failure for this send, or null to answer normally. */
  next(): Kind | null {
    if (!this.#planned) return null;
    const { kind } = this.#planned;
    this.#planned.remaining -= 1;
    if (this.#planned.remaining <= 0) this.#planned = null;
    return kind;
  }
}

/** Whether a credential header equals the expected one, compared in constant time. */
export function secretMatches(header: string | string[] | undefined, expected: Buffer): boolean {
  const given = Buffer.from(typeof header === 'string' ? header : '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The request body parsed as a JSON object; null when empty, not JSON, or not an object. */
export async function readJsonObject<T>(
  req: IncomingMessage,
  limitBytes: number,
): Promise<T | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw === '') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as T)
      : null;
  } catch {
    return null;
  }
}

export function answerJson(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Serves `handle` on 127.0.0.1 at a free port; a handler that throws answers 500 with `crashBody`.
 * `close` also drops keep-alive sockets and the requests a 'timeout' failure left hanging.
 */
export async function listenOnLoopback(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  crashBody: Record<string, unknown>,
) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) answerJson(res, 500, crashBody);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
