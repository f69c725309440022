// Defends attack test 10: fuzzed bodies, headers and paths on every route never give a 5xx or a
// stack trace, and always the documented error shape; numeric extremes and near-miss formats (a
// UUID as `urn:uuid:…`, `1e400` as a page bound) are refused as 400s before the database sees them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';

const RUNS = 150;

let addressCount = 0;
/** A new client address per request, so the HTTP rate limits never answer in the route's place. */
function nextAddress() {
  addressCount += 1;
  return `10.${(addressCount >> 16) & 255}.${(addressCount >> 8) & 255}.${addressCount & 255}`;
}

const UUID = '3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f';
/** Values that JavaScript or Ajv read as numbers, or nearly as UUIDs, but the database would not. */
const EDGE_TEXT = [
  '1e400',
  '-1e400',
  'Infinity',
  '-Infinity',
  'NaN',
  '-0',
  '0',
  '1.5',
  '0x10',
  '1e3',
  ' 1',
  '9'.repeat(400),
  '9007199254740992',
  '-9007199254740993',
  `urn:uuid:${UUID}`,
  `{${UUID}}`,
  UUID.replaceAll('-', ''),
  UUID.toUpperCase(),
  `${UUID}x`,
  '',
  '%00',
  '\u0000',
  '🙂',
];
/** The same, as raw JSON values: `JSON.parse` reads `1e400` as Infinity and `-0` as -0. */
const EDGE_JSON = [
  '1e400',
  '-1e400',
  '-0',
  '1e-400',
  '9'.repeat(400),
  '0.1',
  'null',
  'true',
  '[]',
  '{}',
  ...EDGE_TEXT.map((text) => JSON.stringify(text)),
  // Valid values too, so bodies reach past validation into the methods' code paths.
  '"sms"',
  '"totp"',
  '"123456"',
];
/** Body field names of every route, and some that are not. */
const FIELDS = [
  'userId',
  'purpose',
  'email',
  'locale',
  'resultToken',
  'phone',
  'country',
  'number',
  'code',
  'recoveryCode',
  'trustBrowser',
  'method',
  'accountName',
  'limit',
  'before',
  'id',
];

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

  test('numeric extremes and format edge cases: a 400 or a miss, never a 5xx', {
    timeout: 120_000,
  }, async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const tokens = await Promise.all(
      (['setup', 'sign-in', 'verify-email'] as const).map((purpose) =>
        mintSession(app, tenant, { userId: 'fuzz', purpose, email: 'fuzz@mail.example' }),
      ),
    );
    const spec = (await app.inject('/openapi.json')).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase() as 'GET',
        path,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
    const edge = fc.constantFrom(...EDGE_TEXT);

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        edge,
        fc.dictionary(fc.constantFrom('limit', 'before', 'id', 'x'), edge, { maxKeys: 3 }),
        fc.boolean(),
        fc.dictionary(fc.constantFrom(...FIELDS), fc.constantFrom(...EDGE_JSON), { maxKeys: 4 }),
        fc.constantFrom(...tokens),
        async (route, pathValue, extraQuery, routeQuery, fields, token) => {
          const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(pathValue));
          const query = new URLSearchParams(extraQuery);
          if (routeQuery) for (const name of route.query) query.set(name, pathValue);
          const url = `${path}${query.size > 0 ? `?${query}` : ''}`;
          const widget = path.startsWith('/v1/widget/');
          const body = `{${Object.entries(fields)
            .map(([name, value]) => `${JSON.stringify(name)}:${value}`)
            .join(',')}}`;
          const response = await app.inject({
            method: route.method,
            url,
            remoteAddress: nextAddress(),
            headers: {
              authorization: `Bearer ${widget ? token : tenant.secretKey}`,
              origin: tenant.origin,
              'content-type': 'application/json',
            },
            payload: route.method === 'GET' ? undefined : body,
          });
          const what = `${route.method} ${url} ${body} → ${response.statusCode} ${response.body}`;
          assert.ok(response.statusCode < 500, what);
          if (response.statusCode >= 400) {
            const error = response.json().error;
            assert.equal(typeof error.code, 'string', what);
            assert.equal(typeof error.message, 'string', what);
          }
          if (path.startsWith('/v1/')) {
            assert.equal(response.headers['cache-control'], 'no-store', what);
          }
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  test('every route with every edge value in its path and query: never a 5xx', {
    timeout: 120_000,
  }, async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const tokens = await Promise.all(
      (['setup', 'sign-in', 'verify-email'] as const).map((purpose) =>
        mintSession(app, tenant, { userId: 'sweep', purpose, email: 'sweep@mail.example' }),
      ),
    );
    const spec = (await app.inject('/openapi.json')).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    let requests = 0;
    for (const [template, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const queryNames = (operation.parameters ?? []).filter((p) => p.in === 'query');
        const widget = template.startsWith('/v1/widget/');
        for (const value of EDGE_TEXT) {
          const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(value));
          const query = new URLSearchParams(queryNames.map((p) => [p.name, value]));
          const url = `${path}${query.size > 0 ? `?${query}` : ''}`;
          for (const token of widget ? tokens : [tenant.secretKey]) {
            const response = await app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              remoteAddress: nextAddress(),
              headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
            });
            requests += 1;
            assert.ok(response.statusCode < 500, `${method} ${url} → ${response.body}`);
          }
        }
      }
    }
    assert.ok(requests > 500, `${requests} requests`);
  });

  test('the inputs that once gave a 500 now give a 400', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'fuzz', purpose: 'setup' });
    const partner = { authorization: `Bearer ${tenant.secretKey}` };
    for (const route of ['/v1/refusals', '/v1/users/fuzz/events']) {
      for (const name of ['limit', 'before']) {
        for (const value of ['1e400', 'Infinity', 'NaN', '-0', '9'.repeat(400), '0x10', '1.0']) {
          const response = await app.inject({ url: `${route}?${name}=${value}`, headers: partner });
          assert.equal(response.statusCode, 400, `${route}?${name}=${value}`);
          assert.equal(response.json().error.code, 'invalid_request');
        }
      }
    }
    const response = await app.inject({
      method: 'DELETE',
      url: `/v1/widget/trusted-browsers/urn:uuid:${UUID}`,
      headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().error.code, 'invalid_request');
  });
});
