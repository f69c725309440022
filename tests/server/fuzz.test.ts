// Defends attack test 10: fuzzed bodies, headers and paths on every route never give a 5xx or a
// stack trace, and always the documented error shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';

const RUNS = 150;

describeEachDatabase('fuzzing every route', ({ build }) => {
  test('never a 5xx, never a stack trace, always the error shape', {
    timeout: 120_000,
  }, async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'fuzz', purpose: 'setup' });
    const spec = (await app.inject('/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );

    const pathPart = fc.oneof(
      fc.string(),
      fc.constantFrom('..', '%00', '%ZZ', 'x'.repeat(300), '🙂', '{userId}'),
    );
    const authorization = fc.oneof(
      fc.constant(`Bearer ${tenant.secretKey}`),
      fc.constant(`Bearer ${token}`),
      fc.string().map((s) => `Bearer ${s}`),
      fc.string(),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      'application/json; charset=utf-16',
      'multipart/form-data',
      '',
      '*/*',
    );
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify({ userId: value, purpose: 'setup' })),
    );

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'),
        fc.boolean(),
        pathPart,
        authorization,
        contentType,
        body,
        fc.constantFrom(tenant.origin, 'null', 'https://evil.example', ''),
        async (route, otherMethod, keepMethod, part, auth, type, payload, origin) => {
          const url =
            route.path.replace('{userId}', encodeURIComponent(part)) +
            (keepMethod ? '' : `/${encodeURIComponent(part)}`);
          const headers: Record<string, string> = { authorization: auth };
          if (type) headers['content-type'] = type;
          if (origin) headers.origin = origin;
          const method = (keepMethod ? route.method : otherMethod) as 'GET';
          const response = await app.inject({
            method,
            url,
            headers,
            payload: method === 'GET' ? undefined : payload,
          });
          assert.ok(
            response.statusCode < 500,
            `${method} ${url} → ${response.statusCode} ${response.body}`,
          );
          assert.doesNotMatch(response.body, /\bat .+\.(ts|js):\d+|node_modules/, 'no stack trace');
          if (response.statusCode >= 400) {
            const error = response.json().error;
            assert.equal(typeof error.code, 'string');
            assert.equal(typeof error.message, 'string');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
