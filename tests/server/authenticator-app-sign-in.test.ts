// Defends docs/security.md "Authenticator app" at sign-in and step-up: the app is asked without any
// SMS sent, "use another method" switches, a code one step away is accepted and two refused, a
// used time step is refused (and counted), wrong app
// codes share the lockout with SMS codes, the result says which method passed, and a method the
// tenant stopped offering still lets its only user in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { updateTenant } from '../../server/services/tenants.ts';
import { appCode, enrolApp } from '../helpers/authenticator-app.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  FRENCH_MOBILE,
  latestEmailCode,
  latestSmsCode,
  setupSession,
  stepUp,
} from '../helpers/widget-client.ts';

async function smsCount(app: FastifyInstance) {
  const response = await app.inject({
    url: '/dev/outbox',
    headers: { accept: 'application/json' },
  });
  return (response.json().messages as { channel: string }[]).filter((m) => m.channel === 'sms')
    .length;
}

/** A 6-digit code that is none of the app's accepted codes now. */
function wrongAppCode(secret: string) {
  const accepted = [-1, 0, 1].map((offset) => appCode(secret, offset));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!accepted.includes(code)) return code;
  }
}

async function redeem(app: FastifyInstance, tenant: { secretKey: string }, resultToken: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/results/redeem',
    headers: { authorization: `Bearer ${tenant.secretKey}` },
    payload: { resultToken },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

describeEachDatabase('authenticator app: sign-in and step-up', ({ build }) => {
  test('sign-in with the app: asked without any SMS, verified, redeemed as totp', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const secret = await enrolApp(widget);
    const smsBefore = await smsCount(app);

    const signIn = await challengeSession(app, tenant, { userId });
    const started = await signIn.post('/challenge');
    assert.equal(started.statusCode, 200, started.body);
    assert.deepEqual(started.json(), {
      status: 'pending',
      step: 'totp',
      methods: ['totp'],
      maskedDestination: null,
      expiresAt: null,
      resendAt: null,
      codeLength: 6,
    });
    const resend = await signIn.post('/challenge/resend');
    assert.equal(resend.statusCode, 400, 'the app needs no message');
    const toSms = await signIn.post('/challenge/method', { method: 'sms' });
    assert.equal(toSms.statusCode, 409, 'no phone to send to');
    assert.equal(toSms.json().error.code, 'not_enabled');

    const verified = await signIn.post('/challenge/verify', { code: appCode(secret, 1) });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().via, 'code');
    assert.equal(await smsCount(app), smsBefore, 'no SMS was sent');
    const result = await redeem(app, tenant, verified.json().resultToken);
    assert.deepEqual([result.steps, result.via, result.method], [['sms'], 'code', 'totp']);
  });

  test('"use another method" switches from the preferred app to SMS and back', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    await enrolApp(widget);
    const smsBefore = await smsCount(app);

    const signIn = await challengeSession(app, tenant, { userId });
    const started = (await signIn.post('/challenge')).json();
    assert.equal(started.step, 'totp', 'the confirmed app is preferred');
    assert.deepEqual(started.methods, ['sms', 'totp']);
    assert.equal(await smsCount(app), smsBefore);

    const switched = await signIn.post('/challenge/method', { method: 'sms' });
    assert.equal(switched.statusCode, 200, switched.body);
    assert.equal(switched.json().step, 'sms');
    assert.equal(switched.json().maskedDestination, '+33 •• •• •• 78');
    assert.deepEqual(switched.json().methods, ['sms', 'totp']);
    assert.equal(await smsCount(app), smsBefore + 1);
    const back = await signIn.post('/challenge/method', { method: 'totp' });
    assert.equal(back.json().step, 'totp');
    const again = await signIn.post('/challenge/method', { method: 'sms' });
    assert.equal(again.json().step, 'sms');
    assert.equal(await smsCount(app), smsBefore + 1, 'the live code is shown again, not resent');

    // No method named: the one asked last, the text message.
    const verified = await signIn.post('/challenge/verify', {
      code: await latestSmsCode(app, FRENCH_MOBILE),
    });
    assert.equal(verified.statusCode, 200, verified.body);
    const result = await redeem(app, tenant, verified.json().resultToken);
    assert.equal(result.method, 'sms');
  });

  test('email then the app: the second step asks the app and sends nothing', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app, { signInSteps: ['email', 'sms'] });
    const secret = await enrolApp(widget);
    const smsBefore = await smsCount(app);
    const email = `${userId}@mail.example`;
    const signIn = await challengeSession(app, tenant, { userId, email });
    assert.equal((await signIn.post('/challenge')).json().step, 'email');
    const early = await signIn.post('/challenge/method', { method: 'totp' });
    assert.equal(early.statusCode, 400, 'the email step comes first');
    const second = await signIn.post('/challenge/verify', {
      code: await latestEmailCode(app, email),
    });
    assert.equal(second.json().step, 'totp');
    const verified = await signIn.post('/challenge/verify', {
      code: appCode(secret, 1),
      method: 'totp',
    });
    assert.equal(verified.statusCode, 200, verified.body);
    const result = await redeem(app, tenant, verified.json().resultToken);
    assert.deepEqual([result.steps, result.method], [['email', 'sms'], 'totp']);
    assert.equal(await smsCount(app), smsBefore);
  });

  test('step-up with the app; a replayed step is refused and counted', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    const secret = await enrolApp(widget);
    const send = await widget.post('/step-up');
    assert.equal(send.statusCode, 409, 'no phone to send a code to');
    assert.equal(send.json().error.code, 'not_enabled');

    const code = appCode(secret, 1);
    const first = await widget.post('/step-up/verify', { code });
    assert.equal(first.statusCode, 200, first.body);
    assert.ok(first.json().validUntil);
    const replay = await widget.post('/step-up/verify', { code, method: 'totp' });
    assert.equal(replay.statusCode, 422);
    assert.equal(replay.json().error.code, 'invalid_code');
    assert.equal(replay.json().error.attemptsRemaining, 9, 'the replay counts as a failure');
    const older = await widget.post('/step-up/verify', { code: appCode(secret, 0) });
    assert.equal(older.statusCode, 422, 'a step before the last one used is refused too');
    const bySms = await widget.post('/step-up/verify', { code, method: 'sms' });
    assert.equal(bySms.statusCode, 409, 'no phone');
  });

  test('through the routes, a code one step away is accepted and one two steps away refused', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    // Away from a step's end: crossing one between computing and checking would shift every code.
    const intoStepMs = Date.now() % 30_000;
    if (intoStepMs > 27_000)
      await new Promise((resolve) => setTimeout(resolve, 30_100 - intoStepMs));
    const { secret } = (await widget.post('/totp')).json();
    // A pending app has no used step yet: a refusal here is the skew's, never a replay's.
    for (const offset of [-2, 2]) {
      const refused = await widget.post('/totp/verify', { code: appCode(secret, offset) });
      assert.equal(refused.statusCode, 422, `${offset} steps away: ${refused.body}`);
    }
    const confirmed = await widget.post('/totp/verify', { code: appCode(secret, -1) });
    assert.equal(confirmed.statusCode, 200, `one step back: ${confirmed.body}`);
    const stepUp = await widget.post('/step-up/verify', { code: appCode(secret, 1) });
    assert.equal(stepUp.statusCode, 200, `one step ahead: ${stepUp.body}`);
  });

  test('wrong app codes and wrong SMS codes share one lockout', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    const secret = await enrolApp(widget);
    const signIn = await challengeSession(app, tenant, { userId });
    await signIn.post('/challenge');
    for (let i = 0; i < 5; i += 1) {
      const wrong = await signIn.post('/challenge/verify', {
        code: wrongAppCode(secret),
        method: 'totp',
      });
      assert.equal(wrong.statusCode, 422, wrong.body);
      assert.equal(wrong.json().error.attemptsRemaining, 9 - i);
    }
    await signIn.post('/challenge/method', { method: 'sms' });
    const sms = await latestSmsCode(app, FRENCH_MOBILE);
    const wrongSms = String((Number(sms) + 1) % 1_000_000).padStart(6, '0');
    const answers = [];
    for (let i = 0; i < 5; i += 1) {
      answers.push((await signIn.post('/challenge/verify', { code: wrongSms })).statusCode);
    }
    assert.deepEqual(answers, [422, 422, 422, 422, 423], 'the tenth failure in a row locks');
    const correct = await signIn.post('/challenge/verify', {
      code: appCode(secret, 1),
      method: 'totp',
    });
    assert.equal(correct.statusCode, 423, 'the eleventh, correct, is refused while locked');
  });

  test('a method the tenant stopped offering: its only user still signs in; others cannot pick it', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const secret = await enrolApp(widget);
    const both = await setupSession(app, {}, 'both');
    await enrol(app, both.widget);
    await stepUp(app, both.widget);
    await enrolApp(both.widget);
    for (const id of [tenant.tenantId, both.tenant.tenantId]) {
      await updateTenant(app.db, id, { settings: { methods: ['sms'] } });
    }

    const only = await challengeSession(app, tenant, { userId });
    const started = (await only.post('/challenge')).json();
    assert.deepEqual([started.step, started.methods], ['totp', ['totp']]);
    const verified = await only.post('/challenge/verify', { code: appCode(secret, 1) });
    assert.equal(verified.statusCode, 200, verified.body);

    const other = await challengeSession(app, both.tenant, { userId: 'both' });
    const asked = (await other.post('/challenge')).json();
    assert.deepEqual([asked.step, asked.methods], ['sms', ['sms']]);
    const refused = await other.post('/challenge/method', { method: 'totp' });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'method_not_allowed');
  });
});
