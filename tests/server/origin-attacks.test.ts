// Defends docs/security.md attack test 7: disable, change of phone and recovery codes refused from
// an unlisted origin, another tenant's origin, no origin, or as text/plain, even with a fresh
// step-up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakePlivo } from '../fakes/plivo.ts';
import { describeEachDatabase, makeTenant } from '../helpers/build-app.ts';
import {
  enrolThroughFake,
  lastCode,
  plivoEnv,
  type Reply,
  stateOf,
  useFakePlivo,
} from '../helpers/sms-journey.ts';
import {
  FRENCH_MOBILE,
  OTHER_FRENCH_MOBILE,
  setupSession,
  type WidgetClient,
} from '../helpers/widget-client.ts';

async function stepUpThroughFake(fake: FakePlivo, widget: WidgetClient, phone = FRENCH_MOBILE) {
  const sent = await widget.post('/step-up');
  assert.equal(sent.statusCode, 200, sent.body);
  const verified = await widget.post('/step-up/verify', { code: lastCode(fake, phone) });
  assert.equal(verified.statusCode, 200, verified.body);
}

describeEachDatabase('Origins of sensitive widget routes', (context) => {
  let fake!: FakePlivo;
  useFakePlivo((started) => {
    fake = started;
  });

  test('attack 7: disable, change phone and recovery codes refused from a wrong origin or as text/plain, even after a step-up', async (t) => {
    const app = await context.build(t, plivoEnv(fake));
    const { tenant, widget } = await setupSession(app);
    const other = await makeTenant(app);
    const recoveryCodes = await enrolThroughFake(fake, widget);
    await stepUpThroughFake(fake, widget);
    const before = await stateOf(app, tenant.tenantId);
    const sends = fake.requests.length;
    const authorization = `Bearer ${widget.token}`;

    const routes = [
      { method: 'DELETE', url: '/two-factor' },
      { method: 'POST', url: '/phone', json: { phone: OTHER_FRENCH_MOBILE } },
      { method: 'POST', url: '/recovery-codes', json: {} },
      { method: 'GET', url: '/recovery-codes' },
    ] as const;
    const origins: [string, Record<string, string>][] = [
      ['an unlisted origin', { origin: 'https://evil.example' }],
      ["another tenant's origin", { origin: other.origin }],
      ['no Origin', {}],
      ['the null origin', { origin: 'null' }],
    ];
    const refusals: Reply[] = [];
    for (const route of routes) {
      const label = `${route.method} ${route.url}`;
      for (const [from, headers] of origins) {
        const response = await app.inject({
          method: route.method,
          url: `/v1/widget${route.url}`,
          headers: { authorization, ...headers },
          ...('json' in route ? { payload: route.json } : {}),
        });
        assert.equal(response.statusCode, 403, `${label} from ${from}: ${response.body}`);
        assert.equal(response.json().error.code, 'origin_not_allowed', `${label} from ${from}`);
        if (from !== "another tenant's origin") {
          assert.equal(response.headers['access-control-allow-origin'], undefined, from);
        }
        refusals.push(response);
      }
      const plain = await app.inject({
        method: route.method,
        url: `/v1/widget${route.url}`,
        headers: { authorization, origin: tenant.origin, 'content-type': 'text/plain' },
        ...('json' in route ? { payload: JSON.stringify(route.json) } : {}),
      });
      assert.equal(plain.statusCode, 415, `${label} as text/plain: ${plain.body}`);
      assert.equal(plain.json().error.code, 'invalid_request');
      refusals.push(plain);
    }
    for (const response of refusals) {
      for (const code of recoveryCodes) assert.ok(!response.body.includes(code));
    }

    const state = await stateOf(app, tenant.tenantId);
    assert.deepEqual(state.phones, before.phones, 'same phone, no pending one');
    assert.deepEqual(state.recovery, before.recovery, 'same recovery code set');
    assert.deepEqual(state.codes, before.codes, 'no code sent');
    assert.equal(fake.requests.length, sends, 'no SMS');
    const types = (events: { type: string }[]) => events.map((event) => event.type).sort();
    assert.deepEqual(types(state.events), types(before.events), 'no security event happened');

    // With the right origin and JSON, the same session may do all of it: the step-up was valid.
    const view = (await widget.get('/session')).json();
    assert.equal(view.twoFactor.enabled, true);
    assert.equal(view.twoFactor.maskedPhone, '+33 •• •• •• 78');
    assert.equal(view.twoFactor.recoveryCodesRemaining, recoveryCodes.length);
    const shown = await widget.get('/recovery-codes');
    assert.equal(shown.statusCode, 200, shown.body);
    assert.deepEqual(
      shown.json().codes.map((entry: { code: string }) => entry.code),
      recoveryCodes,
    );
    const disabled = await widget.delete('/two-factor');
    assert.equal(disabled.statusCode, 204, disabled.body);
    assert.equal(fake.requests.length, sends);
  });
});
