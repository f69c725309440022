// Defends docs/security.md "Concurrency" for sends: however many ask at once, one code goes out and
// the others get its code or its resend wait, since each send reads the session's live code behind
// the user's lock. The races run on PostgreSQL only, and are reported as skipped on PGlite.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { describeEachDatabase } from '../helpers/build-app.ts';
import {
  assertOneSentRestWait,
  errorCode,
  PGLITE_SKIP,
  ROOMY_HTTP,
  ROOMY_SETTINGS,
  sendsAtOnce,
  skipResendWait,
} from '../helpers/races.ts';
import { challengeSession, enrol, setupSession } from '../helpers/widget-client.ts';

describeEachDatabase('parallel sends', ({ build, kind }) => {
  const race = kind === 'pglite' ? { skip: PGLITE_SKIP } : {};

  /** A patient with two-factor on by text message, their setup session and a sign-in session. */
  async function enrolledPatient(t: TestContext) {
    const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
    const { tenant, widget, userId } = await setupSession(app, ROOMY_SETTINGS);
    await enrol(app, widget);
    const signIn = await challengeSession(app, tenant, { userId });
    return { app, tenantId: tenant.tenantId, widget, signIn };
  }

  test(
    '10 parallel starts of one sign-in: one text message goes out, the others answer its code or its wait',
    race,
    async (t) => {
      const { app, tenantId, signIn } = await enrolledPatient(t);
      // Each start reads the newest code behind the user's lock: one sent, or one under way.
      const { responses: starts, sent } = await sendsAtOnce(app, tenantId, 10, () =>
        signIn.post('/challenge'),
      );
      assert.equal(sent, 1);
      const pending = starts.filter((r) => r.statusCode === 200);
      assert.ok(pending.length >= 1, starts.map((r) => r.body).join('\n'));
      assert.equal(new Set(pending.map((r) => r.json().expiresAt)).size, 1, 'one code answered');
      assert.ok(starts.every((r) => r.statusCode === 200 || errorCode(r) === 'rate_limited'));
    },
  );

  test(
    '10 parallel step-ups: one text message goes out, the others wait its resend time',
    race,
    async (t) => {
      const { app, tenantId, widget } = await enrolledPatient(t);
      // Each send reads the session's live step-up code behind the user's lock.
      const { responses, sent } = await sendsAtOnce(app, tenantId, 10, () =>
        widget.post('/step-up'),
      );
      assert.equal(sent, 1);
      assertOneSentRestWait(responses);
    },
  );

  test(
    '10 parallel resends of one sign-in code: exactly one goes out, the rest wait its resend time',
    race,
    async (t) => {
      const { app, tenantId, signIn } = await enrolledPatient(t);
      assert.equal((await signIn.post('/challenge')).statusCode, 200);
      await skipResendWait(app, tenantId);
      // Each reservation reads the live code under the user's lock, so it sees the one before it.
      const { responses, sent } = await sendsAtOnce(app, tenantId, 10, () =>
        signIn.post('/challenge/resend'),
      );
      assert.equal(sent, 1);
      assertOneSentRestWait(responses);
    },
  );
});
