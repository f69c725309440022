// Defends: widget session tokens are ≥ 128 bits, stored hashed, 15 minutes, bound to tenant, user
// and purpose (docs/security.md, "Sessions"); partner bodies are JSON, ≤ 16 KiB, without unknown fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, makeTenant } from '../helpers/build-app.ts';

function post(
  app: FastifyInstance,
  key: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/v1/sessions',
    headers: { authorization: `Bearer ${key}`, ...headers },
    payload: payload as string,
  });
}

describeEachDatabase('POST /v1/sessions', ({ build }) => {
  test('mints a 256-bit token, stored only as a hash, valid 15 minutes', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const before = Date.now();
    const response = await post(app, tenant.secretKey, {
      userId: 'patient-7',
      purpose: 'setup',
      locale: 'fr-FR',
    });
    assert.equal(response.statusCode, 201);
    const { token, expiresAt } = response.json();
    assert.match(token, /^wst_[A-Za-z0-9_-]{43}$/);
    assert.ok(Buffer.from(token.slice(4), 'base64url').length * 8 >= 128);
    const lifetime = Date.parse(expiresAt) - before;
    assert.ok(lifetime > 14.9 * 60_000 && lifetime <= 15 * 60_000 + 5_000, `lifetime ${lifetime}`);
    const rows = await app.db.selectFrom('widget_sessions').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(token.slice(4)), 'token not stored');
    const row = rows.find((r) => r.tenant_id === tenant.tenantId);
    assert.equal(row?.purpose, 'setup');
    assert.equal(row?.locale, 'fr');
  });

  test('each mint is a new token; the user is created once', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const a = (await post(app, tenant.secretKey, { userId: 'u1', purpose: 'sign-in' })).json()
      .token;
    const b = (
      await post(app, tenant.secretKey, { userId: 'u1', purpose: 'sign-in', email: 'u1@x.example' })
    ).json().token;
    assert.notEqual(a, b);
    const users = await app.db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.equal(users.length, 1);
    assert.equal(users[0]?.email, 'u1@x.example');
  });

  const invalid: [string, unknown, Record<string, string>, number][] = [
    ['an unknown field', { userId: 'u', purpose: 'setup', admin: true }, {}, 400],
    ['an unknown purpose', { userId: 'u', purpose: 'everything' }, {}, 400],
    ['no user id', { purpose: 'setup' }, {}, 400],
    ['an empty user id', { userId: '', purpose: 'setup' }, {}, 400],
    ['a bad email', { userId: 'u', purpose: 'setup', email: 'not-an-email' }, {}, 400],
    ['verify-email without an email', { userId: 'u', purpose: 'verify-email' }, {}, 400],
    ['malformed JSON', '{"userId": "u",', { 'content-type': 'application/json' }, 400],
    ['an empty JSON body', '', { 'content-type': 'application/json' }, 400],
    ['a JSON array', '[1,2]', { 'content-type': 'application/json' }, 400],
    ['text/plain', 'userId=u', { 'content-type': 'text/plain' }, 415],
    [
      'a form',
      'userId=u&purpose=setup',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
    ],
    [
      'a body over 16 KiB',
      { userId: 'u', purpose: 'setup', email: `${'a'.repeat(17_000)}@x.example` },
      {},
      413,
    ],
  ];
  for (const [name, payload, headers, status] of invalid) {
    test(`refuses ${name} with ${status} invalid_request`, async (t) => {
      const app = await build(t);
      const tenant = await makeTenant(app);
      const response = await post(app, tenant.secretKey, payload, headers);
      assert.equal(response.statusCode, status, response.body);
      const body = response.json();
      assert.equal(body.error.code, 'invalid_request');
      assert.equal(typeof body.error.message, 'string');
      const count = await app.db
        .selectFrom('widget_sessions')
        .select('id')
        .where('tenant_id', '=', tenant.tenantId)
        .execute();
      assert.equal(count.length, 0, 'nothing created');
    });
  }

  test('names the unknown field', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const response = await post(app, tenant.secretKey, {
      userId: 'u',
      purpose: 'setup',
      role: 'admin',
    });
    assert.match(response.json().error.message, /unknown field "role"/);
  });
});
