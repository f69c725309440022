// The enrolment journey through the HTTP API alone, codes read from the dev outbox.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDatabase, makeTenant, mintSession, userRow } from '../helpers/build-app.ts';
import {
  enrol,
  FRENCH_MOBILE,
  latestSmsCode,
  setupSession,
  stepUp,
  widgetClient,
} from '../helpers/widget-client.ts';

describeEachDatabase('SMS enrolment', ({ build }) => {
  test('phone → code → two-factor on, with recovery codes shown once', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const sent = await widget.post('/phone', { country: 'FR', number: '06 12 34 56 78' });
    assert.equal(sent.statusCode, 200, sent.body);
    const body = sent.json();
    assert.equal(body.maskedPhone, '+33 •• •• •• 78');
    assert.equal(body.codeLength, 6);
    const resendIn = (Date.parse(body.resendAt) - Date.now()) / 1000;
    assert.ok(resendIn > 25 && resendIn <= 30, `first resend wait ${resendIn}`);
    const expiresIn = (Date.parse(body.expiresAt) - Date.now()) / 1000;
    assert.ok(expiresIn > 590 && expiresIn <= 600, `code lifetime ${expiresIn}`);

    const sms = app.outbox.list()[0];
    const host = new URL(tenant.origin).host;
    assert.match(
      sms?.body ?? '',
      new RegExp(
        `^\\d{6} is your Clinic \\d+ verification code\\. It expires in 10 minutes\\.\\n\\n@${host.replaceAll('.', '\\.')} #\\d{6}$`,
      ),
    );

    const verified = await widget.post('/phone/verify', { code: await latestSmsCode(app) });
    assert.equal(verified.statusCode, 200, verified.body);
    const { enabled, recoveryCodes } = verified.json();
    assert.equal(enabled, true);
    assert.equal(recoveryCodes.length, 10);
    for (const code of recoveryCodes)
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.equal(new Set(recoveryCodes).size, 10);

    const session = (await widget.get('/session')).json();
    assert.equal(session.twoFactor.enabled, true);
    assert.equal(session.twoFactor.maskedPhone, '+33 •• •• •• 78');
    assert.equal(session.twoFactor.recoveryCodesRemaining, 10);

    const status = await app.inject({
      url: `/v1/users/${userId}`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    assert.deepEqual(status.json().twoFactor.phone, { masked: '+33 •• •• •• 78', country: 'FR' });
    assert.equal(status.json().twoFactor.enabled, true);
    assert.equal(status.json().recoveryCodesRemaining, 10);

    const events = await app.inject({
      url: `/v1/users/${userId}/events`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    const types = events.json().events.map((e: { type: string }) => e.type);
    assert.deepEqual(types, ['two_factor.enabled', 'sms.sent']);
    assert.equal(events.json().events[0].ip, '127.0.0.1');
  });

  test('the SMS is in the session language', async (t) => {
    const app = await build(t);
    const { tenant } = await setupSession(app);
    const token = await mintSession(app, tenant, {
      userId: 'fr',
      purpose: 'setup',
      locale: 'fr-FR',
    });
    const widget = widgetClient(app, token, tenant.origin);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    assert.match(
      app.outbox.list()[0]?.body ?? '',
      /^\d{6} est votre code de vérification Clinic \d+\. Il expire dans 10 minutes\./,
    );
  });

  test('the tenant sets how many recovery codes a set has', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app, { recoveryCodeCount: 1 });
    assert.equal((await enrol(app, widget)).length, 1);
  });

  test('enrolling again while on is a change of phone: refused without step-up', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    await enrol(app, widget);
    const again = await widget.post('/phone', { phone: '+33698765432' });
    assert.equal(again.statusCode, 403);
    assert.equal(again.json().error.code, 'step_up_required');
  });

  const refusals: [string, object, Record<string, unknown>, number, string][] = [
    ['letters', { phone: '+33abcdefgh' }, {}, 422, 'invalid_phone'],
    ['a short number', { phone: '+3361' }, {}, 422, 'invalid_phone'],
    [
      'a country outside the allow-list',
      { phone: '+4915123456789' },
      { allowedCountries: ['FR'] },
      422,
      'country_not_allowed',
    ],
    ['a premium-rate number', { phone: '+33899123456' }, {}, 422, 'phone_type_not_allowed'],
    ['a fixed line', { phone: '+33123456789' }, {}, 422, 'phone_type_not_allowed'],
    ['both forms at once', { phone: FRENCH_MOBILE, country: 'FR' }, {}, 400, 'invalid_request'],
    ['an unknown field', { phone: FRENCH_MOBILE, channel: 'voice' }, {}, 400, 'invalid_request'],
  ];
  for (const [name, body, settings, status, code] of refusals) {
    test(`refuses ${name} (${code}) without sending anything`, async (t) => {
      const app = await build(t);
      const { tenant, widget } = await setupSession(app, settings);
      const response = await widget.post('/phone', body);
      assert.equal(response.statusCode, status, response.body);
      assert.equal(response.json().error.code, code);
      assert.equal(app.outbox.list().length, 0, 'no SMS');
      const factors = await app.db
        .selectFrom('phone_factors')
        .select('id')
        .where('tenant_id', '=', tenant.tenantId)
        .execute();
      assert.equal(factors.length, 0, 'no phone stored');
    });
  }

  test('a sign-in or verify-email session cannot enrol', async (t) => {
    const app = await build(t);
    const { tenant } = await setupSession(app);
    for (const purpose of ['sign-in', 'verify-email']) {
      const token = await mintSession(app, tenant, {
        userId: 'u',
        purpose,
        email: 'u@mail.example',
      });
      const widget = widgetClient(app, token, tenant.origin);
      for (const [method, url] of [
        ['post', '/phone'],
        ['post', '/step-up'],
        ['get', '/recovery-codes'],
      ] as const) {
        const response =
          method === 'post'
            ? await widget.post(url, url === '/phone' ? { phone: FRENCH_MOBILE } : undefined)
            : await widget.get(url);
        assert.equal(response.statusCode, 403, `${purpose} ${url}`);
        assert.equal(response.json().error.code, 'wrong_purpose');
      }
    }
    assert.equal(app.outbox.list().length, 0);
  });

  test('the phone is stored encrypted, with a blind index, never in clear', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    await enrol(app, widget);
    const rows = await app.db
      .selectFrom('phone_factors')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.equal(rows.length, 1);
    const dump = JSON.stringify(rows);
    assert.ok(!dump.includes('612345678'), 'no digits of the number in the row');
    assert.match(rows[0]?.phone_encrypted ?? '', /^v2\.[0-9a-f]{12}\./, 'sealed, naming its key');
  });

  test('a tenant may shorten the code lifetime, never lengthen it past 10 minutes', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app, { codeLifetimeMinutes: 3 });
    const sent = await widget.post('/phone', { phone: FRENCH_MOBILE });
    const lifetime = (Date.parse(sent.json().expiresAt) - Date.now()) / 1000;
    assert.ok(lifetime > 170 && lifetime <= 180, `lifetime ${lifetime}`);
    assert.match(app.outbox.list()[0]?.body ?? '', /It expires in 3 minutes\./);
    await assert.rejects(setupSession(app, { codeLifetimeMinutes: 11 }), /codeLifetimeMinutes/);
  });

  test('two-factor keeps its date when the phone changes', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    const status = async () =>
      (
        await app.inject({
          url: `/v1/users/${userId}`,
          headers: { authorization: `Bearer ${tenant.secretKey}` },
        })
      ).json();
    const enabledAt = (await status()).twoFactor.enabledAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stepUp(app, widget);
    await widget.post('/phone', { phone: '+33698765432' });
    await widget.post('/phone/verify', { code: await latestSmsCode(app, '+33698765432') });
    const after = await status();
    assert.equal(after.twoFactor.phone.masked, '+33 •• •• •• 32');
    assert.equal(after.twoFactor.enabledAt, enabledAt);
  });

  // Turning two-factor on writes the phone, the codes and the record in one statement, built
  // with a notice and without one: both shapes, each written whole.
  test('turning on with and without an address: the codes, the event, and a notice only to an address', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    for (const email of ['patient@mail.example', undefined]) {
      const userId = email ? 'with-address' : 'without-address';
      const token = await mintSession(app, tenant, { userId, purpose: 'setup', email });
      const widget = widgetClient(app, token, tenant.origin);
      const codes = await enrol(app, widget);
      assert.equal(codes.length, 10);
      const user = await userRow(app, tenant.tenantId, userId);
      const set = await app.db
        .selectFrom('recovery_code_sets')
        .select(['code_hashes', 'codes_sealed'])
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.equal(set.code_hashes.length, 10);
      assert.ok(set.codes_sealed, 'viewable codes are sealed');
      const events = await app.db
        .selectFrom('audit_events')
        .select('type')
        .where('tenant_id', '=', tenant.tenantId)
        .where('user_id', '=', user.id)
        .execute();
      assert.ok(events.some((event) => event.type === 'two_factor.enabled'));
      await app.notices.drain();
      const sent = app.outbox
        .list()
        .filter((message) => message.channel === 'email' && message.to === email);
      assert.equal(sent.length, email ? 1 : 0, `${userId}: a notice only to an address`);
    }
  });
});
