// Defends docs/security.md "SMS pumping and cost" (provider errors, through the real Plivo SDK to
// a fake Plivo: Plivo 5xx, 400, 451, 429 and timeouts become `delivery_failed`, are logged without
// the code or number, leave no half-enrolled state and never count as the user's failed
// verification).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { errorCodes } from '../../server/errors.ts';
import { PlivoSmsSender } from '../../server/providers/sms/plivo-sms-sender.ts';
import type { FakePlivo, PlivoFailure } from '../fakes/plivo.ts';
import {
  describeEachDatabase,
  LogCapture,
  type TestApp,
  testConfig,
} from '../helpers/build-app.ts';
import { assertNoNumber, codePattern } from '../helpers/leak-checks.ts';
import {
  codeOf,
  enrolThroughFake,
  lastCode,
  plivoEnv,
  type Reply,
  stateOf,
  useFakePlivo,
} from '../helpers/sms-journey.ts';
import { FRENCH_MOBILE, OTHER_FRENCH_MOBILE, setupSession } from '../helpers/widget-client.ts';

/** Lets the next resend of this tenant's codes through at once, as if its wait had passed. */
async function skipResendWait(app: FastifyInstance, tenantId: string) {
  await app.db
    .updateTable('verification_codes')
    .set({ resend_at: new Date(Date.now() - 1000) })
    .where('tenant_id', '=', tenantId)
    .execute();
}

function assertDeliveryFailed(response: Reply) {
  assert.equal(response.statusCode, 502, response.body);
  assert.deepEqual(response.json(), {
    error: { code: 'delivery_failed', message: errorCodes.delivery_failed.message },
  });
  assertNoNumber(response.body, 'the delivery_failed body');
}

/** What each failure of the fake becomes in the `DeliveryError` the error handler logs. */
const failures: [PlivoFailure, { kind: string; status: number | null }][] = [
  ['server-error', { kind: 'provider_error', status: 500 }],
  ['invalid-number', { kind: 'rejected', status: 400 }],
  ['451', { kind: 'rejected', status: 451 }],
  ['rate-limited', { kind: 'rejected', status: 429 }],
  ['timeout', { kind: 'timeout', status: null }],
];

