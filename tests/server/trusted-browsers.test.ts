// Defends docs/security.md "Trust cookie" and attack test 8: the cookie's exact attributes, only its
// hash stored, and after every revoking event the old cookie is asked for a code again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, mintSession } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  latestSmsCode,
  setupSession,
  stepUp,
  widgetClient,
} from '../helpers/widget-client.ts';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

async function enrolled(app: FastifyInstance, settings: Record<string, unknown> = {}) {
  const { tenant, widget, userId } = await setupSession(app, settings, 'trusting');
  const recoveryCodes = await enrol(app, widget);
  return { tenant, userId, setup: widget, recoveryCodes };
}

type Enrolled = Awaited<ReturnType<typeof enrolled>>;

/** Signs in with the SMS code, asking to trust the browser; returns the Set-Cookie header. */
async function signInTrusting(app: FastifyInstance, { tenant, userId }: Enrolled) {
  const widget = await challengeSession(app, tenant, { userId });
  await widget.post('/challenge', undefined, { 'user-agent': CHROME_MAC });
  const response = await widget.post(
    '/challenge/verify',
    { code: await latestSmsCode(app), trustBrowser: true },
    { 'user-agent': CHROME_MAC },
  );
  assert.equal(response.json().status, 'verified', response.body);
  return { setCookie: String(response.headers['set-cookie'] ?? ''), cookie: response.cookies[0] };
}

/** What POST /challenge answers for a browser presenting `cookie`. */
async function startWithCookie(app: FastifyInstance, { tenant, userId }: Enrolled, cookie: string) {
  const widget = await challengeSession(app, tenant, { userId });
  return (
    await widget.post('/challenge', undefined, { cookie: `__Host-tfa_trust=${cookie}` })
  ).json();
}

