// Defends docs/self-hosting.md "When a dependency is slow or gone" and SECURITY.md "Faults": a
// dependency's error never ends the process, every wait is bounded by a setting, the database gone
// answers 503 unavailable, and everything recovers without a restart. Faults go through a TCP proxy
// of the test's own between the server and PostgreSQL or Redis; the shared services are untouched.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { openPostgres } from '../../server/db/connect.ts';
import {
  LogCapture,
  makeTenant,
  mintSession,
  type TestApp,
  testConfig,
} from '../helpers/build-app.ts';
import { TcpProxy } from '../helpers/tcp-proxy.ts';
import { createPostgresDatabase } from '../helpers/test-database.ts';
import { FRENCH_MOBILE, widgetClient } from '../helpers/widget-client.ts';

const { DATABASE_URL, REDIS_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? {}
  : {
      skip: 'needs PostgreSQL (DATABASE_URL): PGlite runs in-process, with no connection to fault',
    };
const needsBoth =
  DATABASE_URL && REDIS_URL ? {} : { skip: 'needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL)' };

const TIMEOUTS = {
  DATABASE_CONNECT_TIMEOUT_MS: '500',
  DATABASE_STATEMENT_TIMEOUT_MS: '500',
  REDIS_COMMAND_TIMEOUT_MS: '300',
};

type After = { after(fn: () => Promise<void>): void };

async function proxyTo(t: After, url: string, defaultPort: number) {
  const target = new URL(url);
  const proxy = await TcpProxy.start({
    host: target.hostname,
    port: Number(target.port || defaultPort),
  });
  t.after(() => proxy.close());
  target.port = String(proxy.port);
  return { proxy, url: target.toString() };
}

/** The server on a fresh database, both reached through proxies the test controls. */
async function faultyServer(t: After, options: { redis?: boolean } = {}) {
  const created = await createPostgresDatabase(DATABASE_URL as string);
  t.after(() => created.drop());
  const database = await proxyTo(t, created.url, 5432);
  const redis = options.redis ? await proxyTo(t, REDIS_URL as string, 6379) : undefined;
  const env = { ...TIMEOUTS, ...(redis ? { REDIS_URL: redis.url } : {}) };
  const config = testConfig(env);
  const connectionErrors: Error[] = [];
  const handle = await openPostgres(database.url, config, (error) => connectionErrors.push(error));
  const logs = new LogCapture();
  const app = (await buildApp({
    config,
    database: handle,
    keys: deriveKeys(randomBytes(32)),
    logStream: logs,
    rateLimitNamespace: `tfa-faults-${randomBytes(4).toString('hex')}:`,
  })) as unknown as TestApp;
  app.logs = logs;
  t.after(async () => {
    await app.close();
    await handle.close();
  });
  await app.ready();
  return { app, database: database.proxy, redis: redis?.proxy, connectionErrors };
}

async function setupClient(app: TestApp) {
  const tenant = await makeTenant(app);
  const token = await mintSession(app, tenant, { userId: 'patient', purpose: 'setup' });
  return widgetClient(app, token, tenant.origin);
}

function assertUnavailable(response: {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}) {
  assert.equal(response.statusCode, 503, response.body);
  assert.equal(JSON.parse(response.body).error.code, 'unavailable');
  assert.ok(response.headers['retry-after'], 'Retry-After says when to come back');
  assert.doesNotMatch(response.body, /ECONN|terminated|timeout|stack|select/i);
}

test(
  'connections cut under load: the affected requests get 503, the process stays up, the next ones succeed',
  needsPostgres,
  async (t) => {
    const { app, database, connectionErrors } = await faultyServer(t);
    const widget = await setupClient(app);
    assert.equal((await widget.get('/session')).statusCode, 200);

    // Requests in flight on frozen connections, then every connection cut under them.
    database.freeze();
    const inFlight = Array.from({ length: 12 }, () => widget.get('/session'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    database.cut();
    database.resume();
    const answers = await Promise.all(inFlight);
    const statuses = answers.map((r) => r.statusCode);
    assert.ok(
      statuses.every((s) => s === 200 || s === 503),
      `statuses ${statuses}`,
    );
    for (const answer of answers.filter((r) => r.statusCode === 503)) assertUnavailable(answer);
    assert.ok(statuses.includes(503), `the cut requests failed, in the error shape: ${statuses}`);

    // The pool replaced its connections: served again, no restart.
    const after = await Promise.all(Array.from({ length: 5 }, () => widget.get('/session')));
    assert.deepEqual(
      after.map((r) => r.statusCode),
      [200, 200, 200, 200, 200],
    );
    t.diagnostic(
      `${statuses.filter((s) => s === 503).length} of 12 cut; ${connectionErrors.length} connection errors heard`,
    );
  },
);

test(
  'a frozen database: 503 within the configured timeouts, /readyz too; served again after the thaw',
  needsPostgres,
  async (t) => {
    const { app, database } = await faultyServer(t);
    const widget = await setupClient(app);
    database.freeze();
    let frozen = true;
    const thaw = setTimeout(() => {
      frozen = false;
      database.resume();
    }, 20_000);
    t.after(async () => clearTimeout(thaw));

    // Each answer arrives while the database is still frozen: bounded by the settings, not the freeze.
    const session = await widget.get('/session');
    assert.ok(frozen, 'answered before the thaw');
    assertUnavailable(session);
    const ready = await app.inject('/readyz');
    assert.ok(frozen, 'answered before the thaw');
    assertUnavailable(ready);
    assert.equal((await app.inject('/healthz')).statusCode, 200, '/healthz needs no database');

    clearTimeout(thaw);
    database.resume();
    assert.equal((await app.inject('/readyz')).statusCode, 200);
    assert.equal((await widget.get('/session')).statusCode, 200);
  },
);

test(
  'an unreachable database: 503 at once; back, served again with no restart',
  needsPostgres,
  async (t) => {
    const { app, database } = await faultyServer(t);
    const widget = await setupClient(app);
    database.refuse();
    database.cut();
    for (const response of [await widget.get('/session'), await app.inject('/readyz')]) {
      assertUnavailable(response);
    }
    const mint = await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      headers: {
        authorization: 'Bearer sk_00000000000000000000_0000000000000000000000000000000000000000000',
      },
      payload: { userId: 'x', purpose: 'setup' },
    });
    assertUnavailable(mint);
    database.resume();
    assert.equal((await app.inject('/readyz')).statusCode, 200);
    assert.equal((await widget.get('/session')).statusCode, 200);
  },
);

test(
  'a frozen Redis: routes that send nothing answer within its timeout, sends get 503; after the thaw all works',
  needsBoth,
  async (t) => {
    const { app, redis } = await faultyServer(t, { redis: true });
    assert.equal(app.redis?.status, 'ready');
    const widget = await setupClient(app);
    (redis as TcpProxy).freeze();
    let frozen = true;
    const thaw = setTimeout(() => {
      frozen = false;
      redis?.resume();
    }, 20_000);
    t.after(async () => clearTimeout(thaw));

    assert.equal((await app.inject('/healthz')).statusCode, 200);
    const session = await widget.get('/session');
    assert.equal(session.statusCode, 200, 'limits counted in memory meanwhile');
    const sent = await widget.post('/phone', { phone: FRENCH_MOBILE });
    assertUnavailable(sent);
    assert.ok(frozen, 'all answered before the thaw');

    clearTimeout(thaw);
    redis?.resume();
    const again = await widget.post('/phone', { phone: FRENCH_MOBILE });
    assert.equal(again.statusCode, 200, again.body);
  },
);
