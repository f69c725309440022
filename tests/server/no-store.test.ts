// Defends "Cache-Control: no-store on every /v1 answer" (ASVS V8.2.1): answers carry session
// tokens, recovery codes and personal data, and errors are no exception, so no cache may keep any.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDatabase } from '../helpers/build-app.ts';
import { FRENCH_MOBILE, latestSmsCode, setupSession } from '../helpers/widget-client.ts';

describeEachDatabase('Cache-Control on /v1', (context) => {
  test('every /v1 answer says no-store, success or error', async (t) => {
    const app = await context.build(t);
    const { tenant, widget } = await setupSession(app);
    const partner = { authorization: `Bearer ${tenant.secretKey}` };

    const sent = await widget.post('/phone', { phone: FRENCH_MOBILE });
    const verified = await widget.post('/phone/verify', { code: await latestSmsCode(app) });
    assert.ok(verified.json().recoveryCodes, 'the answer that shows recovery codes');
    const answers = {
      'POST /v1/sessions 201': await app.inject({
        method: 'POST',
        url: '/v1/sessions',
        headers: partner,
        payload: { userId: 'u', purpose: 'setup' },
      }),
      'POST /v1/widget/phone 200': sent,
      'POST /v1/widget/phone/verify 200': verified,
      'GET /v1/users/:id 200': await app.inject({ url: '/v1/users/patient', headers: partner }),
      'DELETE /v1/users/:id/trusted-browsers 204': await app.inject({
        method: 'DELETE',
        url: '/v1/users/patient/trusted-browsers',
        headers: partner,
      }),
      'GET /v1/users/:id 401': await app.inject('/v1/users/patient'),
      'POST /v1/sessions 400': await app.inject({
        method: 'POST',
        url: '/v1/sessions',
        headers: partner,
        payload: { userId: 'u', purpose: 'nope' },
      }),
      'GET /v1/refusals?before=x 400': await app.inject({
        url: '/v1/refusals?before=x',
        headers: partner,
      }),
      'POST /v1/widget/phone/verify 422': await widget.post('/phone/verify', { code: '000000' }),
      'GET /v1/widget/session 403 from another origin': await app.inject({
        url: '/v1/widget/session',
        headers: { authorization: `Bearer ${widget.token}`, origin: 'https://evil.example' },
      }),
      'GET /v1/no-such-route 404': await app.inject('/v1/no-such-route'),
      'POST /v1/sessions 415': await app.inject({
        method: 'POST',
        url: '/v1/sessions',
        headers: { ...partner, 'content-type': 'text/plain' },
        payload: 'x',
      }),
      'OPTIONS /v1/widget/session preflight': await app.inject({
        method: 'OPTIONS',
        url: '/v1/widget/session',
        headers: { origin: tenant.origin, 'access-control-request-method': 'GET' },
      }),
    };
    const statuses = new Set<number>();
    for (const [name, response] of Object.entries(answers)) {
      assert.equal(
        response.headers['cache-control'],
        'no-store',
        `${name} (${response.statusCode})`,
      );
      statuses.add(response.statusCode);
    }
    for (const status of [200, 201, 204, 400, 401, 403, 404, 415, 422]) {
      assert.ok(statuses.has(status), `a ${status} answer is among those checked`);
    }
  });

  test('answers outside /v1 keep their own caching', async (t) => {
    const app = await context.build(t);
    assert.notEqual((await app.inject('/healthz')).headers['cache-control'], 'no-store');
    assert.notEqual((await app.inject('/openapi.json')).headers['cache-control'], 'no-store');
  });
});
