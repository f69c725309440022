// Defends docs/security.md "SMS pumping and cost" and attack test 3 with Redis behind the HTTP
// limits: two instances sharing Redis share the counters (instances with their own namespaces do
// not), and with Redis down, at run time or at start-up, the sending routes fail closed (503, no
// SMS) while every other route keeps working.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { buildApp } from '../../server/app.ts';
import { deriveKeys, type ServerKeys } from '../../server/crypto/keys.ts';
import type { DatabaseHandle } from '../../server/db/connect.ts';
import { HTTP_LIMITS } from '../../server/plugins/rate-limits.ts';
import {
  describeEachDatabase,
  LogCapture,
  makeTenant,
  mintSession,
  type TestApp,
  testConfig,
} from '../helpers/build-app.ts';
import { assertRateLimited, LIMITED_ROUTE } from '../helpers/rate-limits.ts';
import {
  enrol,
  FRENCH_MOBILE,
  OTHER_FRENCH_MOBILE,
  setupSession,
  widgetClient,
} from '../helpers/widget-client.ts';

// The Redis that .ci/run starts, or the one on this machine's loopback.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let namespaceCount = 0;
/** A Redis key prefix of its own, so runs and tests never share counters. */
const uniqueNamespace = () => {
  namespaceCount += 1;
  return `tfa-test-${process.pid}-${Date.now()}-${namespaceCount}:`;
};

type Hooks = { after(fn: () => Promise<void>): void };

/** An app built as `main.ts` would, with the given keys and namespace, closed after the test. */
async function buildInstance(
  t: Hooks,
  database: DatabaseHandle,
  keys: ServerKeys,
  options: { env?: Record<string, string>; namespace?: string } = {},
) {
  const logs = new LogCapture();
  const app = (await buildApp({
    config: testConfig(options.env),
    database,
    keys,
    logStream: logs,
    ...(options.namespace ? { rateLimitNamespace: options.namespace } : {}),
  })) as unknown as TestApp;
  app.logs = logs;
  t.after(() => app.close());
  await app.ready();
  return app;
}

