// Defends docs/security.md "Authenticator app": enrolment confirms the secret with its first code,
// the first method brings recovery codes and a second needs a step-up, the tenant decides which
// methods may be turned on, the secret is stored sealed and never logged, and removing the last
// method is refused (disable is the way).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appCode, enrolApp, grantStepUp, partnerStatus } from '../helpers/authenticator-app.ts';
import { describeEachDatabase, makeTenant, mintSession, userRow } from '../helpers/build-app.ts';
import { enrol, setupSession, stepUp, widgetClient } from '../helpers/widget-client.ts';

describeEachDatabase('authenticator app: enrolment', ({ build }) => {
  test('the app as the first method: secret, URI, first code, recovery codes, session view', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const before = (await widget.get('/session')).json();
    const issuer = before.tenant.name;
    assert.deepEqual(before.allowedMethods, ['sms', 'totp']);
    assert.deepEqual(before.twoFactor.methods, []);
    assert.equal(before.twoFactor.preferredMethod, null);
    assert.equal(before.twoFactor.totpAddedAt, null);

    const started = await widget.post('/totp', {});
    assert.equal(started.statusCode, 200, started.body);
    const secret = started.json();
    assert.match(secret.secret, /^[A-Z2-7]{32}$/);
    assert.equal(secret.issuer, issuer);
    assert.equal(secret.accountName, `${userId}@mail.example`);
    assert.deepEqual([secret.digits, secret.period, secret.algorithm], [6, 30, 'SHA1']);
    assert.equal(
      secret.otpauthUri,
      `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(secret.accountName)}?secret=${secret.secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`,
    );

    const wrong = await widget.post('/totp/verify', { code: appCode(secret.secret, 5) });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().error.code, 'invalid_code');
    assert.equal(wrong.json().error.attemptsRemaining, 9);

    const confirmed = await widget.post('/totp/verify', { code: appCode(secret.secret) });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().enabled, true);
    assert.equal(confirmed.json().recoveryCodes.length, 10);

    const view = (await widget.get('/session')).json();
    assert.equal(view.twoFactor.enabled, true);
    assert.deepEqual(view.twoFactor.methods, ['totp']);
    assert.equal(view.twoFactor.preferredMethod, 'totp');
    assert.equal(view.twoFactor.maskedPhone, null);
    assert.match(view.twoFactor.totpAddedAt, /^\d{4}-\d\d-\d\dT/);
    assert.equal(view.twoFactor.enabledAt, view.twoFactor.totpAddedAt);
    assert.equal(view.twoFactor.recoveryCodesRemaining, 10);

    const status = await partnerStatus(app, tenant, userId);
    assert.equal(status.twoFactor.enabled, true);
    assert.deepEqual(status.twoFactor.methods, ['totp']);
    assert.equal(status.twoFactor.preferredMethod, 'totp');
    assert.equal(status.twoFactor.phone, null);
    assert.equal(status.twoFactor.totp.addedAt, view.twoFactor.totpAddedAt);
    assert.equal(status.recoveryCodesRemaining, 10);

    const again = await widget.post('/totp');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'already_enabled');
  });

  test('no pending app answers like a wrong code, and counts', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    const answer = await widget.post('/totp/verify', { code: '123456' });
    assert.equal(answer.statusCode, 422);
    assert.deepEqual(answer.json().error, {
      code: 'invalid_code',
      message: 'That code is not right.',
      attemptsRemaining: 9,
    });
  });

  test('the confirming code sent twice (a double submit) is answered, not counted', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const { secret } = (await widget.post('/totp')).json();
    const code = appCode(secret);
    assert.equal((await widget.post('/totp/verify', { code })).statusCode, 200);
    const again = await widget.post('/totp/verify', { code });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'already_verified');
    const wrong = await widget.post('/totp/verify', {
      code: code === '000000' ? '111111' : '000000',
    });
    assert.equal(wrong.json().error.code, 'invalid_code');
    assert.equal(wrong.json().error.attemptsRemaining, 9, 'only the wrong code counted');
    const user = await userRow(app, tenant.tenantId, userId);
    assert.equal(user.failed_attempts, 1);
  });

  test('a restart replaces the pending secret: the first one no longer confirms', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    const first = (await widget.post('/totp')).json().secret;
    const second = (await widget.post('/totp')).json().secret;
    assert.notEqual(first, second);
    const old = await widget.post('/totp/verify', { code: appCode(first) });
    assert.equal(old.statusCode, 422);
    const fresh = await widget.post('/totp/verify', { code: appCode(second) });
    assert.equal(fresh.statusCode, 200, fresh.body);
  });

  test('the app as a second method: step-up first, methodAdded, recovery codes kept', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const codes = await enrol(app, widget);
    const refused = await widget.post('/totp');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'step_up_required');

    await stepUp(app, widget);
    const secret = (await widget.post('/totp')).json().secret;
    const added = await widget.post('/totp/verify', { code: appCode(secret) });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(added.json(), { methodAdded: 'totp' });

    const view = (await widget.get('/session')).json();
    assert.deepEqual(view.twoFactor.methods, ['sms', 'totp']);
    assert.equal(view.twoFactor.preferredMethod, 'totp', 'the confirmed app is preferred');
    assert.equal(view.twoFactor.maskedPhone, '+33 •• •• •• 78');
    assert.equal(view.twoFactor.recoveryCodesRemaining, codes.length, 'the same set');
    const events = await app.inject({
      url: `/v1/users/${userId}/events`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    assert.ok(events.json().events.some((e: { type: string }) => e.type === 'totp.added'));
  });

  test('starting the app takes no body but {}: unknown fields are refused', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    for (const body of [{ a: 1 }, []]) {
      const refused = await widget.post('/totp', body);
      assert.equal(refused.statusCode, 400, JSON.stringify(body));
      assert.equal(refused.json().error.code, 'invalid_request');
    }
    assert.equal((await widget.post('/totp')).statusCode, 200, 'no body');
    assert.equal((await widget.post('/totp', {})).statusCode, 200, '{}');
  });

  test('a phone code pending when the app turned two-factor on is resent only after a step-up', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    assert.equal((await widget.post('/phone', { phone: '+33612345678' })).statusCode, 200);
    await enrolApp(widget);
    const resend = await widget.post('/phone/resend');
    assert.equal(resend.statusCode, 403, resend.body);
    assert.equal(resend.json().error.code, 'step_up_required');
  });

  test('a second method confirmed after the step-up lapsed is refused', async (t) => {
    const app = await build(t);
    const { widget, tenant } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    const secret = (await widget.post('/totp')).json().secret;
    await grantStepUp(app, tenant.tenantId, -1000);
    const late = await widget.post('/totp/verify', { code: appCode(secret) });
    assert.equal(late.statusCode, 403);
    assert.equal(late.json().error.code, 'step_up_required');
  });

  test('a method the tenant does not offer cannot be turned on (403, nothing enrolled)', async (t) => {
    const app = await build(t);
    const { widget, tenant, userId } = await setupSession(app, { methods: ['sms'] });
    assert.deepEqual((await widget.get('/session')).json().allowedMethods, ['sms']);
    const refused = await widget.post('/totp');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'method_not_allowed');
    const rows = await app.db
      .selectFrom('totp_factors')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.equal(rows.length, 0);
    assert.equal((await partnerStatus(app, tenant, userId)).twoFactor.enabled, false);

    const appOnlyTenant = await setupSession(app, { methods: ['totp'] }, 'other');
    const phone = await appOnlyTenant.widget.post('/phone', { phone: '+33612345678' });
    assert.equal(phone.statusCode, 403);
    assert.equal(phone.json().error.code, 'method_not_allowed');
  });

  test('removing the only method is refused; with the phone too, the app goes', async (t) => {
    const app = await build(t);
    const { widget, tenant } = await setupSession(app);
    await enrolApp(widget);
    const noStepUp = await widget.delete('/totp');
    assert.equal(noStepUp.statusCode, 403);
    await grantStepUp(app, tenant.tenantId);
    const last = await widget.delete('/totp');
    assert.equal(last.statusCode, 409);
    assert.equal(last.json().error.code, 'last_method');

    const both = await setupSession(app, {}, 'both');
    await enrol(app, both.widget);
    await stepUp(app, both.widget);
    await enrolApp(both.widget);
    const removed = await both.widget.delete('/totp');
    assert.equal(removed.statusCode, 204, removed.body);
    const view = (await both.widget.get('/session')).json();
    assert.deepEqual(view.twoFactor.methods, ['sms']);
    assert.equal(view.twoFactor.preferredMethod, 'sms');
    const none = await both.widget.delete('/totp');
    assert.equal(none.statusCode, 409);
    assert.equal(none.json().error.code, 'not_enabled');
  });

  test('the secret is stored sealed, never in clear, and never logged', async (t) => {
    const app = await build(t);
    const { widget, tenant } = await setupSession(app);
    const secret = await enrolApp(widget);
    const row = await app.db
      .selectFrom('totp_factors')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'active');
    assert.match(row.secret_encrypted, /^v2\./);
    assert.ok(!row.secret_encrypted.includes(secret));
    assert.ok(!JSON.stringify(row).includes(secret));
    assert.ok(app.logs.lines.length > 0, 'the app logged its requests');
    assert.ok(!app.logs.text.includes(secret), 'the secret is in no log line');
  });

  test('the partner names the account the app shows', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, {
      userId: 'p-77',
      purpose: 'setup',
      accountName: 'Jo Martin (patient 77)',
    });
    const widget = widgetClient(app, token, tenant.origin);
    const started = (await widget.post('/totp')).json();
    assert.equal(started.accountName, 'Jo Martin (patient 77)');
    assert.ok(started.otpauthUri.includes(':Jo%20Martin%20(patient%2077)?'));
    const noEmail = widgetClient(
      app,
      await mintSession(app, tenant, { userId: 'p-78', purpose: 'setup' }),
      tenant.origin,
    );
    assert.equal((await noEmail.post('/totp')).json().accountName, 'p-78');
  });
});
