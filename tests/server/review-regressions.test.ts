// Defends edge cases of docs/security.md found in review: a regenerate race, a lapsed step-up on a
// change of phone, verify-email typos that would otherwise never clear, identical answers for no
// code and a wrong code, quiet sign-in sessions, inputs that once made a 500, and the dev outbox.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, makeTenant } from '../helpers/build-app.ts';
import { recoveryRows } from '../helpers/partner-views.ts';
import {
  challengeSession,
  enrol,
  latestEmailCode,
  latestSmsCode,
  setupSession,
  stepUp,
} from '../helpers/widget-client.ts';

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function unusedCodes(app: FastifyInstance, tenantId: string) {
  return (await recoveryRows(app, { tenantId })).filter((row) => !row.used).length;
}

describeEachDatabase('review regressions', ({ build, kind }) => {
  test('parallel regenerations leave exactly one set', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => widget.post('/recovery-codes')),
    );
    assert.ok(
      answers.every((a) => a.statusCode === 200),
      answers.map((a) => a.statusCode).join(),
    );
    assert.equal(await unusedCodes(app, tenant.tenantId), 10, `one set of 10 on ${kind}`);
    const listed = (await widget.get('/recovery-codes')).json().codes;
    assert.equal(listed.length, 10);
  });

  test('a change of phone needs the step-up still valid to resend and to verify', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    assert.equal((await widget.post('/phone', { phone: '+33698765432' })).statusCode, 200);
    const code = await latestSmsCode(app, '+33698765432');
    await app.db
      .updateTable('widget_sessions')
      .set({ step_up_until: new Date(Date.now() - 1000) })
      .execute();
    await app.db
      .updateTable('verification_codes')
      .set({ resend_at: new Date(0) })
      .execute();
    const resend = await widget.post('/phone/resend');
    assert.equal(resend.statusCode, 403);
    assert.equal(resend.json().error.code, 'step_up_required');
    const verify = await widget.post('/phone/verify', { code });
    assert.equal(verify.statusCode, 403, 'lapsed step-up');
    assert.equal(verify.json().error.code, 'step_up_required');
    const session = (await widget.get('/session')).json();
    assert.equal(
      session.twoFactor.maskedPhone,
      '+33 •• •• •• 78',
      'the old number still protects the account',
    );
  });

  test('verify-email typos clear on success for a user without two-factor', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    for (let round = 0; round < 3; round += 1) {
      const widget = await challengeSession(app, tenant, {
        userId: 'typist',
        purpose: 'verify-email',
        email: 'typist@mail.example',
      });
      await widget.post('/challenge');
      const code = await latestEmailCode(app, 'typist@mail.example');
      for (let i = 0; i < 4; i += 1)
        assert.equal(
          (await widget.post('/challenge/verify', { code: wrong(code) })).statusCode,
          422,
        );
      const done = await widget.post('/challenge/verify', { code });
      assert.equal(done.statusCode, 200, `round ${round}: ${done.body}`);
    }
  });

  test('no live code and a first wrong code get the same status and body', async (t) => {
    const app = await build(t);
    const { widget: first } = await setupSession(app);
    const noCode = await first.post('/phone/verify', { code: '123456' });
    const { widget: second } = await setupSession(app);
    await second.post('/phone', { phone: '+33612345678' });
    const wrongCode = await second.post('/phone/verify', { code: wrong(await latestSmsCode(app)) });
    assert.equal(noCode.statusCode, wrongCode.statusCode);
    assert.deepEqual(noCode.json(), wrongCode.json());
  });

  test('a sign-in session sees no two-factor details before it proves anything', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app, { signInSteps: ['email', 'sms'] });
    await enrol(app, widget);
    const signIn = await challengeSession(app, tenant, { userId, email: 'p@mail.example' });
    const view = (await signIn.get('/session')).json();
    assert.equal(view.twoFactor.maskedPhone, null);
    assert.equal(view.twoFactor.recoveryCodesRemaining, 0);
    assert.equal(view.twoFactor.enabledAt, null);
  });

  test('control characters in a user id and huge integers are refused, not a 500', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const auth = { authorization: `Bearer ${tenant.secretKey}` };
    const mint = await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      headers: auth,
      payload: { userId: 'a\u0000b', purpose: 'setup' },
    });
    assert.equal(mint.statusCode, 400);
    assert.equal((await app.inject({ url: '/v1/users/a%00b', headers: auth })).statusCode, 400);
    assert.equal(
      (await app.inject({ url: '/v1/users/a/events?before=99999999999999999999', headers: auth }))
        .statusCode,
      400,
    );
    assert.equal(
      (await app.inject({ url: '/v1/refusals?before=99999999999999999999', headers: auth }))
        .statusCode,
      400,
    );
  });

  test('the partner can clear a lockout and leave two-factor on', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await app.db
      .updateTable('users')
      .set({ failed_attempts: 100, locked_until: new Date(Date.now() + 1e12) })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const cleared = await app.inject({
      method: 'DELETE',
      url: `/v1/users/${userId}/lockout`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    assert.equal(cleared.statusCode, 204);
    const user = await app.db
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until'])
      .where('tenant_id', '=', tenant.tenantId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(user, { failed_attempts: 0, locked_until: null });
    assert.equal(
      (await widget.get('/session')).json().twoFactor.enabled,
      true,
      'two-factor stays on',
    );
  });

  test('the dev outbox answers only this machine', async (t) => {
    const app = await build(t);
    const remote = await app.inject({
      url: '/dev/outbox',
      remoteAddress: '203.0.113.9',
      headers: { accept: 'application/json' },
    });
    assert.equal(remote.statusCode, 404);
    assert.equal((await app.inject({ url: '/dev/outbox', remoteAddress: '::1' })).statusCode, 200);
  });

  test('a malformed HTTP request still gets the error shape', async (t) => {
    const app = await build(t);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nBad\u0000Header: y\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 400/);
    assert.deepEqual(
      JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code,
      'invalid_request',
    );
  });
});
