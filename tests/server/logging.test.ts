// Defends: no secret key, session token, code or full number in any log line (docs/security.md, "Data
// and logs"; attack test 6), by key name at any depth and in database errors. Logs are captured at
// trace level, the most verbose there is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../../server/app.ts';
import { AppError } from '../../server/errors.ts';
import { loggerOptions } from '../../server/logger.ts';
import {
  describeEachDatabase,
  LogCapture,
  makeTenant,
  mintSession,
  testConfig,
} from '../helpers/build-app.ts';

function captureLogger() {
  const logs = new LogCapture();
  const options = loggerOptions(testConfig(), logs) as pino.LoggerOptions & { stream: LogCapture };
  return { logs, log: pino(options, options.stream) };
}

/** `{a: {b: {c: value}}}` for depth 3, `{[key]: value}` for depth 0. */
function nest(key: string, value: string, depth: number): Record<string, unknown> {
  let object: Record<string, unknown> = { [key]: value };
  for (const name of ['c', 'b', 'a'].slice(3 - depth)) object = { [name]: object };
  return object;
}

const SECRET_KEYS = [
  'token',
  'resultToken',
  'secret',
  'secretKey',
  'secret_key',
  'authorization',
  'Authorization',
  'cookie',
  'set-cookie',
  'code',
  'recoveryCode',
  'recoveryCodes',
  'phone',
  'number',
  'email',
  'password',
  'POSTMARK_SERVER_TOKEN',
];

test('secret-named keys are censored at depths 0 to 3, in objects and arrays', () => {
  const { logs, log } = captureLogger();
  for (const key of SECRET_KEYS) {
    for (let depth = 0; depth <= 3; depth += 1) {
      const value = `leak-${key}-${depth}`;
      log.info(nest(key, value, depth), 'plain');
      log.info({ list: [nest(key, `${value}-in-array`, depth)] }, 'in an array');
      log.info({
        err: Object.assign(new Error('boom'), { context: nest(key, `${value}-err`, depth) }),
      });
    }
  }
  for (const key of SECRET_KEYS) {
    assert.ok(!logs.text.includes(`leak-${key}-`), `${key} censored at every depth`);
  }
  assert.equal(logs.lines.length, SECRET_KEYS.length * 4 * 3, 'every line was written');
  assert.ok(logs.lines.every((line) => line.includes('[redacted]')));
});

test('the values logs need stay: error codes, ids, counts, statuses', () => {
  const { logs, log } = captureLogger();
  log.error({ err: new AppError('invalid_code'), tenantId: 'ten_1', statusCode: 422 }, 'x');
  log.warn({
    err: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
    counts: { codes: 3 },
  });
  const [first, second] = logs.lines.map((line) => JSON.parse(line));
  assert.equal(first.err.code, 'invalid_code');
  assert.equal(first.err.type, 'AppError');
  assert.match(first.err.stack, /AppError/);
  assert.equal(first.tenantId, 'ten_1');
  assert.equal(first.statusCode, 422);
  assert.equal(second.err.code, 'ECONNREFUSED');
  assert.equal(
    second.counts.codes,
    '[redacted]',
    'a key named codes is censored whatever it holds',
  );
});

test('a cycle or a very deep object does not stop the line', () => {
  const { logs, log } = captureLogger();
  const cycle: Record<string, unknown> = { token: 'wst_cycle' };
  cycle.self = cycle;
  let deep: Record<string, unknown> = { token: 'wst_deep' };
  for (let i = 0; i < 50; i += 1) deep = { next: deep };
  log.info({ cycle, deep });
  assert.equal(logs.lines.length, 1);
  assert.ok(!logs.text.includes('wst_'));
});

describeEachDatabase('logs of real requests', (context) => {
  test('never contain the secret key or the widget token', async (t) => {
    const app = await context.build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, {
      userId: 'p',
      purpose: 'setup',
      email: 'p@x.example',
    });
    await app.inject({
      url: '/v1/widget/session',
      headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
    });
    await app.inject({
      url: '/v1/widget/session',
      headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
    });
    await app.inject({
      url: '/v1/users/p',
      headers: { authorization: `Bearer ${tenant.secretKey}x` },
    });
    assert.ok(app.logs.lines.length > 4, 'requests were logged');
    assert.ok(!app.logs.text.includes(tenant.secretKey.slice(3)), 'secret key absent');
    assert.ok(!app.logs.text.includes(token.slice(4)), 'token absent');
  });

  test('an unexpected database error is logged without the values of its query', async (t) => {
    const logs = new LogCapture();
    const app = await buildApp({
      config: testConfig(),
      database: context.database,
      logStream: logs,
    });
    t.after(() => app.close());
    app.get('/v1/test-database-error/:kind', async (request) => {
      const { kind } = request.params as { kind: string };
      if (kind === 'cast') await sql`select ${'urn:uuid:SECRET-PARAM-1'}::uuid`.execute(app.db);
      await sql`create temporary table if not exists log_test (v text unique)`.execute(app.db);
      await sql`insert into log_test values (${'SECRET-PARAM-2'})`.execute(app.db);
      await sql`insert into log_test values (${'SECRET-PARAM-2'})`.execute(app.db);
      return {};
    });
    await app.ready();
    for (const [kind, sqlState] of [
      ['cast', '22P02'],
      ['duplicate', '23505'],
    ]) {
      const response = await app.inject(`/v1/test-database-error/${kind}`);
      assert.equal(response.statusCode, 500);
      assert.equal(response.json().error.code, 'internal_error');
      const line = logs.lines.map((l) => JSON.parse(l)).find((l) => l.err?.code === sqlState);
      assert.ok(line, `the ${kind} error is logged with its SQLSTATE`);
      assert.equal(line.msg, 'unexpected error');
      assert.match(line.err.message, /\[redacted\]/);
    }
    assert.ok(!logs.text.includes('SECRET-PARAM'), logs.text);
  });
});
