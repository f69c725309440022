// Defends docs/security.md "SMS pumping and cost" and attack test 9: every limit refuses before the
// provider is called (zero requests reach the fake Plivo API), holds under 50 parallel requests,
// and is recorded so the tenant can see the attack.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { runCommand } from '../../server/cli/commands.ts';
import { ipKey } from '../../server/services/send-limits.ts';
import { startFakePlivo } from '../fakes/plivo.ts';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';

type Fake = Awaited<ReturnType<typeof startFakePlivo>>;

test('client addresses: IPv6 counts by /64, IPv4-mapped as IPv4', () => {
  assert.equal(ipKey('2001:db8:0:0:1::1'), '2001:db8:0:0::/64');
  assert.equal(ipKey('2001:db8::ffff'), '2001:db8:0:0::/64');
  assert.equal(ipKey('2001:DB8:0:1::1'), '2001:db8:0:1::/64');
  assert.equal(ipKey('::ffff:192.0.2.7'), '192.0.2.7');
  assert.equal(ipKey('192.0.2.7'), '192.0.2.7');
  assert.equal(ipKey(null), null);
});

describeEachDatabase('send limits', ({ build }) => {
  let fake: Fake;
  before(async () => {
    fake = await startFakePlivo();
  });
  after(() => fake.close());

  async function app(t: Parameters<typeof build>[0]) {
    fake.reset();
    return build(t, {
      PLIVO_AUTH_ID: fake.authId,
      PLIVO_AUTH_TOKEN: fake.authToken,
      PLIVO_SENDER: 'Clinic',
      PLIVO_API_URL: fake.url,
    });
  }

  let users = 0;
  /** A new user's setup session sends a code to `phone` from `ip`. */
  async function send(
    server: FastifyInstance,
    tenant: Awaited<ReturnType<typeof makeTenant>>,
    phone: string,
    ip = '192.0.2.1',
  ) {
    users += 1;
    const token = await mintSession(server, tenant, { userId: `user-${users}`, purpose: 'setup' });
    return server.inject({
      method: 'POST',
      url: '/v1/widget/phone',
      remoteAddress: ip,
      headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
      payload: { phone },
    });
  }

  async function refusals(server: FastifyInstance, tenant: { secretKey: string }) {
    const response = await server.inject({
      url: '/v1/refusals',
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    return response.json().refusals as {
      limit: string;
      userId: string;
      details: Record<string, unknown>;
    }[];
  }

  function assertRefused(
    response: { statusCode: number; json(): { error: { code: string; limit?: string } } },
    code: string,
    limit?: string,
  ) {
    assert.equal(
      response.statusCode,
      code === 'rate_limited' ? 429 : 422,
      JSON.stringify(response.json()),
    );
    assert.equal(response.json().error.code, code);
    if (limit) assert.equal(response.json().error.limit, limit);
  }

  test('attack 9: a disallowed country and a premium-rate number make no provider call', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server, { allowedCountries: ['FR'] });
    assertRefused(await send(server, tenant, '+4915123456789'), 'country_not_allowed');
    assertRefused(await send(server, tenant, '+33899123456'), 'phone_type_not_allowed');
    assertRefused(await send(server, tenant, '+33800123456'), 'phone_type_not_allowed');
    assert.equal(fake.requests.length, 0);
    assert.deepEqual(
      (await refusals(server, tenant)).map((r) => r.limit),
      ['number-type', 'number-type', 'country'],
    );
  });

  test('attack 9: an over-limit resend makes no provider call', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server);
    const token = await mintSession(server, tenant, { userId: 'resender', purpose: 'setup' });
    const headers = { authorization: `Bearer ${token}`, origin: tenant.origin };
    assert.equal(
      (
        await server.inject({
          method: 'POST',
          url: '/v1/widget/phone',
          headers,
          payload: { phone: '+33612345678' },
        })
      ).statusCode,
      200,
    );
    const resend = await server.inject({ method: 'POST', url: '/v1/widget/phone/resend', headers });
    assertRefused(resend, 'rate_limited');
    assert.ok(Number(resend.headers['retry-after']) > 0);
    assert.equal(fake.requests.length, 1);
    assert.equal((await refusals(server, tenant))[0]?.limit, 'resend-wait');
  });

  test('attack 9: a spent daily budget fails closed, with an audit event', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server, { dailySmsBudget: 2 });
    assert.equal((await send(server, tenant, '+33612345678', '192.0.2.1')).statusCode, 200);
    assert.equal((await send(server, tenant, '+33698765432', '192.0.2.2')).statusCode, 200);
    const spent = await send(server, tenant, '+33611223344', '192.0.2.3');
    assertRefused(spent, 'rate_limited', 'daily-budget');
    assert.match(spent.json().error.message, /today/);
    assert.equal(fake.requests.length, 2);
    assert.equal((await refusals(server, tenant))[0]?.limit, 'daily-budget');
  });

  test('attack 9: a hot prefix (numbers differing in their last 4 digits) is cut off', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server, { smsPerPrefixPerHour: 3 });
    for (const [i, suffix] of ['0001', '0002', '0003'].entries()) {
      assert.equal(
        (await send(server, tenant, `+3361234${suffix}`, `192.0.2.${i + 1}`)).statusCode,
        200,
      );
    }
    assertRefused(
      await send(server, tenant, '+33612340004', '192.0.2.9'),
      'rate_limited',
      'per-prefix',
    );
    assert.equal(
      (await send(server, tenant, '+33698760001', '192.0.2.10')).statusCode,
      200,
      'another prefix is fine',
    );
    assert.equal(fake.requests.length, 4);
  });

  /** Sends an enrolment code to a number from one setup session of `userId`. */
  async function enrolmentSender(
    server: FastifyInstance,
    tenant: Awaited<ReturnType<typeof makeTenant>>,
    userId: string,
  ) {
    const token = await mintSession(server, tenant, { userId, purpose: 'setup' });
    return (phone: string) =>
      server.inject({
        method: 'POST',
        url: '/v1/widget/phone',
        headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
        payload: { phone },
      });
  }

  test('a corrected number is sent at once: the resend wait is per number', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server, { codesPerUserPerHour: 3 });
    const post = await enrolmentSender(server, tenant, 'mistyped');
    assert.equal((await post('+33612345670')).statusCode, 200);
    const corrected = await post('+33612345678');
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.equal(fake.requests.at(-1)?.body?.dst, '+33612345678', "the corrected number's code");
    const again = await post('+33612345678');
    assertRefused(again, 'rate_limited');
    assert.ok(again.json().error.resendAt, "the corrected number's own wait");
    assert.equal((await post('+33698765432')).statusCode, 200);
    assertRefused(await post('+33611223344'), 'rate_limited', 'per-user');
    assert.equal(fake.requests.length, 3);
    assert.deepEqual(
      (await refusals(server, tenant)).map((r) => r.limit),
      ['per-user', 'resend-wait'],
    );
  });

  test('going back to a number keeps its wait: switching numbers does not reset it', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server);
    const post = await enrolmentSender(server, tenant, 'switching');
    assert.equal((await post('+33612345670')).statusCode, 200);
    assert.equal((await post('+33612345678')).statusCode, 200);
    const back = await post('+33612345670');
    assertRefused(back, 'rate_limited');
    const { retryAfter } = back.json().error;
    assert.ok(retryAfter > 0 && retryAfter <= 30, `the first number's 30 s wait, ${retryAfter}`);
    assert.equal(fake.requests.length, 2);
  });

  test('per number: 5 sends in 10 minutes, whoever asks', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server);
    for (let i = 1; i <= 5; i += 1)
      assert.equal((await send(server, tenant, '+33612345678', `192.0.2.${i}`)).statusCode, 200);
    assertRefused(
      await send(server, tenant, '+33612345678', '192.0.2.6'),
      'rate_limited',
      'per-number',
    );
    assert.equal(fake.requests.length, 5);
  });

  test('per user, per country and per client address (IPv6 by /64)', async (t) => {
    const server = await app(t);
    const perCountry = await makeTenant(server, { smsPerCountryPerHour: 2 });
    assert.equal((await send(server, perCountry, '+33612345678', '192.0.2.1')).statusCode, 200);
    assert.equal((await send(server, perCountry, '+33698765432', '192.0.2.2')).statusCode, 200);
    assertRefused(
      await send(server, perCountry, '+33611223344', '192.0.2.3'),
      'rate_limited',
      'per-country',
    );

    const perIp = await makeTenant(server, { codesPerIpPerHour: 2 });
    assert.equal((await send(server, perIp, '+33612345678', '2001:db8::1')).statusCode, 200);
    assert.equal((await send(server, perIp, '+33698765432', '2001:db8::2')).statusCode, 200);
    assertRefused(
      await send(server, perIp, '+33611223344', '2001:db8::ffff:1'),
      'rate_limited',
      'per-ip',
    );
    assert.equal(
      (await send(server, perIp, '+33611223344', '2001:db8:0:1::1')).statusCode,
      200,
      'another /64',
    );

    const perUser = await makeTenant(server, { codesPerUserPerHour: 1 });
    const token = await mintSession(server, perUser, { userId: 'busy', purpose: 'setup' });
    const post = (ip: string) =>
      server.inject({
        method: 'POST',
        url: '/v1/widget/phone',
        remoteAddress: ip,
        headers: { authorization: `Bearer ${token}`, origin: perUser.origin },
        payload: { phone: '+33612345678' },
      });
    assert.equal((await post('192.0.2.1')).statusCode, 200);
    const second = await mintSession(server, perUser, { userId: 'busy', purpose: 'setup' });
    const again = await server.inject({
      method: 'POST',
      url: '/v1/widget/phone',
      remoteAddress: '192.0.2.2',
      headers: { authorization: `Bearer ${second}`, origin: perUser.origin },
      payload: { phone: '+33612345678' },
    });
    assertRefused(again, 'rate_limited', 'per-user');
    assert.equal(fake.requests.length, 2 + 3 + 1);
  });

  test('limits hold under 50 parallel requests: exactly 5 reach the provider', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(server, tenant, '+33612345678', `198.51.100.${i + 1}`),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 200).length, 5, `statuses ${statuses}`);
    assert.equal(statuses.filter((s) => s === 429).length, 45);
    assert.equal(fake.requests.length, 5);
    assert.equal((await refusals(server, tenant)).length, 45);
  });

  test('the tenant sees refusals through the CLI too', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server, { allowedCountries: ['FR'] });
    await send(server, tenant, '+4915123456789');
    let output = '';
    await runCommand(['tenant', 'refusals', '--tenant', tenant.tenantId], server.db, (text) => {
      output += text;
    });
    assert.match(output, /country\s+user user-\d+\s+ip 192\.0\.2\.1/);
  });

  test('narrowing the allowed countries stops codes to numbers enrolled before', async (t) => {
    const server = await app(t);
    const tenant = await makeTenant(server);
    const token = await mintSession(server, tenant, { userId: 'enrolled', purpose: 'setup' });
    const headers = { authorization: `Bearer ${token}`, origin: tenant.origin };
    await server.inject({
      method: 'POST',
      url: '/v1/widget/phone',
      headers,
      payload: { phone: '+33612345678' },
    });
    const code = fake.requests.at(-1)?.body?.text?.match(/#(\d{6})$/)?.[1];
    assert.equal(
      (
        await server.inject({
          method: 'POST',
          url: '/v1/widget/phone/verify',
          headers,
          payload: { code },
        })
      ).statusCode,
      200,
    );
    await runCommand(
      ['tenant', 'set', '--tenant', tenant.tenantId, '--allowed-countries', 'DE'],
      server.db,
      () => {},
    );
    const signIn = await mintSession(server, tenant, { userId: 'enrolled', purpose: 'sign-in' });
    const refused = await server.inject({
      method: 'POST',
      url: '/v1/widget/challenge',
      headers: { authorization: `Bearer ${signIn}`, origin: tenant.origin },
    });
    assertRefused(refused, 'country_not_allowed');
    assert.equal(fake.requests.length, 1, 'no SMS after the enrolment one');
    assert.equal((await refusals(server, tenant))[0]?.limit, 'country');
  });
});
