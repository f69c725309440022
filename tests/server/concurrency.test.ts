// Defends docs/security.md "Concurrency": one lock order (no deadlock, no 5xx), counters that stay
// exact under parallel requests, checks and acts in one transaction (no invalid end state), and a
// patient's repeated code that is answered, not counted. The races run on PostgreSQL only: PGlite
// runs one transaction at a time, so a race there proves nothing, and it is reported as skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDatabase, makeTenant, type TestApp } from '../helpers/build-app.ts';
import { waitForLockWait } from '../helpers/postgres-app.ts';
import {
  assertNo5xx,
  countEvents,
  errorCode,
  PGLITE_SKIP,
  ROOMY_HTTP,
  ROOMY_SETTINGS,
  skipResendWait,
  wrong,
} from '../helpers/races.ts';
import {
  challengeSession,
  enrol,
  FRENCH_MOBILE,
  latestSmsCode,
  OTHER_FRENCH_MOBILE,
  setupSession,
  stepUp,
} from '../helpers/widget-client.ts';

async function userRow(app: TestApp, tenantId: string) {
  return app.db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
}

describeEachDatabase('concurrency', ({ build, kind }) => {
  const race = kind === 'pglite' ? { skip: PGLITE_SKIP } : {};

  test(
    'a resend racing a correct verify: no 5xx; the code works unless a resend replaced it, and then the answer says so',
    race,
    async (t) => {
      const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
      const { tenant, widget, userId } = await setupSession(app, ROOMY_SETTINGS);
      await enrol(app, widget);
      let replaced = 0;
      for (let round = 1; round <= 40; round += 1) {
        const signIn = await challengeSession(app, tenant, { userId });
        assert.equal((await signIn.post('/challenge')).statusCode, 200);
        const code = await latestSmsCode(app);
        await skipResendWait(app, tenant.tenantId);
        const [verify, ...resends] = await Promise.all([
          signIn.post('/challenge/verify', { code }),
          ...Array.from({ length: 3 }, () => signIn.post('/challenge/resend')),
        ]);
        assertNo5xx([verify, ...resends], round);
        for (const resend of resends) {
          assert.ok(
            resend.statusCode === 200 ||
              ['rate_limited', 'already_verified'].includes(errorCode(resend)),
            `round ${round}: resend ${resend.statusCode} ${resend.body}`,
          );
        }
        if (verify.statusCode === 200) {
          assert.equal(verify.json().status, 'verified');
          continue;
        }
        // Only a resend that went out first may take the code's place, and the answer names it.
        assert.equal(errorCode(verify), 'code_replaced', `round ${round}: ${verify.body}`);
        assert.ok(resends.some((r) => r.statusCode === 200));
        replaced += 1;
      }
      const user = await userRow(app, tenant.tenantId);
      assert.equal(
        user.failed_attempts,
        0,
        'a replaced code is the patient’s own, never a failure',
      );
      t.diagnostic(`${replaced} of 40 rounds: a resend replaced the code first`);
    },
  );

  test(
    '20 parallel management calls of one user: no 5xx, a valid end state, one audit event per change',
    race,
    async (t) => {
      const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
      for (let round = 1; round <= 25; round += 1) {
        const { tenant, widget } = await setupSession(app, ROOMY_SETTINGS);
        await enrol(app, widget);
        await stepUp(app, widget);
        assert.equal((await widget.post('/phone', { phone: OTHER_FRENCH_MOBILE })).statusCode, 200);
        const code = await latestSmsCode(app, OTHER_FRENCH_MOBILE);
        const before = {
          changed: await countEvents(app, tenant.tenantId, 'phone.changed'),
          regenerated: await countEvents(app, tenant.tenantId, 'recovery_codes.regenerated'),
        };
        const calls = [
          ...Array.from({ length: 5 }, () => () => widget.post('/phone/verify', { code })),
          ...Array.from({ length: 5 }, () => () => widget.post('/recovery-codes')),
          ...Array.from({ length: 5 }, () => () => widget.delete('/two-factor')),
          ...Array.from(
            { length: 5 },
            () => () => widget.post('/phone', { phone: OTHER_FRENCH_MOBILE }),
          ),
        ];
        const responses = await Promise.all(calls.map((call) => call()));
        assertNo5xx(responses, round);
        const verifies = responses.slice(0, 5);
        const regenerates = responses.slice(5, 10);
        const disables = responses.slice(10, 15);

        // Two-factor was on and nothing in the round can turn it on again: one disable wins.
        assert.deepEqual(
          disables.map((r) => r.statusCode).sort(),
          [204, 409, 409, 409, 409],
          `round ${round}: ${disables.map((r) => r.body)}`,
        );
        assert.ok(
          disables.filter((r) => r.statusCode === 409).every((r) => errorCode(r) === 'not_enabled'),
        );
        assert.equal(await countEvents(app, tenant.tenantId, 'two_factor.disabled'), 1);
        const changes = verifies.filter((r) => r.statusCode === 200);
        assert.ok(changes.length <= 1, `round ${round}: one change of phone at most`);
        assert.equal(
          (await countEvents(app, tenant.tenantId, 'phone.changed')) - before.changed,
          changes.length,
        );
        assert.equal(
          (await countEvents(app, tenant.tenantId, 'recovery_codes.regenerated')) -
            before.regenerated,
          regenerates.filter((r) => r.statusCode === 200).length,
        );

        // Off: no active phone, no recovery code; a number typed afterwards may wait as pending.
        const user = await userRow(app, tenant.tenantId);
        const ref = (table: 'phone_factors' | 'recovery_code_sets') =>
          app.db.selectFrom(table).selectAll().where('user_id', '=', user.id);
        const active = await ref('phone_factors').where('status', '=', 'active').execute();
        const codes = await ref('recovery_code_sets').execute();
        assert.deepEqual(
          [active.length, codes.length],
          [0, 0],
          `round ${round}: a valid end state`,
        );
        // Exact counting: a verify that lost its code to the disable is a counted wrong code, and
        // nothing else is (a repeat of the code after its success is answered, not counted).
        assert.equal(
          user.failed_attempts,
          responses.filter((r) => errorCode(r) === 'invalid_code').length,
          `round ${round}: failures counted exactly`,
        );
      }
    },
  );

  test(
    'parallel wrong codes: each counted once, and a code judged at most 5 times',
    race,
    async (t) => {
      const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
      const { tenant, widget } = await setupSession(app, ROOMY_SETTINGS);
      assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
      const code = await latestSmsCode(app);
      const responses = await Promise.all(
        Array.from({ length: 9 }, () => widget.post('/phone/verify', { code: wrong(code) })),
      );
      assertNo5xx(responses, 1);
      const codes = responses.map(errorCode);
      assert.equal(codes.filter((c) => c === 'invalid_code').length, 5, `answers ${codes}`);
      assert.equal(codes.filter((c) => c === 'code_expired').length, 4, `answers ${codes}`);
      const row = await app.db
        .selectFrom('verification_codes')
        .select('attempts')
        .where('tenant_id', '=', tenant.tenantId)
        .executeTakeFirstOrThrow();
      assert.equal(row.attempts, 5);
      assert.equal((await userRow(app, tenant.tenantId)).failed_attempts, 5);
    },
  );

  test(
    'parallel wrong recovery codes: the failure count is exact and the lockout starts at the 10th',
    race,
    async (t) => {
      const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
      const { tenant, widget } = await setupSession(app, ROOMY_SETTINGS);
      await enrol(app, widget);
      const responses = await Promise.all(
        Array.from({ length: 30 }, () =>
          widget.post('/step-up/verify', { recoveryCode: '0000-0000-0000-0000' }),
        ),
      );
      assertNo5xx(responses, 1);
      const codes = responses.map(errorCode);
      assert.equal(codes.filter((c) => c === 'invalid_code').length, 9, `answers ${codes}`);
      assert.equal(codes.filter((c) => c === 'locked').length, 21, `answers ${codes}`);
      const user = await userRow(app, tenant.tenantId);
      assert.equal(user.failed_attempts, 10, 'the ones refused by the lockout are not counted');
      assert.ok(user.locked_until && user.locked_until > new Date());
      assert.equal(await countEvents(app, tenant.tenantId, 'user.locked'), 1);
    },
  );

  test(
    '50 parallel submissions of one correct sign-in code: one success, no failure counted',
    race,
    async (t) => {
      const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
      const { tenant, widget, userId } = await setupSession(app, ROOMY_SETTINGS);
      await enrol(app, widget);
      const signIn = await challengeSession(app, tenant, { userId });
      await signIn.post('/challenge');
      const code = await latestSmsCode(app);
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => signIn.post('/challenge/verify', { code })),
      );
      assertNo5xx(responses, 1);
      assert.equal(responses.filter((r) => r.statusCode === 200).length, 1);
      assert.ok(
        responses
          .filter((r) => r.statusCode !== 200)
          .every((r) => errorCode(r) === 'already_verified'),
      );
      assert.equal((await userRow(app, tenant.tenantId)).failed_attempts, 0);
    },
  );

  test(
    'a session ended while its enrolment code waits for the user’s lock: session_expired, no failure counted',
    race,
    async (t) => {
      const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
      const { tenant, widget } = await setupSession(app, ROOMY_SETTINGS);
      assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
      const code = await latestSmsCode(app);
      const { id: userId } = await userRow(app, tenant.tenantId);
      let verifying: Promise<LightMyRequestResponse> | undefined;
      await app.db.transaction().execute(async (trx) => {
        // Another change holds the user's row: the verify, past authentication, waits for it.
        await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
        verifying = widget.post('/phone/verify', { code });
        await waitForLockWait(app.db);
        // Meanwhile the session ends (signed out, erased): its codes go with it.
        await trx.deleteFrom('widget_sessions').where('user_id', '=', userId).execute();
      });
      const response = await (verifying as Promise<LightMyRequestResponse>);
      assert.equal(errorCode(response), 'session_expired', response.body);
      assert.equal((await userRow(app, tenant.tenantId)).failed_attempts, 0);
    },
  );

  test(
    'two parallel disables: one turns two-factor off, the other answers not_enabled',
    race,
    async (t) => {
      const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
      for (let round = 1; round <= 10; round += 1) {
        const { tenant, widget } = await setupSession(app, ROOMY_SETTINGS);
        await enrol(app, widget);
        await stepUp(app, widget);
        const responses = await Promise.all([
          widget.delete('/two-factor'),
          widget.delete('/two-factor'),
        ]);
        assert.deepEqual(responses.map((r) => r.statusCode).sort(), [204, 409], `round ${round}`);
        assert.equal(await countEvents(app, tenant.tenantId, 'two_factor.disabled'), 1);
      }
    },
  );

  test('the schema refuses a row of one tenant attached to another tenant’s user', async (t) => {
    const app = await build(t);
    const a = await setupSession(app);
    await enrol(app, a.widget);
    const other = await makeTenant(app);
    const user = await userRow(app, a.tenant.tenantId);
    const session = await app.db
      .selectFrom('widget_sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const foreignKeyViolation = (error: unknown) =>
      (error as { code?: string }).code === '23503' ||
      /foreign key/i.test((error as Error).message);
    await assert.rejects(
      app.db
        .insertInto('trusted_browsers')
        .values({
          tenant_id: other.tenantId,
          user_id: user.id,
          token_hash: 'y',
          label: 'x',
          expires_at: new Date(),
        })
        .execute(),
      foreignKeyViolation,
      'a trusted browser of another tenant',
    );
    const b = await setupSession(app, {}, 'someone-else');
    const userB = await userRow(app, b.tenant.tenantId);
    // userB has no set yet: the insert reaches the key check, not the one-set-per-user key.
    await assert.rejects(
      app.db
        .insertInto('recovery_code_sets')
        .values({ tenant_id: other.tenantId, user_id: userB.id, code_hashes: ['x'] })
        .execute(),
      foreignKeyViolation,
      'a recovery code set of another tenant',
    );
    await assert.rejects(
      app.db
        .insertInto('verification_codes')
        .values({
          tenant_id: b.tenant.tenantId,
          user_id: userB.id,
          session_id: session.id,
          purpose: 'enrol',
          channel: 'sms',
          phone_factor_id: null,
          code_hash: 'z',
          send_number: 1,
          expires_at: new Date(),
          resend_at: new Date(),
        })
        .execute(),
      foreignKeyViolation,
      "a code in another user's session",
    );
  });
});
