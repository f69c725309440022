import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { openPostgres } from '../../server/db/connect.ts';
import { describeEachDatabase, LogCapture, testConfig } from '../helpers/build-app.ts';

describeEachDatabase('health, readiness and the API description', ({ build }) => {
  test('/healthz and /readyz answer ok', async (t) => {
    const app = await build(t);
    assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok' });
    const ready = await app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ok' });
  });

  test('/openapi.json lists every route; /docs serves the reference', async (t) => {
    const app = await build(t);
    const spec = (await app.inject('/openapi.json')).json();
    assert.equal(spec.openapi, '3.1.0');
    const documented = Object.entries(spec.paths as Record<string, object>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of [
      'POST /v1/sessions',
      'GET /v1/users/{userId}',
      'GET /v1/widget/session',
      'GET /healthz',
      'GET /readyz',
    ]) {
      assert.ok(documented.includes(route), `${route} documented`);
    }
    const docs = await app.inject('/docs');
    assert.ok([200, 302].includes(docs.statusCode));
  });

  test('security headers are set', async (t) => {
    const app = await build(t);
    const response = await app.inject('/healthz');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['content-security-policy']);
    assert.ok(response.headers['strict-transport-security']);
  });

  test('unknown routes answer the error shape', async (t) => {
    const app = await build(t);
    const response = await app.inject('/v1/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'not_found');
  });
});

test('/readyz answers 503 unavailable when the database is unreachable', async (t) => {
  const database = await openPostgres('postgres://postgres@127.0.0.1:1/none');
  const app = await buildApp({
    config: testConfig(),
    database,
    keys: deriveKeys(randomBytes(32)),
    logStream: new LogCapture(),
  });
  t.after(async () => {
    await app.close();
    await database.close();
  });
  const response = await app.inject('/readyz');
  assert.equal(response.statusCode, 503);
  assert.equal(response.json().error.code, 'unavailable');
  assert.doesNotMatch(response.body, /ECONNREFUSED|127\.0\.0\.1/);
  assert.equal((await app.inject('/healthz')).statusCode, 200);
});
