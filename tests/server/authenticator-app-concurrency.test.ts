// Defends docs/security.md "Authenticator app", replay: one app code submitted 50 times at once,
// from several sessions of the same user, at step-up and at sign-in, is accepted exactly once (the
// conditional update on last_used_step), with no 5xx. The race runs on PostgreSQL only: PGlite runs one transaction at a
// time, so a race there proves nothing, and it is reported as skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appCode, enrolApp } from '../helpers/authenticator-app.ts';
import { describeEachDatabase, mintSession } from '../helpers/build-app.ts';
import { challengeSession, setupSession, widgetClient } from '../helpers/widget-client.ts';

const PGLITE_SKIP =
  'PGlite runs one transaction at a time, so a race proves nothing there: this runs on PostgreSQL';
const ROOMY_HTTP = { sendsPerMinute: 10_000, verifiesPerMinute: 10_000, perMinute: 10_000 };
const PARALLEL = 50;

type Answer = { statusCode: number; body: string };

/**
 * Exactly one 200, no 5xx, the others refused as wrong codes or by the lockout they start (and, at
 * sign-in, the other requests of the session that passed: it is finished).
 */
function exactlyOneAccepted(
  answers: Answer[],
  diagnostic: (message: string) => void,
  signIn = false,
) {
  const statuses = answers.map((answer) => answer.statusCode);
  const finished = answers.filter((a) => a.statusCode === 409).map((a) => JSON.parse(a.body));
  assert.ok(
    signIn || finished.length === 0,
    'a step-up session is never finished by another request',
  );
  assert.ok(
    finished.every((body) => body.error.code === 'already_verified'),
    JSON.stringify(finished),
  );
  assert.deepEqual(
    answers.filter((a) => a.statusCode >= 500).map((a) => a.body),
    [],
    'no 5xx',
  );
  assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses: ${statuses.join(' ')}`);
  assert.ok(
    statuses.every((s) => s === 200 || s === 422 || s === 423 || s === 409),
    `the others are refused as wrong codes (or the lockout they start): ${statuses.join(' ')}`,
  );
  const count = (status: number) => statuses.filter((s) => s === status).length;
  diagnostic(`200×${count(200)} 409×${count(409)} 422×${count(422)} 423×${count(423)}`);
}

describeEachDatabase('authenticator app: concurrency', ({ build, kind }) => {
  const race = kind === 'pglite' ? { skip: PGLITE_SKIP } : {};

  test(`${PARALLEL} parallel submissions of one app code: exactly one success`, race, async (t) => {
    const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
    const { tenant, widget, userId } = await setupSession(app);
    const secret = await enrolApp(widget);
    const sessions = [widget];
    for (let i = 0; i < 4; i += 1) {
      const token = await mintSession(app, tenant, { userId, purpose: 'setup' });
      sessions.push(widgetClient(app, token, tenant.origin));
    }
    const code = appCode(secret, 1);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        (sessions[i % sessions.length] as typeof widget).post('/step-up/verify', {
          code,
          method: 'totp',
        }),
      ),
    );
    exactlyOneAccepted(answers, (message) => t.diagnostic(message));
  });

  test(`${PARALLEL} parallel sign-ins with one app code: exactly one success`, race, async (t) => {
    const app = await build(t, {}, { httpLimits: ROOMY_HTTP });
    const { tenant, widget, userId } = await setupSession(app);
    const secret = await enrolApp(widget);
    const signIns: (typeof widget)[] = [];
    for (let i = 0; i < 5; i += 1) {
      const signIn = await challengeSession(app, tenant, { userId });
      assert.equal((await signIn.post('/challenge')).json().step, 'totp');
      signIns.push(signIn);
    }
    const code = appCode(secret, 1);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        (signIns[i % signIns.length] as (typeof signIns)[number]).post('/challenge/verify', {
          code,
          method: 'totp',
        }),
      ),
    );
    exactlyOneAccepted(answers, (message) => t.diagnostic(message), true);
  });
});
