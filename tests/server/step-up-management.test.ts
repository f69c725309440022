// Defends docs/security.md "Sessions, step-up": disable, change phone, view and regenerate need a
// step-up verified in the same session within 10 minutes; the new phone only replaces the old once
// verified; disabling turns two-factor off everywhere. The recovery codes' own management is in
// recovery-code-management.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, mintSession } from '../helpers/build-app.ts';
import { ofType, recoveryRows, type Tenant, userStatus } from '../helpers/partner-views.ts';
import {
  enrol,
  FRENCH_MOBILE,
  latestSmsCode,
  OTHER_FRENCH_MOBILE,
  setupSession,
  stepUp,
  type WidgetClient,
  widgetClient,
} from '../helpers/widget-client.ts';

const OLD_MASK = '+33 •• •• •• 78';
const NEW_MASK = '+33 •• •• •• 32';

/** The SMS in the dev outbox, newest first (emailed notices left out). */
const smsList = (app: FastifyInstance) => app.outbox.list().filter((m) => m.channel === 'sms');

/** Ends every step-up of the tenant's sessions, as if its 10 minutes had passed. */
async function lapseStepUps(app: FastifyInstance, tenant: Tenant) {
  await app.db
    .updateTable('widget_sessions')
    .set({ step_up_until: new Date(Date.now() - 1000) })
    .where('tenant_id', '=', tenant.tenantId)
    .execute();
}

/** The four calls that need a step-up, as an enrolled user without one would make them. */
async function assertAllRefused(app: FastifyInstance, widget: WidgetClient) {
  const sentBefore = smsList(app).length;
  for (const [name, response] of [
    ['POST /phone', await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE })],
    ['GET /recovery-codes', await widget.get('/recovery-codes')],
    ['POST /recovery-codes', await widget.post('/recovery-codes')],
    ['DELETE /two-factor', await widget.delete('/two-factor')],
  ] as const) {
    assert.equal(response.statusCode, 403, `${name}: ${response.body}`);
    assert.equal(response.json().error.code, 'step_up_required', name);
  }
  assert.equal(smsList(app).length, sentBefore, 'no SMS for a refused change');
  const session = (await widget.get('/session')).json();
  assert.equal(session.twoFactor.enabled, true, 'still on');
  assert.equal(session.twoFactor.maskedPhone, OLD_MASK, 'same phone');
  assert.equal(session.stepUpValidUntil, null);
}

