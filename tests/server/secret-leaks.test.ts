// Defends docs/security.md "Data and logs" and attack test 6: no code, code hash, full number,
// token or secret key in any response or log line of a whole journey (through the real Plivo SDK
// to a fake Plivo); recovery codes only where they are meant to be shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakePlivo } from '../fakes/plivo.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import { codePattern, NUMBER_FORMS } from '../helpers/leak-checks.ts';
import {
  codeOf,
  lastCode,
  plivoEnv,
  type Reply,
  stateOf,
  useFakePlivo,
} from '../helpers/sms-journey.ts';
import { FRENCH_MOBILE, OTHER_FRENCH_MOBILE, setupSession } from '../helpers/widget-client.ts';

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeEachDatabase('Secrets in responses and logs', (context) => {
  let fake!: FakePlivo;
  useFakePlivo((started) => {
    fake = started;
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
});