describeEachDatabase('trusted browsers', ({ build }) => {
  test('the cookie has exactly the attributes of docs/security.md, and only its hash is stored', async (t) => {
    const app = await build(t);
    const user = await enrolled(app);
    const { setCookie, cookie } = await signInTrusting(app, user);
    assert.match(setCookie, /^__Host-tfa_trust=[A-Za-z0-9_-]{43}; /);
    const attributes = setCookie
      .split('; ')
      .slice(1)
      .map((a) => a.split('=')[0])
      .sort();
    assert.deepEqual(attributes, [
      'Expires',
      'HttpOnly',
      'Partitioned',
      'Path',
      'SameSite',
      'Secure',
    ]);
    assert.match(setCookie, /; Path=\/(;|$)/);
    assert.match(setCookie, /; SameSite=None(;|$)/);
    assert.ok(!/Domain=/i.test(setCookie));
    assert.ok(setCookie.length < 4096);
    const days =
      (Date.parse(/Expires=([^;]+)/.exec(setCookie)?.[1] ?? '') - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
    const rows = await app.db
      .selectFrom('trusted_browsers')
      .selectAll()
      .where('tenant_id', '=', user.tenant.tenantId)
      .execute();
    assert.equal(rows.length, 1);
    assert.ok(
      !JSON.stringify(rows).includes(cookie?.value ?? 'missing'),
      'cookie value not stored',
    );
    assert.equal(rows[0]?.label, 'Chrome on macOS');
  });

  test('a trusted browser is verified at once, and is listed for the user', async (t) => {
    const app = await build(t);
    const user = await enrolled(app);
    const { cookie } = await signInTrusting(app, user);
    const smsBefore = app.outbox.list().filter((m) => m.channel === 'sms').length;
    const started = await startWithCookie(app, user, cookie?.value ?? '');
    assert.equal(started.status, 'verified');
    assert.equal(started.via, 'trusted-browser');
    assert.equal(
      app.outbox.list().filter((m) => m.channel === 'sms').length,
      smsBefore,
      'no SMS sent',
    );
    const status = await app.inject({
      url: `/v1/users/${user.userId}`,
      headers: { authorization: `Bearer ${user.tenant.secretKey}` },
    });
    assert.equal(status.json().trustedBrowsers, 1);
    const list = await user.setup.get('/trusted-browsers');
    assert.equal(list.json().browsers.length, 1);
    const withCookie = await app.inject({
      url: '/v1/widget/trusted-browsers',
      headers: {
        authorization: `Bearer ${user.setup.token}`,
        origin: user.tenant.origin,
        cookie: `__Host-tfa_trust=${cookie?.value}`,
      },
    });
    assert.equal(withCookie.json().browsers[0].current, true);
    assert.equal(list.json().browsers[0].current, false);
    assert.equal(withCookie.json().browsers[0].label, 'Chrome on macOS');
  });

  test('no trust offered when the tenant turned it off, nor for an unknown or expired cookie', async (t) => {
    const app = await build(t);
    const off = await enrolled(app, { trustBrowserDays: 0 });
    const { setCookie } = await signInTrusting(app, off);
    assert.equal(setCookie, '', 'no cookie when trust days are 0');
    const user = await enrolled(app);
    assert.equal((await startWithCookie(app, user, 'A'.repeat(43))).status, 'pending');
    const { cookie } = await signInTrusting(app, user);
    await app.db
      .updateTable('trusted_browsers')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('tenant_id', '=', user.tenant.tenantId)
      .execute();
    assert.equal(
      (await startWithCookie(app, user, cookie?.value ?? '')).status,
      'pending',
      'expired trust',
    );
  });

  test("one user's trust cookie does not sign in another user of the same site", async (t) => {
    const app = await build(t);
    const user = await enrolled(app);
    const { cookie } = await signInTrusting(app, user);
    const otherSetup = widgetClient(
      app,
      await mintSession(app, user.tenant, { userId: 'other', purpose: 'setup' }),
      user.tenant.origin,
    );
    await enrol(app, otherSetup, '+33698765432');
    const other = { ...user, userId: 'other' };
    const started = await startWithCookie(app, other, cookie?.value ?? '');
    assert.equal(started.status, 'pending', JSON.stringify(started));
    assert.equal(started.step, 'sms');
    assert.equal(
      (await startWithCookie(app, user, cookie?.value ?? '')).status,
      'verified',
      'still its own user',
    );
  });

  const revokingEvents: [string, (app: FastifyInstance, user: Enrolled) => Promise<void>][] = [
    [
      'disabling two-factor',
      async (app, user) => {
        await stepUp(app, user.setup);
        assert.equal((await user.setup.delete('/two-factor')).statusCode, 204);
        await enrol(
          app,
          widgetClient(
            app,
            await mintSession(app, user.tenant, { userId: user.userId, purpose: 'setup' }),
            user.tenant.origin,
          ),
        );
      },
    ],
    [
      'changing the phone',
      async (app, user) => {
        await stepUp(app, user.setup);
        await user.setup.post('/phone', { phone: '+33698765432' });
        assert.equal(
          (
            await user.setup.post('/phone/verify', {
              code: await latestSmsCode(app, '+33698765432'),
            })
          ).json().phoneChanged,
          true,
        );
      },
    ],
    [
      'signing in with a recovery code',
      async (app, user) => {
        const widget = await challengeSession(app, user.tenant, { userId: user.userId });
        assert.equal(
          (await widget.post('/challenge/recovery', { recoveryCode: user.recoveryCodes[0] }))
            .statusCode,
          200,
        );
      },
    ],
    [
      'a step-up with a recovery code',
      async (_app, user) => {
        assert.equal(
          (await user.setup.post('/step-up/verify', { recoveryCode: user.recoveryCodes[1] }))
            .statusCode,
          200,
        );
      },
    ],
    [
      "the partner's revoke call (password change)",
      async (app, user) => {
        const response = await app.inject({
          method: 'DELETE',
          url: `/v1/users/${user.userId}/trusted-browsers`,
          headers: { authorization: `Bearer ${user.tenant.secretKey}` },
        });
        assert.equal(response.statusCode, 204);
      },
    ],
    [
      "the partner's support reset",
      async (app, user) => {
        await app.inject({
          method: 'DELETE',
          url: `/v1/users/${user.userId}/two-factor`,
          headers: { authorization: `Bearer ${user.tenant.secretKey}` },
        });
        await enrol(
          app,
          widgetClient(
            app,
            await mintSession(app, user.tenant, { userId: user.userId, purpose: 'setup' }),
            user.tenant.origin,
          ),
        );
      },
    ],
    [
      'the user revoking that browser',
      async (_app, user) => {
        const [browser] = (await user.setup.get('/trusted-browsers')).json().browsers;
        assert.equal((await user.setup.delete(`/trusted-browsers/${browser.id}`)).statusCode, 204);
      },
    ],
    [
      'the user revoking every browser',
      async (_app, user) => {
        assert.equal((await user.setup.delete('/trusted-browsers')).statusCode, 204);
      },
    ],
  ];
  for (const [name, revoke] of revokingEvents) {
    test(`attack 8: after ${name}, the old cookie is asked for a code again`, async (t) => {
      const app = await build(t);
      const user = await enrolled(app);
      const { cookie } = await signInTrusting(app, user);
      assert.equal(
        (await startWithCookie(app, user, cookie?.value ?? '')).status,
        'verified',
        'trusted before',
      );
      await app.db
        .updateTable('verification_codes')
        .set({ resend_at: new Date(0) })
        .where('tenant_id', '=', user.tenant.tenantId)
        .execute();
      await revoke(app, user);
      const after = await startWithCookie(app, user, cookie?.value ?? '');
      assert.equal(after.status, 'pending', `after ${name}: ${JSON.stringify(after)}`);
      assert.equal(after.step, 'sms');
    });
  }

  test('revoking an unknown browser id answers not_found', async (t) => {
    const app = await build(t);
    const user = await enrolled(app);
    const response = await user.setup.delete(
      '/trusted-browsers/00000000-0000-4000-8000-000000000000',
    );
    assert.equal(response.statusCode, 404);
    assert.equal((await user.setup.delete('/trusted-browsers/not-a-uuid')).statusCode, 400);
  });

  test('with Redis down, a trusted browser still signs in (nothing is sent)', async (t) => {
    const app = await build(t);
    const user = await enrolled(app);
    const { cookie } = await signInTrusting(app, user);
    const outage = await build(t, { REDIS_URL: 'redis://127.0.0.1:1' });
    const widget = await challengeSession(outage, user.tenant, { userId: user.userId });
    const trusted = await widget.post('/challenge', undefined, {
      cookie: `__Host-tfa_trust=${cookie?.value}`,
    });
    assert.equal(trusted.statusCode, 200, trusted.body);
    assert.equal(trusted.json().via, 'trusted-browser');
    const other = await challengeSession(outage, user.tenant, { userId: user.userId });
    const needsCode = await other.post('/challenge');
    assert.equal(needsCode.statusCode, 503, 'a code would have to be sent');
    assert.equal(needsCode.json().error.code, 'unavailable');
  });
});