describeEachDatabase('step-up and management', ({ build }) => {
  test('without a step-up, view, regenerate, disable and change phone are refused', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const codes = await enrol(app, widget);
    await assertAllRefused(app, widget);
    const status = await userStatus(app, tenant, userId);
    assert.equal(status.recoveryCodesRemaining, 10);
    const factors = await app.db
      .selectFrom('phone_factors')
      .select('status')
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.deepEqual(
      factors.map((f) => f.status),
      ['active'],
      'no pending number',
    );
    // The set from enrolment is still the live one: nothing was regenerated.
    const used = await widget.post('/step-up/verify', { recoveryCode: codes[0] });
    assert.equal(used.statusCode, 200, used.body);
  });

  test('after a step-up they work, for 10 minutes; once it lapses they are refused again', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    await enrol(app, widget);
    const { validUntil } = await stepUp(app, widget);
    const lasts = (Date.parse(validUntil) - Date.now()) / 1000;
    assert.ok(lasts > 590 && lasts <= 600, `step-up lasts ${lasts}s`);
    assert.equal((await widget.get('/session')).json().stepUpValidUntil, validUntil);

    const view = await widget.get('/recovery-codes');
    assert.equal(view.statusCode, 200, view.body);
    const regenerate = await widget.post('/recovery-codes');
    assert.equal(regenerate.statusCode, 200, regenerate.body);
    const change = await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE });
    assert.equal(change.statusCode, 200, change.body);

    await lapseStepUps(app, tenant);
    await assertAllRefused(app, widget);

    await stepUp(app, widget);
    const disable = await widget.delete('/two-factor');
    assert.equal(disable.statusCode, 204, disable.body);
    assert.equal((await widget.get('/session')).json().twoFactor.enabled, false);
  });

  test('a step-up in one session does not carry to another session of the same user', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    const other = widgetClient(
      app,
      await mintSession(app, tenant, { userId, purpose: 'setup' }),
      tenant.origin,
    );
    await stepUp(app, widget);
    assert.notEqual((await widget.get('/session')).json().stepUpValidUntil, null);
    await assertAllRefused(app, other);
    assert.equal((await widget.get('/recovery-codes')).statusCode, 200, 'the first still may');
  });

  test('a change of phone sends to the new number and swaps it in only once verified', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const codes = await enrol(app, widget);
    await stepUp(app, widget);

    const same = await widget.post('/phone', { phone: FRENCH_MOBILE });
    assert.equal(same.statusCode, 400, same.body);
    assert.equal(same.json().error.code, 'invalid_request');

    const sentBefore = smsList(app).length;
    const sent = await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().maskedPhone, NEW_MASK);
    const sms = smsList(app);
    assert.equal(sms.length, sentBefore + 1, 'one SMS');
    assert.equal(sms[0]?.to, OTHER_FRENCH_MOBILE, 'to the new number');

    const pending = await userStatus(app, tenant, userId);
    assert.deepEqual(pending.twoFactor.phone, { masked: OLD_MASK, country: 'FR' });
    assert.equal((await widget.get('/session')).json().twoFactor.maskedPhone, OLD_MASK);

    const verified = await widget.post('/phone/verify', {
      code: await latestSmsCode(app, OTHER_FRENCH_MOBILE),
    });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.deepEqual(verified.json(), { phoneChanged: true });

    const status = await userStatus(app, tenant, userId);
    assert.equal(status.twoFactor.enabled, true);
    assert.deepEqual(status.twoFactor.phone, { masked: NEW_MASK, country: 'FR' });
    assert.equal(status.recoveryCodesRemaining, 10, 'the recovery codes stay');
    const factors = await app.db
      .selectFrom('phone_factors')
      .select('status')
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.deepEqual(
      factors.map((f) => f.status),
      ['active'],
      'the old number is gone',
    );
    assert.equal((await ofType(app, tenant, userId, 'phone.changed')).length, 1);
    assert.deepEqual(
      (await widget.get('/recovery-codes')).json().codes.map((c: { code: string }) => c.code),
      codes,
    );

    const again = await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE });
    assert.equal(again.statusCode, 400, 'the number now in use');
    assert.equal(again.json().error.code, 'invalid_request');

    const nextStepUp = await widget.post('/step-up');
    assert.equal(nextStepUp.statusCode, 200, nextStepUp.body);
    assert.equal(smsList(app)[0]?.to, OTHER_FRENCH_MOBILE, 'step-ups go to the new number');
  });

  test('disabling turns two-factor off everywhere, and the user may enrol again', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const old = (await enrol(app, widget)) as [string, ...string[]];
    await stepUp(app, widget);

    const disabled = await widget.delete('/two-factor');
    assert.equal(disabled.statusCode, 204, disabled.body);
    assert.equal(disabled.body, '');

    const status = await userStatus(app, tenant, userId);
    assert.equal(status.twoFactor.enabled, false);
    assert.equal(status.twoFactor.phone, null);
    assert.equal(status.recoveryCodesRemaining, 0);
    const session = (await widget.get('/session')).json();
    assert.equal(session.twoFactor.enabled, false);
    assert.equal(session.twoFactor.maskedPhone, null);
    assert.equal((await recoveryRows(app, tenant)).length, 0, 'recovery codes deleted');
    assert.equal((await ofType(app, tenant, userId, 'two_factor.disabled')).length, 1);

    const noStepUp = await widget.post('/step-up');
    assert.equal(noStepUp.statusCode, 409);
    assert.equal(noStepUp.json().error.code, 'not_enabled');
    const twice = await widget.delete('/two-factor');
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, 'not_enabled');

    const fresh = await enrol(app, widget);
    assert.equal(fresh.length, 10);
    assert.ok(fresh.every((code) => !old.includes(code)));
    assert.equal((await userStatus(app, tenant, userId)).twoFactor.enabled, true);
    const stale = await widget.post('/step-up/verify', { recoveryCode: old[0] });
    assert.equal(stale.statusCode, 422, 'a code of the old set is dead');
  });
});
