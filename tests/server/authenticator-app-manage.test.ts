// Defends docs/security.md "Authenticator app" in the settings: one method of two can be removed
// (after a step-up, with a notice), never the last; disabling removes every method and the
// recovery codes; the preferred method is one the user has; and key rotation carries the secrets.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { runCommand } from '../../server/cli/commands.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { appCode, enrolApp, partnerStatus } from '../helpers/authenticator-app.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  setupSession,
  stepUp,
  type WidgetClient,
  widgetClient,
} from '../helpers/widget-client.ts';

function preferMethod(app: FastifyInstance, widget: WidgetClient, origin: string, method: string) {
  return app.inject({
    method: 'PUT',
    url: '/v1/widget/preferred-method',
    headers: { authorization: `Bearer ${widget.token}`, origin },
    payload: { method },
  });
}

async function noticeSubjects(app: FastifyInstance, to: string) {
  await app.notices.drain();
  const response = await app.inject({
    url: '/dev/outbox',
    headers: { accept: 'application/json' },
  });
  return (response.json().messages as { channel: string; to: string; subject?: string }[])
    .filter((m) => m.channel === 'email' && m.to === to)
    .map((m) => m.subject);
}

describeEachDatabase('authenticator app: managing methods', ({ build }) => {
  test('remove the phone beside the app: step-up, notice, the app stays; never the last method', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    const noStepUp = await widget.delete('/phone');
    assert.equal(noStepUp.statusCode, 403);
    await stepUp(app, widget);
    const last = await widget.delete('/phone');
    assert.equal(last.statusCode, 409);
    assert.equal(last.json().error.code, 'last_method');

    await enrolApp(widget);
    assert.equal((await preferMethod(app, widget, tenant.origin, 'sms')).statusCode, 200);
    const removed = await widget.delete('/phone');
    assert.equal(removed.statusCode, 204, removed.body);
    const status = await partnerStatus(app, tenant, userId);
    assert.deepEqual(status.twoFactor.methods, ['totp']);
    assert.equal(status.twoFactor.phone, null);
    assert.equal(status.twoFactor.preferredMethod, 'totp', 'the preference follows what is left');
    assert.equal(status.recoveryCodesRemaining, 10, 'the recovery codes stay');
    const again = await widget.delete('/phone');
    assert.equal(again.json().error.code, 'not_enabled');

    const subjects = await noticeSubjects(app, `${userId}@mail.example`);
    assert.ok(subjects.some((s) => s?.includes('authenticator app was added')));
    assert.ok(subjects.some((s) => s?.includes('phone number was removed')));
  });

  test('removing either method asks a trusted browser for a code again', async (t) => {
    const app = await build(t);
    for (const removed of ['phone', 'totp'] as const) {
      const { tenant, widget, userId } = await setupSession(app);
      await enrol(app, widget);
      await stepUp(app, widget);
      const key = await enrolApp(widget);
      const signIn = await challengeSession(app, tenant, { userId });
      assert.equal((await signIn.post('/challenge')).json().step, 'totp');
      // The next step's code: the enrolment used this one.
      const verified = await signIn.post('/challenge/verify', {
        code: appCode(key, 1),
        trustBrowser: true,
      });
      assert.equal(verified.json().status, 'verified', verified.body);
      const cookie = `__Host-tfa_trust=${verified.cookies[0]?.value}`;
      const trusted = await challengeSession(app, tenant, { userId });
      assert.equal(
        (await trusted.post('/challenge', undefined, { cookie })).json().status,
        'verified',
      );

      assert.equal((await widget.delete(`/${removed}`)).statusCode, 204);
      const after = await challengeSession(app, tenant, { userId });
      const answer = (await after.post('/challenge', undefined, { cookie })).json();
      assert.equal(
        answer.status,
        'pending',
        `after removing the ${removed}: ${JSON.stringify(answer)}`,
      );
    }
  });

  test('a phone added beside the app: methodAdded, the recovery codes kept', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const secret = await enrolApp(widget);
    const refused = await widget.post('/phone', { phone: '+33612345678' });
    assert.equal(refused.statusCode, 403, 'a step-up first');
    const stepped = await widget.post('/step-up/verify', { code: appCode(secret, 1) });
    assert.equal(stepped.statusCode, 200, stepped.body);
    const codes = await enrol(app, widget).catch((error: Error) => error.message);
    assert.equal(codes, undefined, 'no new recovery codes');
    const status = await partnerStatus(app, tenant, userId);
    assert.deepEqual(status.twoFactor.methods, ['sms', 'totp']);
    assert.equal(status.recoveryCodesRemaining, 10);
    assert.equal(status.twoFactor.enabledAt, status.twoFactor.totp.addedAt, 'on since the app');
    assert.equal((await widget.delete('/totp')).statusCode, 204);
    const phoneOnly = await partnerStatus(app, tenant, userId);
    assert.equal(phoneOnly.twoFactor.enabledAt, status.twoFactor.enabledAt, 'and still, once gone');
  });

  test('a phone added beside the app and the app removed: each emails its notice', async (t) => {
    const app = await build(t);
    const { widget, userId } = await setupSession(app);
    const secret = await enrolApp(widget);
    assert.equal(
      (await widget.post('/step-up/verify', { code: appCode(secret, 1) })).statusCode,
      200,
    );
    await enrol(app, widget);
    assert.equal((await widget.delete('/totp')).statusCode, 204);
    const subjects = await noticeSubjects(app, `${userId}@mail.example`);
    assert.ok(
      subjects.some((s) => s?.includes('A phone number was added')),
      JSON.stringify(subjects),
    );
    assert.ok(
      subjects.some((s) => s?.includes('The authenticator app was removed')),
      JSON.stringify(subjects),
    );
  });

  test('the preferred method: one the user has; its preflight allows PUT', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    await enrolApp(widget);
    const missing = await preferMethod(app, widget, tenant.origin, 'sms');
    assert.equal(missing.statusCode, 409);
    assert.equal(missing.json().error.code, 'not_enabled');
    const bad = await preferMethod(app, widget, tenant.origin, 'email');
    assert.equal(bad.statusCode, 400);
    const chosen = await preferMethod(app, widget, tenant.origin, 'totp');
    assert.deepEqual(chosen.json(), { preferredMethod: 'totp' });
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/widget/preferred-method',
      headers: {
        origin: tenant.origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.match(String(preflight.headers['access-control-allow-methods']), /\bPUT\b/);
    assert.equal(preflight.headers['access-control-allow-origin'], tenant.origin);
  });

  test('disable removes every method and the recovery codes; so does the support reset', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    await enrolApp(widget);
    const disabled = await widget.delete('/two-factor');
    assert.equal(disabled.statusCode, 204, disabled.body);
    const status = await partnerStatus(app, tenant, userId);
    assert.deepEqual(
      [status.twoFactor.enabled, status.twoFactor.methods, status.twoFactor.totp],
      [false, [], null],
    );
    assert.equal(status.recoveryCodesRemaining, 0);
    const rows = await app.db
      .selectFrom('totp_factors')
      .select('id')
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.equal(rows.length, 0);
    const signIn = await challengeSession(app, tenant, { userId });
    assert.equal((await signIn.post('/challenge')).statusCode, 409, 'nothing left to sign in with');

    const other = await setupSession(app, {}, 'reset-me');
    await enrolApp(other.widget);
    const reset = await app.inject({
      method: 'DELETE',
      url: '/v1/users/reset-me/two-factor',
      headers: { authorization: `Bearer ${other.tenant.secretKey}` },
    });
    assert.equal(reset.statusCode, 204);
    assert.equal((await partnerStatus(app, other.tenant, 'reset-me')).twoFactor.enabled, false);
  });

  test('tfa tenant set --methods: a list of sms and totp, never empty', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    const set = (value: string) =>
      runCommand(
        ['tenant', 'set', '--tenant', tenant.tenantId, '--methods', value],
        app.db,
        () => {},
      );
    await set('totp');
    assert.deepEqual((await widget.get('/session')).json().allowedMethods, ['totp']);
    await assert.rejects(set('none'), /methods/, 'at least one method');
    await assert.rejects(set('sms,email'), /methods/);
    await set('sms,totp');
    assert.deepEqual((await widget.get('/session')).json().allowedMethods, ['sms', 'totp']);
  });
});

// A database of its own: `keys reencrypt` reads every row, and the tests above used other keys.
describeEachDatabase('authenticator app: key rotation', ({ build }) => {
  test('a rotated key: app secrets are re-encrypted and keep giving the same codes', async (t) => {
    const [oldMaster, newMaster] = [randomBytes(32), randomBytes(32)];
    const before = await build(t, {}, { keys: deriveKeys(oldMaster) });
    const { tenant, widget, userId } = await setupSession(before);
    const secret = await enrolApp(widget);
    const ring = deriveKeys(newMaster, [oldMaster]);
    const during = await build(t, {}, { keys: ring });
    let output = '';
    await runCommand(
      ['keys', 'reencrypt', '--json'],
      during.db,
      (text) => {
        output += text;
      },
      async () => ring,
    );
    assert.ok(JSON.parse(output).authenticatorApps >= 1);
    const after = await build(t, {}, { keys: deriveKeys(newMaster) });
    const signIn = widgetClient(
      after,
      (await challengeSession(after, tenant, { userId })).token,
      tenant.origin,
    );
    await signIn.post('/challenge');
    const verified = await signIn.post('/challenge/verify', { code: appCode(secret, 1) });
    assert.equal(verified.statusCode, 200, verified.body);
  });
});
