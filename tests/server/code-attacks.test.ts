// Defends docs/security.md "Codes" and attack tests 1, 2 and 5: one success among parallel submissions,
// 5 tries per code, the per-user lockout that survives resends and sessions and refuses even the
// right code, and codes that only work for their own user, session and purpose, once, in time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, makeTenant, mintSession, userRow } from '../helpers/build-app.ts';
import {
  FRENCH_MOBILE,
  latestSmsCode,
  setupSession,
  type WidgetClient,
  widgetClient,
} from '../helpers/widget-client.ts';

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Lets the next resend through at once, as if its wait had passed. */
async function skipResendWait(app: FastifyInstance) {
  await app.db
    .updateTable('verification_codes')
    .set({ resend_at: new Date(Date.now() - 1000) })
    .execute();
}

async function startEnrolment(app: FastifyInstance, widget: WidgetClient) {
  const sent = await widget.post('/phone', { phone: FRENCH_MOBILE });
  assert.equal(sent.statusCode, 200, sent.body);
  return latestSmsCode(app);
}

describeEachDatabase('code attacks', ({ build }) => {
  test('attack 1: 50 parallel verifications of one valid code succeed exactly once', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    const code = await startEnrolment(app, widget);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => widget.post('/phone/verify', { code })),
    );
    const statuses = responses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses ${statuses}`);
    // The others repeat the patient's own code: told it is already used, never counted as failures
    // (which would lock the patient out right after their success).
    const repeats = responses.filter((r) => r.statusCode !== 200);
    assert.ok(
      repeats.every((r) => r.statusCode === 409 && r.json().error.code === 'already_verified'),
      `statuses ${statuses}`,
    );
    const user = await app.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('tenant_id', '=', tenant.tenantId)
      .executeTakeFirstOrThrow();
    assert.equal(user.failed_attempts, 0);
  });

  test('5 wrong tries kill a code; the right one is then refused as expired', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    const code = await startEnrolment(app, widget);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await widget.post('/phone/verify', { code: wrong(code) });
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.code, 'invalid_code');
      assert.equal(response.json().error.attemptsRemaining, 5 - attempt);
    }
    const right = await widget.post('/phone/verify', { code });
    assert.equal(right.statusCode, 410);
    assert.equal(right.json().error.code, 'code_expired');
    // "Ask for a new one" is possible at once: a dead code does not hold the resend wait.
    const resent = await widget.post('/phone/resend');
    assert.equal(resent.statusCode, 200, resent.body);
    const fresh = await widget.post('/phone/verify', { code: await latestSmsCode(app) });
    assert.equal(fresh.statusCode, 200, fresh.body);
  });

  test('attack 2: the 11th wrong code in a row is refused even when right, across resends and sessions', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    let code = await startEnrolment(app, widget);
    for (let i = 0; i < 4; i += 1) await widget.post('/phone/verify', { code: wrong(code) });
    await skipResendWait(app);
    assert.equal((await widget.post('/phone/resend')).statusCode, 200);
    code = await latestSmsCode(app);
    for (let i = 0; i < 4; i += 1) await widget.post('/phone/verify', { code: wrong(code) });
    const second = widgetClient(
      app,
      await mintSession(app, tenant, { userId, purpose: 'setup' }),
      tenant.origin,
    );
    code = await startEnrolment(app, second);
    assert.equal(
      (await second.post('/phone/verify', { code: wrong(code) })).json().error.attemptsRemaining,
      1,
    );
    const tenth = await second.post('/phone/verify', { code: wrong(code) });
    assert.equal(tenth.statusCode, 423);
    assert.equal(tenth.json().error.code, 'locked');
    const eleventh = await second.post('/phone/verify', { code });
    assert.equal(eleventh.statusCode, 423, 'the right code is refused while locked');
    const { retryAfter } = eleventh.json().error;
    assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `wait ${retryAfter}`);
    assert.equal(eleventh.headers['retry-after'], String(retryAfter));
    const send = await second.post('/phone/resend');
    assert.equal(send.statusCode, 423, 'no SMS while locked');
    // Refused, not used up: once the wait is over, the same code still works.
    await app.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const afterTheWait = await second.post('/phone/verify', { code });
    assert.equal(afterTheWait.statusCode, 200, afterTheWait.body);
  });

  test('the lockout grows with each run of ten failures and a success clears it', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const code = await startEnrolment(app, widget);
    const user = await userRow(app, tenant.tenantId, userId);
    await app.db
      .updateTable('users')
      .set({ failed_attempts: 19, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    const twentieth = await widget.post('/phone/verify', { code: wrong(code) });
    assert.equal(twentieth.statusCode, 423);
    const retryAfter = twentieth.json().error.retryAfter;
    assert.ok(retryAfter > 29 * 60 && retryAfter <= 30 * 60, `second wait ${retryAfter}`);
    await app.db
      .updateTable('users')
      .set({ failed_attempts: 99, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await app.db
      .updateTable('verification_codes')
      .set({ attempts: 0 })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const hundredth = await widget.post('/phone/verify', { code: wrong(code) });
    assert.equal(hundredth.statusCode, 423);
    assert.equal(hundredth.json().error.retryAfter, null, 'after 100 only a reset helps');
    assert.match(hundredth.json().error.message, /support/);
    assert.equal(hundredth.headers['retry-after'], undefined);
    await app.db
      .updateTable('users')
      .set({ failed_attempts: 3, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    assert.equal((await widget.post('/phone/verify', { code })).statusCode, 200);
    const after = await app.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.failed_attempts, 0);
  });

  test('a resend replaces the code and never resets the count; waits double', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    const first = await startEnrolment(app, widget);
    const tooSoon = await widget.post('/phone/resend');
    assert.equal(tooSoon.statusCode, 429);
    assert.equal(tooSoon.json().error.code, 'rate_limited');
    assert.ok(Number(tooSoon.headers['retry-after']) > 0);
    assert.equal(app.outbox.list().length, 1, 'no SMS for a refused resend');
    await widget.post('/phone/verify', { code: wrong(first) });
    await skipResendWait(app);
    const resent = await widget.post('/phone/resend');
    assert.equal(resent.statusCode, 200);
    const wait = (Date.parse(resent.json().resendAt) - Date.now()) / 1000;
    assert.ok(wait > 55 && wait <= 60, `second wait ${wait}`);
    const second = await latestSmsCode(app);
    if (second !== first) {
      const old = await widget.post('/phone/verify', { code: first });
      assert.equal(old.statusCode, 410, 'the replaced code no longer works');
      assert.equal(old.json().error.code, 'code_replaced', 'and the answer says a newer one went');
    }
    const user = await app.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('tenant_id', '=', tenant.tenantId)
      .executeTakeFirstOrThrow();
    // The replaced code was the patient's own, not a guess: only the wrong code counted.
    assert.equal(user.failed_attempts, 1, 'the resend reset no failure');
    assert.equal((await widget.post('/phone/verify', { code: second })).statusCode, 200);
  });

  test('a code the provider took but whose send was not recorded is refused, and not counted', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    const code = await startEnrolment(app, widget);
    // As if the database failed right after the provider accepted the message.
    await app.db
      .updateTable('verification_codes')
      .set({ sent_at: null })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const typed = await widget.post('/phone/verify', { code });
    assert.equal(typed.statusCode, 410, typed.body);
    assert.equal(typed.json().error.code, 'code_expired');
    const user = await app.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('tenant_id', '=', tenant.tenantId)
      .executeTakeFirstOrThrow();
    assert.equal(user.failed_attempts, 0);
  });

  test("attack 5: used, expired, and other users' or sessions' codes are refused", async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const client = async (userId: string) =>
      widgetClient(
        app,
        await mintSession(app, tenant, { userId, purpose: 'setup' }),
        tenant.origin,
      );
    const alice = await client('alice');
    const aliceCode = await startEnrolment(app, alice);

    const bob = await client('bob');
    const bobTry = await bob.post('/phone/verify', { code: aliceCode });
    assert.equal(bobTry.statusCode, 422, "another user's code");

    const aliceOtherSession = await client('alice');
    const otherSession = await aliceOtherSession.post('/phone/verify', { code: aliceCode });
    assert.equal(otherSession.statusCode, 422, "another session's code");
    assert.equal(otherSession.json().error.code, 'invalid_code', 'same answer as a wrong code');

    await app.db
      .updateTable('verification_codes')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .execute();
    const expired = await alice.post('/phone/verify', { code: aliceCode });
    assert.equal(expired.statusCode, 410);
    assert.equal(expired.json().error.code, 'code_expired');

    const carol = await client('carol');
    const carolCode = await startEnrolment(app, carol);
    assert.equal((await carol.post('/phone/verify', { code: carolCode })).statusCode, 200);
    const reused = await carol.post('/phone/verify', { code: carolCode });
    assert.equal(reused.statusCode, 409, 'a used code');
    assert.equal(reused.json().error.code, 'already_verified');
  });

  test('a step-up code cannot verify a phone, nor a phone code a step-up', async (t) => {
    const app = await build(t);
    const { widget } = await setupSession(app);
    const code = await startEnrolment(app, widget);
    const asStepUp = await widget.post('/step-up/verify', { code });
    assert.equal(asStepUp.statusCode, 409, 'no step-up before two-factor is on');
    assert.equal((await widget.post('/phone/verify', { code })).statusCode, 200);
    await app.db
      .updateTable('verification_codes')
      .set({ resend_at: new Date(0) })
      .execute();
    assert.equal((await widget.post('/step-up')).statusCode, 200);
    const stepUpCode = await latestSmsCode(app);
    assert.equal((await widget.post('/phone/verify', { code: stepUpCode })).statusCode, 422);
    assert.equal((await widget.post('/step-up/verify', { code: stepUpCode })).statusCode, 200);
  });

  test('wrong codes and the lockout are audit events', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const code = await startEnrolment(app, widget);
    for (let i = 0; i < 5; i += 1) await widget.post('/phone/verify', { code: wrong(code) });
    await skipResendWait(app);
    await widget.post('/phone/resend');
    const next = await latestSmsCode(app);
    for (let i = 0; i < 5; i += 1) await widget.post('/phone/verify', { code: wrong(next) });
    const events = await app.inject({
      url: `/v1/users/${userId}/events?limit=100`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    const types = events.json().events.map((e: { type: string }) => e.type);
    assert.equal(types.filter((type: string) => type === 'code.failed').length, 9);
    assert.equal(types[0], 'user.locked');
    assert.equal(events.json().events[0].details.failures, 10);
  });
});
