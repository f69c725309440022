// Defends docs/security.md "SMS pumping and cost" (per-IP velocity, IPv6 by /64) and attack test 3:
// the HTTP limits per client address (every route, sending routes, verifying routes, unknown
// paths) answer 429 in the error shape, and rotating `X-Forwarded-For` does not escape them while
// `TRUST_PROXY` is off. The limits shared through Redis are in http-rate-limits-redis.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { HTTP_LIMITS } from '../../server/plugins/rate-limits.ts';
import { describeEachDatabase, type TestApp } from '../helpers/build-app.ts';
import { assertRateLimited, LIMITED_ROUTE } from '../helpers/rate-limits.ts';
import { FRENCH_MOBILE, setupSession } from '../helpers/widget-client.ts';

const statusesOf = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode);

describeEachDatabase('HTTP rate limits', (context) => {
  const { build } = context;
  test('the global limit: past perMinute from one address, 429; another address is unaffected', async (t) => {
    const app = await build(t);
    const from = (remoteAddress: string) => app.inject({ url: LIMITED_ROUTE, remoteAddress });
    for (let i = 1; i <= HTTP_LIMITS.perMinute; i += 1) {
      const response = await from('192.0.2.10');
      assert.equal(response.statusCode, 200, `request ${i}: ${response.body}`);
    }
    assertRateLimited(await from('192.0.2.10'), 'perMinute', 'over the limit');
    const other = await from('192.0.2.11');
    assert.equal(other.statusCode, 200, 'another address has its own counter');
    assert.equal(other.json().openapi, '3.1.0');
    assertRateLimited(await from('192.0.2.10'), 'perMinute', 'still limited');
  });

  test('requests from unknown origins or with bad tokens are counted before they are refused', async (t) => {
    const app = await build(t);
    const call = (i: number) =>
      app.inject({
        url: '/v1/widget/session',
        remoteAddress: '192.0.2.20',
        headers: { origin: `https://unknown-${i}.example`, authorization: 'Bearer wst_nope' },
      });
    for (let i = 1; i <= HTTP_LIMITS.perMinute; i += 1) {
      assert.equal((await call(i)).statusCode, 403, `request ${i}`);
    }
    assertRateLimited(await call(0), 'perMinute', 'the flood is counted');
  });

  test('IPv6 clients are counted by their /64', async (t) => {
    const app = await build(t);
    const from = (remoteAddress: string) => app.inject({ url: LIMITED_ROUTE, remoteAddress });
    for (let i = 1; i <= HTTP_LIMITS.perMinute; i += 1) {
      // Every request from another address of the same /64.
      const response = await from(`2001:db8:1:2::${i.toString(16)}`);
      assert.equal(response.statusCode, 200, `request ${i}`);
    }
    assertRateLimited(await from('2001:db8:1:2:ffff::1'), 'perMinute', 'same /64');
    assert.equal((await from('2001:db8:1:3::1')).statusCode, 200, 'the next /64 is another client');
  });

  test('attack 3a: rotating X-Forwarded-For does not escape the send limit (TRUST_PROXY off)', async (t) => {
    const app = await build(t);
    // Two-factor is off for this user, so /step-up answers 409 without sending: the route is
    // still limited per client, which is all this test needs.
    const { widget, tenant } = await setupSession(app);
    const send = (forwardedFor: string, remoteAddress = '192.0.2.20') =>
      app.inject({
        method: 'POST',
        url: '/v1/widget/step-up',
        remoteAddress,
        headers: {
          authorization: `Bearer ${widget.token}`,
          origin: tenant.origin,
          'x-forwarded-for': forwardedFor,
        },
      });
    const responses: LightMyRequestResponse[] = [];
    for (let i = 1; i <= HTTP_LIMITS.sendsPerMinute; i += 1) {
      responses.push(await send(`203.0.113.${i}`));
    }
    assert.ok(
      statusesOf(responses).every((s) => s === 409),
      `under the limit: ${statusesOf(responses)}`,
    );
    assertRateLimited(await send('203.0.113.200'), 'sendsPerMinute', 'fresh XFF');
    assertRateLimited(await send('198.51.100.1, 203.0.113.201'), 'sendsPerMinute', 'XFF chain');
    const otherClient = await send('203.0.113.1', '192.0.2.21');
    assert.equal(otherClient.statusCode, 409, 'the limit is per connecting address');
  });

  /** Proves XFF is the client behind a trusted proxy at 10.0.0.1: separate counters per XFF. */
  async function assertForwardedForIsClient(app: TestApp) {
    const { widget, tenant } = await setupSession(app);
    const send = (forwardedFor: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/widget/step-up',
        remoteAddress: '10.0.0.1',
        headers: {
          authorization: `Bearer ${widget.token}`,
          origin: tenant.origin,
          'x-forwarded-for': forwardedFor,
        },
      });
    const rotating: LightMyRequestResponse[] = [];
    for (let i = 1; i <= HTTP_LIMITS.sendsPerMinute + 5; i += 1) {
      rotating.push(await send(`203.0.113.${i}`));
    }
    assert.ok(
      statusesOf(rotating).every((s) => s === 409),
      `each forwarded address should have its own counter: ${statusesOf(rotating)}`,
    );
    for (let i = 1; i <= HTTP_LIMITS.sendsPerMinute; i += 1) {
      assert.equal((await send('198.51.100.7')).statusCode, 409, `request ${i}`);
    }
    assertRateLimited(await send('198.51.100.7'), 'sendsPerMinute', 'same forwarded address');
    assert.equal((await send('198.51.100.8')).statusCode, 409);
  }

  test('with TRUST_PROXY=<the proxy address> the X-Forwarded-For address is the client (the test tells the two apart)', async (t) => {
    await assertForwardedForIsClient(await build(t, { TRUST_PROXY: '10.0.0.1' }));
  });

  test('TRUST_PROXY=1 (a hop count) is honoured or refused, never accepted and ignored', async (t) => {
    // Fastify >= 5.12.1 treats a numeric trustProxy as "trust nothing" (GHSA-3m5p-2c4r-xxw2).
    let app: TestApp;
    try {
      app = await build(t, { TRUST_PROXY: '1' });
    } catch (error) {
      assert.match(String(error), /TRUST_PROXY/, 'refused at start-up, naming the variable');
      return;
    }
    await assertForwardedForIsClient(app);
  });

  test('with TRUST_PROXY set to the proxy, a direct client still cannot pick its address', async (t) => {
    const app = await build(t, { TRUST_PROXY: '10.0.0.1' });
    const { widget, tenant } = await setupSession(app);
    const send = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/v1/widget/step-up',
        remoteAddress: '192.0.2.99',
        headers: {
          authorization: `Bearer ${widget.token}`,
          origin: tenant.origin,
          'x-forwarded-for': `203.0.113.${i}`,
        },
      });
    for (let i = 1; i <= HTTP_LIMITS.sendsPerMinute; i += 1) {
      assert.equal((await send(i)).statusCode, 409, `request ${i}`);
    }
    assertRateLimited(await send(250), 'sendsPerMinute', 'untrusted peer');
  });

  test('the send limit is one budget across every sending route (groupId "send")', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    // /phone/resend answers 400 (nothing to resend), /step-up 409 (two-factor off): neither
    // sends, both count. Alternated, the client gets sendsPerMinute in total, not per route.
    const routes = ['/phone/resend', '/step-up'];
    const statuses: number[] = [];
    for (let i = 0; i < HTTP_LIMITS.sendsPerMinute; i += 1) {
      statuses.push((await widget.post(routes[i % 2] as string)).statusCode);
    }
    assert.ok(
      statuses.every((s) => s === 400 || s === 409),
      `under the limit: ${statuses}`,
    );
    assertRateLimited(await widget.post('/phone/resend'), 'sendsPerMinute', 'resend');
    assertRateLimited(await widget.post('/step-up'), 'sendsPerMinute', 'step-up');
    assertRateLimited(
      await widget.post('/phone', { phone: FRENCH_MOBILE }),
      'sendsPerMinute',
      'phone',
    );
    assert.equal(app.outbox.list().length, 0, 'no SMS');
  });

  test('verify routes: past verifiesPerMinute from one address, 429', async (t) => {
    const app = await build(t);
    const { widget, tenant } = await setupSession(app);
    const verify = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/widget/phone/verify',
        remoteAddress,
        headers: { authorization: `Bearer ${widget.token}`, origin: tenant.origin },
        payload: { code: '000000' },
      });
    const statuses: number[] = [];
    for (let i = 1; i <= HTTP_LIMITS.verifiesPerMinute; i += 1) {
      statuses.push((await verify('192.0.2.30')).statusCode);
    }
    assert.ok(
      statuses.every((s) => s !== 429 && s < 500),
      `under the limit: ${statuses}`,
    );
    assertRateLimited(await verify('192.0.2.30'), 'verifiesPerMinute', 'verify');
    assert.notEqual((await verify('192.0.2.31')).statusCode, 429, 'another address');
  });

  test('unknown paths: past notFoundPerMinute from one address, 429 in the error shape', async (t) => {
    const app = await build(t);
    const probe = (i: number, remoteAddress = '192.0.2.40') =>
      app.inject({ url: `/probe-${i}/admin`, remoteAddress });
    for (let i = 1; i <= HTTP_LIMITS.notFoundPerMinute; i += 1) {
      const response = await probe(i);
      assert.equal(response.statusCode, 404, `probe ${i}`);
      assert.equal(response.json().error.code, 'not_found');
    }
    assertRateLimited(await probe(999), 'notFoundPerMinute', 'probing');
    const other = await probe(1, '192.0.2.41');
    assert.equal(other.statusCode, 404, 'another address is not limited');
    assert.equal(other.json().error.code, 'not_found');
    assert.equal(
      (await app.inject({ url: '/healthz', remoteAddress: '192.0.2.40' })).statusCode,
      200,
    );
  });
});
