// Defends docs/security.md "Authenticator app", the tenant's methods setting, on the server: a
// method the tenant stopped offering is never turned on afterwards (a code sent or a secret made
// before the change confirms nothing), never asked at step-up when the user has an allowed one, and
// a step-up code with no `method` is taken as one of the allowed methods. A phone the user already
// has can still be changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { updateTenant } from '../../server/services/tenants.ts';
import { appCode, enrolApp, grantStepUp, partnerStatus } from '../helpers/authenticator-app.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import {
  enrol,
  FRENCH_MOBILE,
  latestSmsCode,
  OTHER_FRENCH_MOBILE,
  setupSession,
  stepUp,
  type WidgetClient,
} from '../helpers/widget-client.ts';

function allowOnly(app: FastifyInstance, tenantId: string, methods: ('sms' | 'totp')[]) {
  return updateTenant(app.db, tenantId, { settings: { methods } });
}

function expectNotAllowed(answer: { statusCode: number; body: string }) {
  assert.equal(answer.statusCode, 403, answer.body);
  assert.equal(JSON.parse(answer.body).error.code, 'method_not_allowed');
}

/** A user with a phone and an app who asks for text messages first; returns the app's key. */
async function bothPreferringSms(app: FastifyInstance, widget: WidgetClient, origin: string) {
  await enrol(app, widget);
  await stepUp(app, widget);
  const key = await enrolApp(widget);
  const preferred = await app.inject({
    method: 'PUT',
    url: '/v1/widget/preferred-method',
    headers: { authorization: `Bearer ${widget.token}`, origin },
    payload: { method: 'sms' },
  });
  assert.equal(preferred.statusCode, 200, preferred.body);
  return key;
}

describeEachDatabase('authenticator app: the methods setting on the server', ({ build }) => {
  test('a number sent before the tenant stopped offering SMS is neither resent nor confirmed', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const code = await latestSmsCode(app, FRENCH_MOBILE);
    await allowOnly(app, tenant.tenantId, ['totp']);

    expectNotAllowed(await widget.post('/phone/resend'));
    expectNotAllowed(await widget.post('/phone/verify', { code }));
    const status = await partnerStatus(app, tenant, userId);
    assert.equal(status.twoFactor.enabled, false);
    assert.deepEqual(status.twoFactor.methods, []);
  });

  test('a phone sent beside the app before the tenant stopped offering SMS is not added', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrolApp(widget);
    await grantStepUp(app, tenant.tenantId);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const code = await latestSmsCode(app, FRENCH_MOBILE);
    await allowOnly(app, tenant.tenantId, ['totp']);

    expectNotAllowed(await widget.post('/phone/resend'));
    expectNotAllowed(await widget.post('/phone/verify', { code }));
    assert.deepEqual((await partnerStatus(app, tenant, userId)).twoFactor.methods, ['totp']);
  });

  test('a phone the user has can still be changed when the tenant stopped offering SMS', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await allowOnly(app, tenant.tenantId, ['totp']);
    // The phone is all this user has: the step-up still sends to it.
    await stepUp(app, widget);
    assert.equal((await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE })).statusCode, 200);
    await grantStepUp(app, tenant.tenantId, 60_000);
    await app.db
      .updateTable('verification_codes')
      .set({ resend_at: new Date(Date.now() - 1000) })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const resent = await widget.post('/phone/resend');
    assert.equal(resent.statusCode, 200, resent.body);
    const changed = await widget.post('/phone/verify', {
      code: await latestSmsCode(app, OTHER_FRENCH_MOBILE),
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json(), { phoneChanged: true });
    assert.deepEqual((await partnerStatus(app, tenant, userId)).twoFactor.methods, ['sms']);
  });

  test('an app secret made before the tenant stopped offering apps is not confirmed', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const { secret } = (await widget.post('/totp')).json();
    await allowOnly(app, tenant.tenantId, ['sms']);
    expectNotAllowed(await widget.post('/totp/verify', { code: appCode(secret) }));
    assert.equal((await partnerStatus(app, tenant, userId)).twoFactor.enabled, false);
  });

  test('step-up by a method the tenant stopped offering is refused when the user has another', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    const key = await enrolApp(widget);
    await allowOnly(app, tenant.tenantId, ['sms']);
    expectNotAllowed(
      await widget.post('/step-up/verify', { code: appCode(key, 1), method: 'totp' }),
    );
  });

  test('a step-up code without `method` is taken as an allowed method: the app, not the phone', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    const key = await bothPreferringSms(app, widget, tenant.origin);
    await allowOnly(app, tenant.tenantId, ['totp']);
    expectNotAllowed(await widget.post('/step-up'));
    const verified = await widget.post('/step-up/verify', { code: appCode(key, 1) });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.ok(verified.json().validUntil);
  });

  test('with both offered, a step-up code without `method` is still the text message', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    await bothPreferringSms(app, widget, tenant.origin);
    assert.equal((await widget.post('/step-up')).statusCode, 200);
    const verified = await widget.post('/step-up/verify', {
      code: await latestSmsCode(app, FRENCH_MOBILE),
    });
    assert.equal(verified.statusCode, 200, verified.body);
  });
});
