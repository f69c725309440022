// Defends docs/security.md "Recovery codes" for app users: the same set serves every method, so a
// patient who lost the phone with the app on it signs in with a recovery code, whether the app is
// their only method or sits beside a phone; the code is used up and the result says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { appCode, enrolApp, partnerStatus } from '../helpers/authenticator-app.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  setupSession,
  stepUp,
  type WidgetClient,
} from '../helpers/widget-client.ts';

/** The app as the first method: its recovery codes. */
async function appOnly(widget: WidgetClient): Promise<string[]> {
  const { secret } = (await widget.post('/totp')).json();
  const confirmed = await widget.post('/totp/verify', { code: appCode(secret) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return confirmed.json().recoveryCodes;
}

/** A phone, then the app beside it: the phone's recovery codes. */
async function phoneAndApp(app: FastifyInstance, widget: WidgetClient): Promise<string[]> {
  const codes = await enrol(app, widget);
  await stepUp(app, widget);
  await enrolApp(widget);
  return codes;
}

describeEachDatabase('authenticator app: the recovery-code way out', ({ build }) => {
  for (const [who, enrolUser] of [
    ['an app-only user', (_app: FastifyInstance, widget: WidgetClient) => appOnly(widget)],
    ['a phone+app user', phoneAndApp],
  ] as const) {
    test(`${who} asked for the app signs in with a recovery code, once`, async (t) => {
      const app = await build(t);
      const { tenant, widget, userId } = await setupSession(app);
      const codes = await enrolUser(app, widget);
      const signIn = await challengeSession(app, tenant, { userId });
      assert.equal((await signIn.post('/challenge')).json().step, 'totp');

      const verified = await signIn.post('/challenge/recovery', { recoveryCode: codes[0] });
      assert.equal(verified.statusCode, 200, verified.body);
      assert.equal(verified.json().status, 'verified');
      const redeemed = await app.inject({
        method: 'POST',
        url: '/v1/results/redeem',
        headers: { authorization: `Bearer ${tenant.secretKey}` },
        payload: { resultToken: verified.json().resultToken },
      });
      assert.equal(redeemed.json().via, 'recovery-code', redeemed.body);
      assert.equal((await partnerStatus(app, tenant, userId)).recoveryCodesRemaining, 9);

      const again = await challengeSession(app, tenant, { userId });
      await again.post('/challenge');
      const reused = await again.post('/challenge/recovery', { recoveryCode: codes[0] });
      assert.equal(reused.statusCode, 422, 'used up');
      assert.equal(reused.json().error.code, 'recovery_code_used');
    });
  }
});