/** A plain client on the test Redis; its keys under `namespace` are deleted after the test. */
function redisClient(t: Hooks, namespace: string) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  t.after(async () => {
    const keys = await redis.keys(`${namespace}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  return redis;
}

/** Polls `check` until it holds, for up to 5 s. */
async function waitFor(check: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A TCP relay to the test Redis that can be cut and restored: Redis going down while the server
 * runs, and coming back, without touching the real Redis.
 */
async function redisRelay(t: Hooks) {
  const sockets = new Set<Socket>();
  const relayConnection = (client: Socket) => {
    const redisAddress = new URL(REDIS_URL);
    const upstream = connect(Number(redisAddress.port || 6379), redisAddress.hostname);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', drop);
      socket.on('close', drop);
    }
    client.pipe(upstream).pipe(client);
  };
  const listen = async (port: number) => {
    const server = createServer(relayConnection);
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    return server;
  };
  let server = await listen(0);
  const { port } = server.address() as AddressInfo;
  const relay = {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
    async restore() {
      server = await listen(port);
    },
  };
  t.after(() => relay.cut());
  return relay;
}

describeEachDatabase('HTTP rate limits', (context) => {
  test('attack 3b: two instances sharing Redis share the HTTP limit', async (t) => {
    const keys = deriveKeys(randomBytes(32));
    const namespace = uniqueNamespace();
    redisClient(t, namespace);
    const env = { REDIS_URL };
    const a = await buildInstance(t, context.database, keys, { env, namespace });
    const b = await buildInstance(t, context.database, keys, { env, namespace });
    assert.equal(a.redis?.status, 'ready');
    assert.equal(b.redis?.status, 'ready');
    const instances = [a, b];
    for (let i = 0; i < HTTP_LIMITS.perMinute; i += 1) {
      const response = await (instances[i % 2] as TestApp).inject({
        url: LIMITED_ROUTE,
        remoteAddress: '192.0.2.50',
      });
      assert.equal(response.statusCode, 200, `request ${i + 1}`);
    }
    for (const app of instances) {
      assertRateLimited(
        await app.inject({ url: LIMITED_ROUTE, remoteAddress: '192.0.2.50' }),
        'perMinute',
        'total over both instances',
      );
    }

    // Sending routes too: a session opened on A, used alternately on A and B.
    const { widget, tenant } = await setupSession(a);
    const clients = [widget, widgetClient(b, widget.token, tenant.origin)];
    for (let i = 0; i < HTTP_LIMITS.sendsPerMinute; i += 1) {
      const response = await clients[i % 2]?.post('/step-up');
      assert.equal(response?.statusCode, 409, `send ${i + 1}: ${response?.body}`);
    }
    for (const client of clients) {
      assertRateLimited(await client.post('/step-up'), 'sendsPerMinute', 'sends');
    }
  });

  test('control: instances with different namespaces do not share counters', async (t) => {
    const keys = deriveKeys(randomBytes(32));
    const namespaces = [uniqueNamespace(), uniqueNamespace()];
    for (const namespace of namespaces) redisClient(t, namespace);
    const env = { REDIS_URL };
    const instances = [
      await buildInstance(t, context.database, keys, { env, namespace: namespaces[0] }),
      await buildInstance(t, context.database, keys, { env, namespace: namespaces[1] }),
    ];
    const statuses: number[] = [];
    // Each instance sees half of these, under its own limit.
    for (let i = 0; i < HTTP_LIMITS.perMinute + 2; i += 1) {
      const response = await (instances[i % 2] as TestApp).inject({
        url: LIMITED_ROUTE,
        remoteAddress: '192.0.2.51',
      });
      statuses.push(response.statusCode);
    }
    assert.ok(
      statuses.every((s) => s === 200),
      `429s: ${statuses.filter((s) => s === 429).length}`,
    );
  });

  test('Redis down: sending routes answer 503 unavailable and send nothing; the rest works', async (t) => {
    const relay = await redisRelay(t);
    const namespace = uniqueNamespace();
    redisClient(t, namespace);
    const app = await buildInstance(t, context.database, deriveKeys(randomBytes(32)), {
      env: { REDIS_URL: relay.url },
      namespace,
    });
    assert.equal(app.redis?.status, 'ready');
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    const newcomer = widgetClient(
      app,
      await mintSession(app, tenant, { userId: 'newcomer', purpose: 'setup' }),
      tenant.origin,
    );
    const signIn = widgetClient(
      app,
      await mintSession(app, tenant, { userId, purpose: 'sign-in' }),
      tenant.origin,
    );
    const smsCount = () => app.outbox.list().filter((m) => m.channel === 'sms').length;
    const smsBefore = smsCount();
    const sends = () =>
      [
        ['POST /phone', () => newcomer.post('/phone', { phone: OTHER_FRENCH_MOBILE })],
        ['POST /step-up', () => widget.post('/step-up')],
        ['POST /challenge', () => signIn.post('/challenge')],
      ] as const;

    await relay.cut();
    await waitFor(() => app.redis?.status !== 'ready', 'Redis seen as down');
    for (const [route, send] of sends()) {
      const response = await send();
      assert.equal(response.statusCode, 503, `${route}: ${response.statusCode} ${response.body}`);
      const { error } = response.json();
      assert.equal(error.code, 'unavailable', route);
      assert.equal(typeof error.message, 'string');
      assert.doesNotMatch(response.body, /ECONNREFUSED|127\.0\.0\.1|stack/);
    }
    assert.equal(smsCount(), smsBefore, 'no SMS while Redis is down');
    await waitFor(() => /Redis unavailable/.test(app.logs.text), 'the outage is logged');

    // Every other route answers normally.
    const health = await app.inject('/healthz');
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    assert.equal((await widget.get('/session')).statusCode, 200);
    const verify = await newcomer.post('/phone/verify', { code: '000000' });
    assert.ok(verify.statusCode < 500, `verify is not a sending route: ${verify.statusCode}`);
    const minted = await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      headers: { authorization: `Bearer ${tenant.secretKey}` },
      payload: { userId, purpose: 'setup' },
    });
    assert.equal(minted.statusCode, 201, minted.body);
    const status = await app.inject({
      url: `/v1/users/${userId}`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    assert.equal(status.statusCode, 200, status.body);
    assert.equal(status.json().twoFactor.enabled, true);

    // Redis back: the same calls send, so the refusals above were Redis's and nothing else.
    await relay.restore();
    await waitFor(() => app.redis?.status === 'ready', 'Redis seen as back');
    for (const [route, send] of sends()) {
      const response = await send();
      assert.equal(response.statusCode, 200, `${route}: ${response.statusCode} ${response.body}`);
    }
    assert.equal(smsCount(), smsBefore + 3);
    assert.match(app.logs.text, /Redis is back/);
  });

  test('Redis up: a send goes through and its counter lives in Redis under the namespace', async (t) => {
    const namespace = uniqueNamespace();
    const redis = redisClient(t, namespace);
    const app = await buildInstance(t, context.database, deriveKeys(randomBytes(32)), {
      env: { REDIS_URL },
      namespace,
    });
    assert.equal(app.redis?.status, 'ready');
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'redis-user', purpose: 'setup' });
    // Only this request comes from 192.0.2.70, so its counter is the one key naming that address.
    assert.deepEqual(await redis.keys(`${namespace}*192.0.2.70*`), []);
    const sent = await app.inject({
      method: 'POST',
      url: '/v1/widget/phone',
      remoteAddress: '192.0.2.70',
      headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
      payload: { phone: FRENCH_MOBILE },
    });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.headers['x-ratelimit-limit'], String(HTTP_LIMITS.sendsPerMinute));
    assert.equal(sent.headers['x-ratelimit-remaining'], String(HTTP_LIMITS.sendsPerMinute - 1));
    assert.equal(app.outbox.list().filter((m) => m.channel === 'sms').length, 1);
    const counters = await redis.keys(`${namespace}*192.0.2.70*`);
    assert.equal(counters.length, 1, `send counter in Redis: ${counters.join(', ')}`);
    const sendCounter = counters[0] as string;
    assert.equal(await redis.get(sendCounter), '1');
    const ttl = await redis.pttl(sendCounter);
    assert.ok(ttl > 0 && ttl <= 60_000, `ttl ${ttl}`);
  });
});

/**
 * Started while Redis is down (nothing listens on port 1): the server must still come up, after
 * its short wait, refusing only the sending routes. Run in a child process, because an app whose
 * start-up fails leaves its Redis client reconnecting forever, which would hold this file open.
 */
const startWithRedisDown = `
  import { randomBytes } from 'node:crypto';
  const root = process.env.REPO_ROOT;
  const { buildApp } = await import(root + 'server/app.ts');
  const { deriveKeys } = await import(root + 'server/crypto/keys.ts');
  const { LogCapture, makeTenant, mintSession, testConfig } = await import(root + 'tests/helpers/build-app.ts');
  const { openTestDatabase } = await import(root + 'tests/helpers/test-database.ts');
  const { widgetClient } = await import(root + 'tests/helpers/widget-client.ts');
  const database = await openTestDatabase('pglite');
  const started = Date.now();
  let result;
  try {
    const app = await buildApp({
      config: testConfig({ REDIS_URL: 'redis://127.0.0.1:1' }),
      database,
      keys: deriveKeys(randomBytes(32)),
      logStream: new LogCapture(),
    });
    await app.ready();
    const startMs = Date.now() - started;
    const tenant = await makeTenant(app);
    const widget = widgetClient(app, await mintSession(app, tenant, { userId: 'u', purpose: 'setup' }), tenant.origin);
    const phone = await widget.post('/phone', { phone: '+33612345678' });
    result = {
      started: true,
      startMs,
      redisStatus: app.redis?.status,
      health: (await app.inject('/healthz')).statusCode,
      session: (await widget.get('/session')).statusCode,
      phone: phone.statusCode,
      phoneCode: phone.json().error?.code,
      sms: app.outbox.list().filter((m) => m.channel === 'sms').length,
    };
    await app.close();
  } catch (error) {
    result = { started: false, startMs: Date.now() - started, error: String(error?.message ?? error) };
  }
  console.log(JSON.stringify(result));
  process.exit(0);
`;

test('Redis down at start-up (REDIS_URL redis://127.0.0.1:1): the server starts and refuses sends', async () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const child = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', startWithRedisDown],
    { cwd: root, env: { ...process.env, REPO_ROOT: root }, timeout: 60_000 },
  ).catch((error: { stderr?: string; message: string }) =>
    assert.fail(`child failed: ${error.stderr?.slice(-2000) ?? error.message}`),
  );
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) as string);
  assert.equal(result.started, true, `buildApp failed: ${result.error}`);
  // Not a speed check: a start that waited on Redis's reconnect loop would take minutes.
  assert.ok(result.startMs < 30_000, `start-up took ${result.startMs} ms`);
  assert.notEqual(result.redisStatus, 'ready');
  assert.equal(result.health, 200);
  assert.equal(result.session, 200);
  assert.equal(result.phone, 503);
  assert.equal(result.phoneCode, 'unavailable');
  assert.equal(result.sms, 0);
});