describeEachDatabase('SMS delivery failures', (context) => {
  let fake!: FakePlivo;
  useFakePlivo((started) => {
    fake = started;
  });

  /** The app with a Plivo sender that gives up after 300 ms, so a timeout test is quick. */
  async function buildWithShortTimeout(t: { after(fn: () => Promise<void>): void }) {
    const logs = new LogCapture();
    const app = (await buildApp({
      config: testConfig(plivoEnv(fake)),
      database: context.database,
      keys: deriveKeys(randomBytes(32)),
      smsSender: new PlivoSmsSender({
        authId: fake.authId,
        authToken: fake.authToken,
        sender: 'Clinic',
        apiUrl: fake.url,
        timeoutMs: 300,
      }),
      logStream: logs,
    })) as unknown as TestApp;
    app.logs = logs;
    t.after(() => app.close());
    await app.ready();
    return app;
  }

  for (const [failure, expected] of failures) {
    test(`a Plivo ${failure} on POST /phone is delivery_failed and leaves no half-enrolled state`, async (t) => {
      const app =
        failure === 'timeout'
          ? await buildWithShortTimeout(t)
          : await context.build(t, plivoEnv(fake));
      const { tenant, widget } = await setupSession(app);
      fake.fail(failure, 1);

      const started = Date.now();
      const failed = await widget.post('/phone', { phone: FRENCH_MOBILE });
      assertDeliveryFailed(failed);
      assert.ok(Date.now() - started < 5000, 'the timeout is the sender’s, not the default 10 s');
      assert.equal(fake.requests.length, 1, 'the provider was called once');
      assert.equal(fake.requests[0]?.body?.dst, FRENCH_MOBILE);
      const undelivered = codeOf(fake.requests[0]);

      const state = await stateOf(app, tenant.tenantId);
      assert.deepEqual(
        state.phones.map((phone) => phone.status),
        ['pending'],
        'nothing enabled: the number only waits, as typed',
      );
      assert.deepEqual(
        state.codes.map((code) => [code.sent_at, code.superseded_at !== null, code.consumed_at]),
        [[null, true, null]],
        'no usable code: the one the provider failed to take is kept as never sent',
      );
      assert.deepEqual(
        state.users.map((user) => [user.failed_attempts, user.locked_until]),
        [[0, null]],
        'not a failed verification',
      );
      const types = state.events.map((event) => event.type);
      assert.equal(types.filter((type) => type === 'sms.delivery_failed').length, 1, `${types}`);
      assert.ok(!types.includes('sms.sent'), `${types}`);
      const audited = state.events.find((event) => event.type === 'sms.delivery_failed');
      assert.equal(audited?.details.purpose, 'enrol');
      assertNoNumber(JSON.stringify(audited?.details), 'the audit details');

      const entries = app.logs.lines.map((line) => JSON.parse(line));
      const logged = entries.find((entry) => entry.err?.reason);
      assert.ok(logged, 'the failure is logged');
      assert.equal(logged.err.reason.provider, 'plivo');
      assert.equal(logged.err.reason.kind, expected.kind);
      assert.equal(logged.err.reason.status, expected.status);
      assert.doesNotMatch(app.logs.text, codePattern(undelivered), 'the code is not logged');
      assertNoNumber(app.logs.text, 'the logs');

      // The provider may deliver it late after all: typing it is not the patient's failure.
      const late = await widget.post('/phone/verify', { code: undelivered });
      assert.equal(late.statusCode, 410, late.body);
      assert.equal(late.json().error.code, 'code_expired');
      assert.equal((await stateOf(app, tenant.tenantId)).users[0]?.failed_attempts, 0);

      fake.reset();
      const retried = await widget.post('/phone', { phone: FRENCH_MOBILE });
      assert.equal(retried.statusCode, 200, retried.body);
      assert.equal(fake.requests.length, 1, 'exactly one more send');
      const verified = await widget.post('/phone/verify', { code: codeOf(fake.requests[0]) });
      assert.equal(verified.statusCode, 200, verified.body);
      assert.equal(verified.json().enabled, true);
    });
  }

  test('a Plivo failure on /phone/resend leaves the previous code working', async (t) => {
    const app = await context.build(t, plivoEnv(fake));
    const { tenant, widget } = await setupSession(app);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const first = lastCode(fake, FRENCH_MOBILE);
    const [sentRow] = (await stateOf(app, tenant.tenantId)).codes;
    await skipResendWait(app, tenant.tenantId);

    fake.fail('server-error', 1);
    const resend = await widget.post('/phone/resend');
    assertDeliveryFailed(resend);
    assert.equal(fake.requests.length, 2, 'the resend reached the provider');

    const state = await stateOf(app, tenant.tenantId);
    assert.deepEqual(
      state.codes.map((code) => [
        code.id === sentRow?.id,
        code.superseded_at === null,
        code.sent_at === null,
      ]),
      [
        [true, true, false],
        [false, false, true],
      ],
      'the first code still live; the failed one never sent and never verifiable',
    );
    assert.equal(state.phones.length, 1, 'the number being verified is kept');
    assert.equal(state.users[0]?.failed_attempts, 0);
    const failed = state.events.filter((event) => event.type === 'sms.delivery_failed');
    assert.equal(failed.length, 1);

    const verified = await widget.post('/phone/verify', { code: first });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().enabled, true);
  });

  test('a Plivo failure on a step-up resend or a change of phone keeps the current state', async (t) => {
    const app = await context.build(t, plivoEnv(fake));
    const { tenant, widget } = await setupSession(app);
    await enrolThroughFake(fake, widget);
    assert.equal((await widget.post('/step-up')).statusCode, 200);
    const stepUpCode = lastCode(fake, FRENCH_MOBILE);
    await skipResendWait(app, tenant.tenantId);
    fake.fail('rate-limited', 1);
    assertDeliveryFailed(await widget.post('/step-up'));
    const stepped = await widget.post('/step-up/verify', { code: stepUpCode });
    assert.equal(stepped.statusCode, 200, 'the earlier step-up code still works');

    const before = await stateOf(app, tenant.tenantId);
    const sends = fake.requests.length;
    fake.fail('451', 1);
    assertDeliveryFailed(await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE }));
    assert.equal(fake.requests.length, sends + 1);
    const state = await stateOf(app, tenant.tenantId);
    const active = (phones: typeof state.phones) => phones.filter((p) => p.status === 'active');
    assert.deepEqual(active(state.phones), active(before.phones), 'the current phone stays');
    assert.equal(active(state.phones).length, 1);
    assert.deepEqual(state.codes.slice(0, before.codes.length), before.codes);
    assert.deepEqual(
      state.codes
        .slice(before.codes.length)
        .map((code) => [code.sent_at, code.superseded_at !== null]),
      [[null, true]],
      'the change-phone code the provider failed to take is never verifiable',
    );
    assert.equal(state.users[0]?.failed_attempts, 0);
    const view = (await widget.get('/session')).json();
    assert.equal(view.twoFactor.enabled, true);
    assert.equal(view.twoFactor.maskedPhone, '+33 •• •• •• 78');

    fake.reset();
    assert.equal((await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE })).statusCode, 200);
    assert.equal(fake.requests.length, 1);
    const changed = await widget.post('/phone/verify', {
      code: lastCode(fake, OTHER_FRENCH_MOBILE),
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json(), { phoneChanged: true });
  });
});
