// Defends docs/security.md "SMS pumping and cost" (provider errors, through the real Plivo SDK to a fake
// Plivo: Plivo 5xx, 400, 451, 429 and timeouts become `delivery_failed`, are logged without the
// code or number, leave no half-enrolled state and never count as the user's failed verification),
// "Data and logs", attack test 6 (no code, code hash, full number, token or secret key in any
// response or log line of a whole journey; recovery codes only where they are meant to be shown)
// and attack test 7 (disable, change of phone and recovery codes refused from an unlisted origin,
// another tenant's origin, no origin, or as text/plain, even with a fresh step-up).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { errorCodes } from '../../server/errors.ts';
import { PlivoSmsSender } from '../../server/providers/sms/plivo-sms-sender.ts';
import {
  type FakePlivo,
  type PlivoFailure,
  type PlivoRequest,
  startFakePlivo,
} from '../fakes/plivo.ts';
import {
  describeEachDatabase,
  LogCapture,
  makeTenant,
  type TestApp,
  testConfig,
} from '../helpers/build-app.ts';
import {
  FRENCH_MOBILE,
  OTHER_FRENCH_MOBILE,
  setupSession,
  type WidgetClient,
} from '../helpers/widget-client.ts';

type Reply = Awaited<ReturnType<WidgetClient['get']>>;

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function plivoEnv(fake: FakePlivo): Record<string, string> {
  return {
    PLIVO_AUTH_ID: fake.authId,
    PLIVO_AUTH_TOKEN: fake.authToken,
    PLIVO_SENDER: 'Clinic',
    PLIVO_API_URL: fake.url,
  };
}

