// Defends docs/self-hosting.md "Shutting down": on SIGTERM the server stops accepting, closes idle
// kept-alive connections at once, lets requests in flight finish, and exits 0 within its
// deadline; a request that cannot finish in time does not hold the process. The request in flight
// waits on a database frozen by a TCP proxy of the test's own.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { exitGracefully } from '../../server/shutdown.ts';
import { startServer } from '../helpers/server-process.ts';
import { TcpProxy } from '../helpers/tcp-proxy.ts';
import { createPostgresDatabase } from '../helpers/test-database.ts';

const { DATABASE_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? { timeout: 120_000 }
  : { skip: 'needs PostgreSQL (DATABASE_URL): the request in flight waits on a frozen connection' };

type After = { after(fn: () => Promise<void>): void };

/** The server in its own process, on a fresh database reached through a proxy the test controls. */
async function serverBehindProxy(t: After, env: Record<string, string>) {
  const created = await createPostgresDatabase(DATABASE_URL as string);
  t.after(() => created.drop());
  const target = new URL(created.url);
  const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
  t.after(() => proxy.close());
  target.port = String(proxy.port);
  const server = startServer({
    DATABASE_URL: target.toString(),
    DATA_DIR: await mkdtemp(join(tmpdir(), 'tfa-shutdown-')),
    NODE_ENV: 'development',
    DEV_OUTBOX: 'true',
    DATABASE_STATEMENT_TIMEOUT_MS: '30000',
    ...env,
  });
  t.after(async () => {
    server.child.kill('SIGKILL');
  });
  return { server, url: await server.url, proxy };
}

/** A request that waits on the database: the partner key is looked up before anything else. */
function partnerRequest(url: string) {
  return new Promise<number | string>((resolve) => {
    const req = request(`${url}/v1/sessions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer sk_${'0'.repeat(20)}_${'0'.repeat(43)}`,
        'content-type': 'application/json',
      },
      agent: false,
    });
    req.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', (error) => resolve(error.message));
    req.end(JSON.stringify({ userId: 'patient', purpose: 'setup' }));
  });
}

/** A kept-alive connection, used once and then idle; resolves `closed` when the server ends it. */
async function idleKeptAliveConnection(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let closedAt = 0;
  const closed = new Promise<void>((resolve) => {
    const req = request(`${url}/healthz`, { agent });
    req.on('socket', (socket) =>
      socket.once('close', () => {
        closedAt = Date.now();
        resolve();
      }),
    );
    req.on('response', (response) => response.resume());
    req.end();
  });
  return { closed, closedAt: () => closedAt };
}

test(
  'SIGTERM: the idle kept-alive connection closes at once, the request in flight completes, exit 0',
  needsPostgres,
  async (t) => {
    const { server, url, proxy } = await serverBehindProxy(t, { SHUTDOWN_TIMEOUT_MS: '15000' });
    const idle = await idleKeptAliveConnection(url);
    proxy.freeze();
    const inFlight = partnerRequest(url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await idle.closed;
    const idleClosedAt = idle.closedAt();
    // Only now does the database answer again: the request was still waiting on it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.resume();
    const answer = await inFlight;
    const answeredAt = Date.now();
    assert.equal(
      answer,
      401,
      'the request in flight finished with its own answer (an unknown key)',
    );
    assert.ok(idleClosedAt <= answeredAt, 'the idle connection did not wait for the request');
    assert.equal(await server.exited, 0, server.output());
  },
);

test(
  'SIGTERM: a request that cannot finish does not hold the process past the deadline',
  needsPostgres,
  async (t) => {
    const { server, url, proxy } = await serverBehindProxy(t, { SHUTDOWN_TIMEOUT_MS: '1000' });
    proxy.freeze();
    const inFlight = partnerRequest(url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    // The database stays frozen (statement timeout 30 s): only the deadline can end this.
    assert.equal(await server.exited, 0, server.output());
    assert.equal(typeof (await inFlight), 'string', 'the connection still open was cut');
    assert.match(server.output(), /shutdown deadline passed/);
  },
);

test('a second signal exits at once, without waiting for the first shutdown', async () => {
  const before = new Set(process.listeners('SIGTERM'));
  const exits: number[] = [];
  const neverCloses = {
    log: { info() {}, warn() {} },
    close: () => new Promise<void>(() => {}),
    server: { closeAllConnections() {} },
  };
  exitGracefully(
    neverCloses as unknown as Parameters<typeof exitGracefully>[0],
    { deadlineMs: 60_000, closeDatabase: async () => {} },
    (code) => exits.push(code),
  );
  const added = process.listeners('SIGTERM').filter((listener) => !before.has(listener));
  try {
    process.emit('SIGTERM', 'SIGTERM');
    assert.deepEqual(exits, [], 'the first signal waits for requests in flight');
    process.emit('SIGTERM', 'SIGTERM');
    assert.deepEqual(exits, [0], 'the second exits now');
  } finally {
    for (const listener of added) {
      process.removeListener('SIGTERM', listener);
      process.removeListener('SIGINT', listener);
    }
  }
});
