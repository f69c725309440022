// Defends docs/security.md "Recovery codes" and "Sessions, step-up": disable, change phone, view and
// regenerate need a step-up verified in the same session within 10 minutes; recovery codes are
// single use on the step-up path too (attack test 1), viewable only when the tenant allows it, and
// regenerating kills the whole previous set; the new phone only replaces the old once verified.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { updateTenant } from '../../server/services/tenants.ts';
import { describeEachDatabase, mintSession } from '../helpers/build-app.ts';
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
const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

type Tenant = { tenantId: string; secretKey: string };

function partnerGet(app: FastifyInstance, tenant: Tenant, url: string) {
  return app.inject({ url: `/v1${url}`, headers: { authorization: `Bearer ${tenant.secretKey}` } });
}

async function userStatus(app: FastifyInstance, tenant: Tenant, userId: string) {
  const response = await partnerGet(app, tenant, `/users/${userId}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

/** The user's audit events through the partner API, newest first. */
async function events(
  app: FastifyInstance,
  tenant: Tenant,
  userId: string,
): Promise<{ type: string; details: Record<string, unknown> }[]> {
  const response = await partnerGet(app, tenant, `/users/${userId}/events?limit=100`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().events;
}

const ofType = async (app: FastifyInstance, tenant: Tenant, userId: string, type: string) =>
  (await events(app, tenant, userId)).filter((event) => event.type === type);

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

function recoveryRows(app: FastifyInstance, tenant: Tenant) {
  return app.db
    .selectFrom('recovery_codes')
    .select(['code_encrypted', 'used_at'])
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

  test('after a step-up the recovery codes can be viewed, with their used flags; each view is audited', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const codes = await enrol(app, widget);
    await stepUp(app, widget);

    const first = await widget.get('/recovery-codes');
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(
      first.json(),
      { codes: codes.map((code) => ({ code, used: false })) },
      'the set from enrolment, in order, none used',
    );
    assert.equal((await ofType(app, tenant, userId, 'recovery_codes.viewed')).length, 1);

    const used = await widget.post('/step-up/verify', { recoveryCode: codes[3] });
    assert.equal(used.statusCode, 200, used.body);
    const second = await widget.get('/recovery-codes');
    assert.equal(second.statusCode, 200, second.body);
    assert.deepEqual(
      second.json().codes,
      codes.map((code, i) => ({ code, used: i === 3 })),
    );
    assert.equal((await ofType(app, tenant, userId, 'recovery_codes.viewed')).length, 2);
    assert.equal((await widget.get('/session')).json().twoFactor.recoveryCodesRemaining, 9);
  });

  test('a tenant that turns viewing off keeps no readable copy and refuses the view', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app, { recoveryCodesViewable: false });
    const codes = await enrol(app, widget);
    assert.equal(codes.length, 10);
    assert.equal((await widget.get('/session')).json().twoFactor.recoveryCodesViewable, false);
    await stepUp(app, widget);

    const view = await widget.get('/recovery-codes');
    assert.equal(view.statusCode, 404, view.body);
    assert.equal(view.json().error.code, 'not_found');
    for (const code of codes) assert.ok(!view.body.includes(code));
    const rows = await recoveryRows(app, tenant);
    assert.equal(rows.length, 10);
    assert.ok(
      rows.every((row) => row.code_encrypted === null),
      'no encrypted copy',
    );
    assert.equal((await ofType(app, tenant, userId, 'recovery_codes.viewed')).length, 0);

    const regenerated = await widget.post('/recovery-codes');
    assert.equal(regenerated.statusCode, 200, regenerated.body);
    const after = await recoveryRows(app, tenant);
    assert.equal(after.length, 10);
    assert.ok(
      after.every((row) => row.code_encrypted === null),
      'nor for a new set',
    );
  });

  test('a tenant that turns viewing off later refuses the view of a set kept viewable', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    const codes = await enrol(app, widget);
    await stepUp(app, widget);
    assert.equal((await widget.get('/recovery-codes')).statusCode, 200);
    await updateTenant(app.db, tenant.tenantId, { settings: { recoveryCodesViewable: false } });
    const view = await widget.get('/recovery-codes');
    assert.equal(view.statusCode, 404, view.body);
    assert.equal(view.json().error.code, 'not_found');
    for (const code of codes) assert.ok(!view.body.includes(code));
  });

  test('regenerating gives a new set of the tenant size and kills the whole previous set', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app, { recoveryCodeCount: 3 });
    const old = await enrol(app, widget);
    assert.equal(old.length, 3);
    await stepUp(app, widget);

    const response = await widget.post('/recovery-codes');
    assert.equal(response.statusCode, 200, response.body);
    const fresh = response.json().codes as { code: string; used: boolean }[];
    assert.equal(fresh.length, 3);
    for (const { code, used } of fresh) {
      assert.match(code, RECOVERY_CODE);
      assert.equal(used, false);
      assert.ok(!old.includes(code), 'a new code');
    }
    assert.equal((await ofType(app, tenant, userId, 'recovery_codes.regenerated')).length, 1);
    assert.deepEqual((await widget.get('/recovery-codes')).json().codes, fresh, 'the view agrees');
    assert.equal((await recoveryRows(app, tenant)).length, 3, 'the old rows are gone');

    for (const code of old) {
      const refused = await widget.post('/step-up/verify', { recoveryCode: code });
      assert.equal(refused.statusCode, 422, `old ${code}: ${refused.body}`);
      assert.equal(refused.json().error.code, 'invalid_code');
    }
    const works = await widget.post('/step-up/verify', { recoveryCode: fresh[1]?.code });
    assert.equal(works.statusCode, 200, works.body);
    assert.equal((await userStatus(app, tenant, userId)).recoveryCodesRemaining, 2);
  });

  test('a recovery code steps up once, typed in any case, with or without dashes', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const codes = (await enrol(app, widget)) as [string, string, string, ...string[]];

    const lower = await widget.post('/step-up/verify', { recoveryCode: codes[0].toLowerCase() });
    assert.equal(lower.statusCode, 200, lower.body);
    assert.ok(Date.parse(lower.json().validUntil) > Date.now() + 590_000);
    assert.equal(lower.json().newRecoveryCodes, undefined, 'codes remain, no new set');
    assert.notEqual((await widget.get('/session')).json().stepUpValidUntil, null);
    assert.equal((await widget.get('/recovery-codes')).statusCode, 200, 'the step-up counts');

    const bare = await widget.post('/step-up/verify', {
      recoveryCode: codes[1].replaceAll('-', '').toLowerCase(),
    });
    assert.equal(bare.statusCode, 200, bare.body);
    const spaced = await widget.post('/step-up/verify', {
      recoveryCode: codes[2].replaceAll('-', ' '),
    });
    assert.equal(spaced.statusCode, 200, spaced.body);

    for (const again of [codes[0], codes[1].replaceAll('-', '')]) {
      const reused = await widget.post('/step-up/verify', { recoveryCode: again });
      assert.equal(reused.statusCode, 422, reused.body);
      assert.equal(reused.json().error.code, 'recovery_code_used');
    }
    const used = await ofType(app, tenant, userId, 'recovery_code.used');
    assert.deepEqual(
      used.map((event) => event.details.remaining),
      [7, 8, 9],
      'one event per use, newest first',
    );
    assert.equal((await userStatus(app, tenant, userId)).recoveryCodesRemaining, 7);
    const failures = await app.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('tenant_id', '=', tenant.tenantId)
      .where('external_id', '=', userId)
      .executeTakeFirstOrThrow();
    // The patient's own used code is named as used, not counted: it is no guess.
    assert.equal(failures.failed_attempts, 0, 'a reused code is not counted as a failure');
  });

  test('using the last recovery code answers a new set, and the old code is gone', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app, { recoveryCodeCount: 1 });
    const [only] = (await enrol(app, widget)) as [string];

    const response = await widget.post('/step-up/verify', { recoveryCode: only });
    assert.equal(response.statusCode, 200, response.body);
    const { newRecoveryCodes } = response.json();
    assert.ok(Array.isArray(newRecoveryCodes), response.body);
    assert.equal(newRecoveryCodes.length, 1);
    assert.match(newRecoveryCodes[0], RECOVERY_CODE);
    assert.notEqual(newRecoveryCodes[0], only);
    assert.equal((await userStatus(app, tenant, userId)).recoveryCodesRemaining, 1);
    const regenerated = await ofType(app, tenant, userId, 'recovery_codes.regenerated');
    assert.equal(regenerated.length, 1);
    assert.deepEqual(regenerated[0]?.details, { reason: 'last-code-used' });

    const old = await widget.post('/step-up/verify', { recoveryCode: only });
    assert.equal(old.statusCode, 422, old.body);
    assert.equal(old.json().error.code, 'invalid_code');
    const next = await widget.post('/step-up/verify', { recoveryCode: newRecoveryCodes[0] });
    assert.equal(next.statusCode, 200, next.body);
    assert.equal(next.json().newRecoveryCodes?.length, 1, 'and again when that one is used');
  });

  test('attack 1: 50 parallel step-ups with one recovery code succeed exactly once', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const [code] = (await enrol(app, widget)) as [string];
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => widget.post('/step-up/verify', { recoveryCode: code })),
    );
    const statuses = responses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses ${statuses}`);
    // The losers count as failed tries, so past ten of them the lockout answers instead.
    assert.ok(
      statuses.every((s) => s === 200 || s === 422 || s === 423),
      `statuses ${statuses}`,
    );
    const rows = await recoveryRows(app, tenant);
    assert.equal(rows.filter((row) => row.used_at !== null).length, 1);
    assert.equal((await ofType(app, tenant, userId, 'recovery_code.used')).length, 1);
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