/** The code in a message sent to the fake: the text's last line is `@host #123456`. */
function codeOf(request: PlivoRequest | undefined): string {
  const code = request?.body?.text?.match(/\n@\S+ #(\d{6})$/)?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(request?.body)}`);
  return code;
}

/** The code of the newest message the fake received for `to`. */
function lastCode(fake: FakePlivo, to: string): string {
  return codeOf(fake.requests.findLast((request) => request.body?.dst === to));
}

/** Every way a French mobile number may be written: E.164, without `+`, national, spaced. */
function numberForms(e164: string): string[] {
  const national = e164.slice(3); // 612345678
  const pairs = national.slice(1).match(/../g)?.join(' ') ?? '';
  return [
    e164,
    e164.slice(1),
    `0${national}`,
    national,
    `0${national[0]} ${pairs}`,
    `+33 ${national[0]} ${pairs}`,
  ];
}

const NUMBER_FORMS = [...numberForms(FRENCH_MOBILE), ...numberForms(OTHER_FRENCH_MOBILE)];

/** A six-digit code standing alone (not inside a longer run of digits or a decimal fraction). */
const codePattern = (code: string) => new RegExp(`(?<![\\d.])${code}(?!\\d)`);

function assertNoNumber(text: string, where: string) {
  for (const form of NUMBER_FORMS) assert.ok(!text.includes(form), `${where} contains ${form}`);
}

/** What the database holds for one tenant (tests share the database: always scoped). */
async function stateOf(app: FastifyInstance, tenantId: string) {
  const phones = await app.db
    .selectFrom('phone_factors')
    .select(['id', 'status', 'phone_index', 'masked'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
  const codes = await app.db
    .selectFrom('verification_codes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
  const users = await app.db
    .selectFrom('users')
    .select(['failed_attempts', 'locked_until'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const events = await app.db
    .selectFrom('audit_events')
    .select(['type', 'details'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const recovery = await app.db
    .selectFrom('recovery_codes')
    .select(['id', 'code_hash', 'used_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('position')
    .execute();
  return { phones, codes, users, events, recovery };
}

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

/** Turns two-factor on through the fake; returns the recovery codes. */
async function enrolThroughFake(fake: FakePlivo, widget: WidgetClient, phone = FRENCH_MOBILE) {
  const sent = await widget.post('/phone', { phone });
  assert.equal(sent.statusCode, 200, sent.body);
  const verified = await widget.post('/phone/verify', { code: lastCode(fake, phone) });
  assert.equal(verified.statusCode, 200, verified.body);
  return verified.json().recoveryCodes as string[];
}

async function stepUpThroughFake(fake: FakePlivo, widget: WidgetClient, phone = FRENCH_MOBILE) {
  const sent = await widget.post('/step-up');
  assert.equal(sent.statusCode, 200, sent.body);
  const verified = await widget.post('/step-up/verify', { code: lastCode(fake, phone) });
  assert.equal(verified.statusCode, 200, verified.body);
}

/** What each failure of the fake becomes in the `DeliveryError` the error handler logs. */
const failures: [PlivoFailure, { kind: string; status: number | null }][] = [
  ['server-error', { kind: 'provider_error', status: 500 }],
  ['invalid-number', { kind: 'rejected', status: 400 }],
  ['451', { kind: 'rejected', status: 451 }],
  ['rate-limited', { kind: 'rejected', status: 429 }],
  ['timeout', { kind: 'timeout', status: null }],
];

describeEachDatabase('SMS delivery failures, logs and origins', (context) => {
  let fake: FakePlivo;
  before(async () => {
    fake = await startFakePlivo();
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

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

  test('attack 6: no code, hash, full number, token or secret key in any response or log line', async (t) => {
    const app = await context.build(t, plivoEnv(fake));
    const { tenant, widget, userId } = await setupSession(app);
    const responses: { label: string; text: string; showsRecoveryCodes: boolean }[] = [];
    const hashes = new Set<string>();

    /** Every hash this tenant's rows hold, read after each step, before any is deleted. */
    async function collectHashes() {
      const state = await stateOf(app, tenant.tenantId);
      for (const row of state.codes) hashes.add(row.code_hash);
      for (const row of state.recovery) hashes.add(row.code_hash);
      const sessions = await app.db
        .selectFrom('widget_sessions')
        .select('token_hash')
        .where('tenant_id', '=', tenant.tenantId)
        .execute();
      for (const row of sessions) hashes.add(row.token_hash);
    }

    async function record(
      label: string,
      sending: Promise<Reply>,
      status: number,
      showsRecoveryCodes = false,
    ) {
      const response = await sending;
      assert.equal(response.statusCode, status, `${label}: ${response.body}`);
      responses.push({
        label,
        text: `${JSON.stringify(response.headers)}\n${response.body}`,
        showsRecoveryCodes,
      });
      await collectHashes();
      return response;
    }
    const partner = (url: string) =>
      app.inject({ url, headers: { authorization: `Bearer ${tenant.secretKey}` } });

    await collectHashes();
    await record('enrol', widget.post('/phone', { phone: FRENCH_MOBILE }), 200);
    const enrolled = await record(
      'enrol verify',
      widget.post('/phone/verify', { code: lastCode(fake, FRENCH_MOBILE) }),
      200,
      true,
    );
    const firstSet: string[] = enrolled.json().recoveryCodes;
    await record('step-up', widget.post('/step-up'), 200);
    await record(
      'step-up verify',
      widget.post('/step-up/verify', { code: lastCode(fake, FRENCH_MOBILE) }),
      200,
    );
    const viewed = await record('view', widget.get('/recovery-codes'), 200, true);
    assert.deepEqual(
      viewed.json().codes.map((entry: { code: string }) => entry.code),
      firstSet,
    );
    const regenerated = await record('regenerate', widget.post('/recovery-codes'), 200, true);
    const secondSet: string[] = regenerated
      .json()
      .codes.map((entry: { code: string }) => entry.code);
    fake.fail('invalid-number', 1); // Plivo's answer echoes the number
    await record(
      'change, refused by Plivo',
      widget.post('/phone', { phone: OTHER_FRENCH_MOBILE }),
      502,
    );
    await record('change', widget.post('/phone', { phone: OTHER_FRENCH_MOBILE }), 200);
    await record(
      'change verify',
      widget.post('/phone/verify', { code: lastCode(fake, OTHER_FRENCH_MOBILE) }),
      200,
    );
    await record('step-up again', widget.post('/step-up'), 200);
    const stepUpCode = lastCode(fake, OTHER_FRENCH_MOBILE);
    await record('wrong code', widget.post('/step-up/verify', { code: wrong(stepUpCode) }), 422);
    await record('step-up verify again', widget.post('/step-up/verify', { code: stepUpCode }), 200);
    await record('session', widget.get('/session'), 200);
    await record('partner status', partner(`/v1/users/${userId}`), 200);
    await record('partner events', partner(`/v1/users/${userId}/events`), 200);
    await record('disable', widget.delete('/two-factor'), 204);
    await record('session after', widget.get('/session'), 200);

    const sentCodes = fake.requests.map(codeOf);
    assert.equal(sentCodes.length, 5, 'enrol, step-up, refused change, change, step-up');
    const recoveryCodes = [...firstSet, ...secondSet];
    assert.equal(new Set(recoveryCodes).size, 20);
    // Four sent codes (the refused one is deleted at once), two sets of ten, one session.
    assert.ok(hashes.size >= 4 + 20 + 1, `collected ${hashes.size} hashes`);
    const secretKeySecret = tenant.secretKey.slice('sk_'.length + 20 + 1);
    const secrets = [
      ...NUMBER_FORMS,
      ...hashes,
      widget.token,
      widget.token.slice('wst_'.length),
      tenant.secretKey,
      secretKeySecret,
    ];
    // The checks below would see a leak: the patterns match where the values are meant to be.
    assert.match(fake.requests[0]?.body?.text ?? '', codePattern(sentCodes[0] as string));
    assert.ok(
      responses.find((r) => r.label === 'regenerate')?.text.includes(secondSet[0] as string),
    );

    const logLines = app.logs.lines;
    assert.ok(logLines.length >= 2 * responses.length, `${logLines.length} log lines`);
    for (const [where, texts] of [
      ['response', responses.map((r) => `${r.label}: ${r.text}`)],
      ['log line', logLines],
    ] as const) {
      for (const text of texts) {
        for (const code of sentCodes) {
          assert.doesNotMatch(text, codePattern(code), `SMS code ${code} in ${where}: ${text}`);
        }
        for (const secret of secrets) {
          assert.ok(!text.includes(secret), `${secret} in ${where}: ${text}`);
        }
      }
    }
    for (const line of logLines) {
      for (const code of recoveryCodes) {
        for (const form of [code, code.replaceAll('-', '')]) {
          assert.ok(!line.includes(form), `recovery code ${form} logged: ${line}`);
        }
      }
    }
    for (const response of responses.filter((r) => !r.showsRecoveryCodes)) {
      for (const code of recoveryCodes) {
        for (const form of [code, code.replaceAll('-', '')]) {
          assert.ok(!response.text.includes(form), `recovery code in ${response.label}`);
        }
      }
    }
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
