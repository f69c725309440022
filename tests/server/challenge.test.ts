// The sign-in step and the email check through the HTTP API alone (codes from the dev outbox), and
// docs/security.md attack test 4: a session part-way through can only send or verify its next code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  latestEmailCode,
  latestSmsCode,
  setupSession,
  type WidgetClient,
} from '../helpers/widget-client.ts';

const EMAIL = 'jane@mail.example';

function redeem(app: FastifyInstance, secretKey: string, resultToken: string) {
  return app.inject({
    method: 'POST',
    url: '/v1/results/redeem',
    headers: { authorization: `Bearer ${secretKey}` },
    payload: { resultToken },
  });
}

/** A tenant and a user of it with two-factor on. */
async function enrolledUser(app: FastifyInstance, settings: Record<string, unknown> = {}) {
  const { tenant, widget, userId } = await setupSession(app, settings, 'jane');
  const recoveryCodes = await enrol(app, widget);
  return { tenant, userId, recoveryCodes };
}

async function verifySms(app: FastifyInstance, widget: WidgetClient, extra: object = {}) {
  return widget.post('/challenge/verify', { code: await latestSmsCode(app), ...extra });
}

describeEachDatabase('sign-in challenge', ({ build }) => {
  test('SMS-only policy: code, verified, result redeemed once by its own tenant', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app);
    const widget = await challengeSession(app, tenant, { userId });
    const started = await widget.post('/challenge');
    assert.equal(started.statusCode, 200, started.body);
    assert.deepEqual(
      {
        status: started.json().status,
        step: started.json().step,
        masked: started.json().maskedDestination,
      },
      { status: 'pending', step: 'sms', masked: '+33 •• •• •• 78' },
    );
    const again = await widget.post('/challenge');
    assert.equal(again.statusCode, 200, 'starting again picks up the live code');
    assert.equal(
      app.outbox.list().filter((m) => m.channel === 'sms').length,
      2,
      'enrolment SMS + one sign-in SMS',
    );

    const verified = await verifySms(app, widget);
    assert.equal(verified.statusCode, 200, verified.body);
    const { status, resultToken, via } = verified.json();
    assert.deepEqual({ status, via }, { status: 'verified', via: 'code' });
    assert.match(resultToken, /^rt_[A-Za-z0-9_-]{43}$/);

    const other = await makeTenant(app);
    assert.equal(
      (await redeem(app, other.secretKey, resultToken)).statusCode,
      404,
      "another tenant can't redeem",
    );
    const redeemed = await redeem(app, tenant.secretKey, resultToken);
    assert.equal(redeemed.statusCode, 200, redeemed.body);
    assert.deepEqual(
      { ...(redeemed.json() as object), verifiedAt: undefined },
      {
        userId,
        purpose: 'sign-in',
        steps: ['sms'],
        via: 'code',
        method: 'sms',
        verifiedAt: undefined,
      },
    );
    assert.equal(
      (await redeem(app, tenant.secretKey, resultToken)).statusCode,
      404,
      'redeemed once only',
    );
    assert.equal(
      (await widget.post('/challenge')).statusCode,
      409,
      'a finished session stays finished',
    );
  });

  test('a result not redeemed within 5 minutes is refused', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app);
    const widget = await challengeSession(app, tenant, { userId });
    await widget.post('/challenge');
    const { resultToken } = (await verifySms(app, widget)).json();
    await app.db
      .updateTable('results')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.equal((await redeem(app, tenant.secretKey, resultToken)).statusCode, 404);
  });

  test('email-then-SMS policy: the email passcode first, then the SMS code', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app, { signInSteps: ['email', 'sms'] });
    const noEmail = await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      headers: { authorization: `Bearer ${tenant.secretKey}` },
      payload: { userId, purpose: 'sign-in' },
    });
    assert.equal(noEmail.statusCode, 400, 'the partner must pass the email for this policy');

    const widget = await challengeSession(app, tenant, { userId, email: EMAIL });
    const started = (await widget.post('/challenge')).json();
    assert.equal(started.step, 'email');
    assert.equal(started.maskedDestination, 'j•••@mail.example');
    const email = app.outbox.list().find((m) => m.channel === 'email' && m.to === EMAIL);
    assert.ok(email?.subject && !/\d{6}/.test(email.subject), 'the code is never in the subject');

    const afterEmail = await widget.post('/challenge/verify', {
      code: await latestEmailCode(app, EMAIL),
    });
    assert.equal(afterEmail.statusCode, 200, afterEmail.body);
    assert.equal(afterEmail.json().status, 'pending');
    assert.equal(afterEmail.json().step, 'sms');
    const session = (await widget.get('/session')).json();
    assert.deepEqual(session.challenge, {
      steps: ['email', 'sms'],
      completedSteps: ['email'],
      verified: false,
    });

    const done = await verifySms(app, widget);
    assert.equal(done.json().status, 'verified');
    const redeemed = (await redeem(app, tenant.secretKey, done.json().resultToken)).json();
    assert.deepEqual(redeemed.steps, ['email', 'sms']);
  });

  test('an SMS code cannot pass the email step, nor an email code the SMS step', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app, { signInSteps: ['email', 'sms'] });
    const widget = await challengeSession(app, tenant, { userId, email: EMAIL });
    await widget.post('/challenge');
    const emailCode = await latestEmailCode(app, EMAIL);
    const enrolmentSms = await latestSmsCode(app);
    if (enrolmentSms !== emailCode) {
      assert.equal(
        (await widget.post('/challenge/verify', { code: enrolmentSms })).statusCode,
        422,
      );
    }
    assert.equal((await widget.post('/challenge/verify', { code: emailCode })).json().step, 'sms');
    const smsCode = await latestSmsCode(app);
    if (smsCode !== emailCode) {
      const reused = await widget.post('/challenge/verify', { code: emailCode });
      assert.equal(reused.statusCode, 409, 'email code reused for SMS');
      assert.equal(reused.json().error.code, 'already_verified');
    }
    assert.equal(
      (await widget.post('/challenge/verify', { code: smsCode })).json().status,
      'verified',
    );
  });

  test('passing the email step does not clear SMS failures', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app, { signInSteps: ['email', 'sms'] });
    const users = () =>
      app.db
        .selectFrom('users')
        .select('failed_attempts')
        .where('tenant_id', '=', tenant.tenantId)
        .executeTakeFirstOrThrow();
    await app.db
      .updateTable('users')
      .set({ failed_attempts: 7 })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const widget = await challengeSession(app, tenant, { userId, email: EMAIL });
    await widget.post('/challenge');
    await widget.post('/challenge/verify', { code: await latestEmailCode(app, EMAIL) });
    assert.equal((await users()).failed_attempts, 7, 'still 7 after the email step');
    await verifySms(app, widget);
    assert.equal((await users()).failed_attempts, 0, 'cleared by the SMS code');
  });

  test('attack 4: a half-authenticated session can only send or verify its next code', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app, { signInSteps: ['email', 'sms'] });
    const widget = await challengeSession(app, tenant, { userId, email: EMAIL });
    assert.equal(
      (await widget.post('/challenge/recovery', { recoveryCode: 'AAAA-AAAA-AAAA-AAAA' }))
        .statusCode,
      400,
      'no recovery before the email step',
    );
    await widget.post('/challenge');
    await widget.post('/challenge/verify', { code: await latestEmailCode(app, EMAIL) });
    const refused: [string, () => ReturnType<typeof widget.get>][] = [
      ['change phone', () => widget.post('/phone', { phone: '+33698765432' })],
      ['disable', () => widget.delete('/two-factor')],
      ['view recovery codes', () => widget.get('/recovery-codes')],
      ['regenerate recovery codes', () => widget.post('/recovery-codes')],
      ['step-up', () => widget.post('/step-up')],
      ['list trusted browsers', () => widget.get('/trusted-browsers')],
      ['revoke trusted browsers', () => widget.delete('/trusted-browsers')],
    ];
    for (const [name, call] of refused) {
      const response = await call();
      assert.equal(response.statusCode, 403, `${name}: ${response.body}`);
      assert.equal(response.json().error.code, 'wrong_purpose', name);
    }
    const resend = await widget.post('/challenge/resend');
    assert.ok([200, 429].includes(resend.statusCode), 'its next code can be sent');
    assert.equal((await verifySms(app, widget)).json().status, 'verified');
  });

  test('sign-in needs two-factor on; a setup token cannot sign in', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const widget = await challengeSession(app, tenant, { userId: 'never-enrolled' });
    const response = await widget.post('/challenge');
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'not_enabled');
    const { tenant: other, widget: setup } = await setupSession(app);
    assert.ok(other);
    assert.equal(
      (await setup.post('/challenge')).statusCode,
      403,
      'a setup session cannot sign in',
    );
  });

  test('verify-email: one emailed code confirms the address given at minting', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const widget = await challengeSession(app, tenant, {
      userId: 'new-patient',
      purpose: 'verify-email',
      email: 'new@mail.example',
      locale: 'fr',
    });
    const started = (await widget.post('/challenge')).json();
    assert.equal(started.step, 'email');
    const mail = app.outbox.list().find((m) => m.to === 'new@mail.example');
    assert.match(mail?.subject ?? '', /Clinic/);
    assert.notEqual(mail?.subject, undefined);
    const done = await widget.post('/challenge/verify', {
      code: await latestEmailCode(app, 'new@mail.example'),
    });
    assert.equal(done.json().status, 'verified', done.body);
    const redeemed = (await redeem(app, tenant.secretKey, done.json().resultToken)).json();
    assert.deepEqual(
      { purpose: redeemed.purpose, email: redeemed.email, steps: redeemed.steps },
      {
        purpose: 'verify-email',
        email: 'new@mail.example',
        steps: ['email'],
      },
    );
    assert.equal(
      (await widget.post('/challenge/recovery', { recoveryCode: 'AAAA-AAAA-AAAA-AAAA' }))
        .statusCode,
      403,
    );
  });

  test('a recovery code signs in once, revokes trust, and the last one brings a new set', async (t) => {
    const app = await build(t);
    const { tenant, userId, recoveryCodes } = await enrolledUser(app, { recoveryCodeCount: 2 });
    const [first = '', second = ''] = recoveryCodes;
    const signIn = async (recoveryCode: string) => {
      const widget = await challengeSession(app, tenant, { userId });
      return widget.post('/challenge/recovery', { recoveryCode });
    };
    const used = await signIn(first.toLowerCase().replaceAll('-', ''));
    assert.equal(used.statusCode, 200, used.body);
    assert.equal(used.json().via, 'recovery-code');
    assert.equal(used.json().newRecoveryCodes, undefined, 'one left: no new set yet');
    assert.equal((await signIn(first)).statusCode, 422, 'used once only');
    const last = await signIn(second);
    assert.equal(last.statusCode, 200);
    assert.equal(last.json().newRecoveryCodes.length, 2, 'the last code brings a new set');
    assert.equal((await signIn(second)).statusCode, 422);
    assert.equal(
      (await signIn(last.json().newRecoveryCodes[0])).statusCode,
      200,
      'the new set works',
    );
    const redeemed = (await redeem(app, tenant.secretKey, last.json().resultToken)).json();
    assert.equal(redeemed.via, 'recovery-code');
  });

  test('an expired session token is refused with session_expired', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app);
    const token = await mintSession(app, tenant, { userId, purpose: 'sign-in' });
    await app.db
      .updateTable('widget_sessions')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/widget/challenge',
      headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
    });
    assert.equal(response.json().error.code, 'session_expired');
  });

  test('a result names an email only when the challenge proved it', async (t) => {
    const app = await build(t);
    const { tenant, userId } = await enrolledUser(app);
    const widget = await challengeSession(app, tenant, { userId, email: EMAIL });
    await widget.post('/challenge');
    const { resultToken } = (await verifySms(app, widget)).json();
    const redeemed = (await redeem(app, tenant.secretKey, resultToken)).json();
    assert.equal(redeemed.email, undefined, 'SMS-only: the email was never checked');
    assert.deepEqual(redeemed.steps, ['sms']);
  });
});
