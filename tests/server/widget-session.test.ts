// Defends: widget routes answer only a live session token, from its own tenant's exact origins,
// with credentialed CORS and never `*` or `null` (docs/security.md, "CORS"; attack test 7).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';

function getSession(
  app: FastifyInstance,
  token: string | undefined,
  origin: string | undefined,
  extra = {},
) {
  const headers: Record<string, string> = { ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  if (origin) headers.origin = origin;
  return app.inject({ method: 'GET', url: '/v1/widget/session', headers });
}

describeEachDatabase('GET /v1/widget/session', ({ build }) => {
  test('answers from an allowed origin with credentialed CORS', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app, {
      signInSteps: ['email', 'sms'],
      allowedCountries: ['FR', 'BE'],
    });
    const token = await mintSession(app, tenant, { userId: 'p1', purpose: 'setup', locale: 'de' });
    const response = await getSession(app, token, tenant.origin);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['access-control-allow-origin'], tenant.origin);
    assert.equal(response.headers['access-control-allow-credentials'], 'true');
    assert.match(String(response.headers.vary), /Origin/);
    const body = response.json();
    assert.equal(body.purpose, 'setup');
    assert.equal(body.locale, 'de');
    assert.deepEqual(body.allowedCountries, ['FR', 'BE']);
    assert.equal(body.twoFactor.enabled, false);
    assert.match(body.tenant.name, /^Clinic/);
  });

  test('a session minted without a locale has none: the element chooses, SMS go in English', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'p2', purpose: 'setup' });
    const response = await getSession(app, token, tenant.origin);
    assert.equal(response.json().locale, null);
    const sent = await app.inject({
      method: 'POST',
      url: '/v1/widget/phone',
      headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
      payload: { phone: '+33612345678' },
    });
    assert.equal(sent.statusCode, 200, sent.body);
    const [sms] = app.outbox.list().filter((m) => m.channel === 'sms');
    assert.match(sms?.body ?? '', /is your .* verification code/);
  });

  test('answers the preflight of an allowed origin', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/v1/widget/session',
      headers: {
        origin: tenant.origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(response.statusCode, 204);
    assert.equal(response.headers['access-control-allow-origin'], tenant.origin);
    assert.equal(response.headers['access-control-allow-credentials'], 'true');
    assert.match(String(response.headers['access-control-allow-headers']), /authorization/);
    assert.match(String(response.headers['access-control-allow-methods']), /POST/);
  });

  test('refuses the preflight of an unknown origin, and of null', async (t) => {
    const app = await build(t);
    await makeTenant(app);
    for (const origin of ['https://evil.example', 'null']) {
      const response = await app.inject({
        method: 'OPTIONS',
        url: '/v1/widget/session',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error.code, 'origin_not_allowed');
      assert.equal(response.headers['access-control-allow-origin'], undefined);
    }
  });

  test("refuses a missing, null, unknown or other tenant's origin", async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const other = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'p1', purpose: 'setup' });
    const near = [
      tenant.origin.replace('https', 'http'),
      `${tenant.origin}:443`,
      `${tenant.origin}.evil.example`,
    ];
    for (const origin of [undefined, 'null', 'https://evil.example', other.origin, ...near]) {
      const response = await getSession(app, token, origin);
      assert.equal(response.statusCode, 403, `origin ${origin}`);
      assert.equal(response.json().error.code, 'origin_not_allowed');
      assert.equal(
        response.headers['access-control-allow-origin'],
        undefined,
        'refusal unreadable',
      );
      assert.equal(response.headers['access-control-allow-credentials'], undefined);
    }
  });

  test('refuses unknown, malformed and expired tokens, readable by the allowed origin', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'p1', purpose: 'setup' });
    for (const bad of [
      undefined,
      'wst_short',
      `wst_${'A'.repeat(43)}`,
      token.replace('wst_', 'sk_'),
    ]) {
      const response = await getSession(app, bad, tenant.origin);
      assert.equal(response.statusCode, 401, `token ${bad}`);
      assert.equal(response.json().error.code, 'unauthorized');
      assert.equal(response.headers['access-control-allow-origin'], tenant.origin);
    }
    await app.db
      .updateTable('widget_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const expired = await getSession(app, token, tenant.origin);
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().error.code, 'session_expired');
  });

  test('refuses a non-JSON content type', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'p1', purpose: 'setup' });
    const response = await getSession(app, token, tenant.origin, { 'content-type': 'text/plain' });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().error.code, 'invalid_request');
  });
});
