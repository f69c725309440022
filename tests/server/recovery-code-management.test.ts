// Defends docs/security.md "Recovery codes": after a step-up the set can be viewed (only when the
// tenant allows it) and regenerated (the whole previous set dies); a recovery code is single use on
// the step-up path too (attack test 1), typed in any case, and the last one answers a new set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { updateTenant } from '../../server/services/tenants.ts';
import { describeEachDatabase, userRow } from '../helpers/build-app.ts';
import { ofType, recoveryRows, userStatus } from '../helpers/partner-views.ts';
import { enrol, setupSession, stepUp } from '../helpers/widget-client.ts';

const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describeEachDatabase('recovery code management', ({ build }) => {
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
      rows.every((row) => row.sealed_copy === null),
      'no encrypted copy',
    );
    assert.equal((await ofType(app, tenant, userId, 'recovery_codes.viewed')).length, 0);

    const regenerated = await widget.post('/recovery-codes');
    assert.equal(regenerated.statusCode, 200, regenerated.body);
    const after = await recoveryRows(app, tenant);
    assert.equal(after.length, 10);
    assert.ok(
      after.every((row) => row.sealed_copy === null),
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
    const failures = await userRow(app, tenant.tenantId, userId);
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
    assert.equal(rows.filter((row) => row.used).length, 1);
    assert.equal((await ofType(app, tenant, userId, 'recovery_code.used')).length, 1);
  });
});
