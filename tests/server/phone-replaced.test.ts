// Defends docs/api.md `phone_replaced` at verification: a patient with two tabs open who verifies a
// number in one, then types the other tab's code (sent to a number the first tab's verification
// replaced), is told the number was replaced, and the try is not counted toward the lockout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';
import {
  FRENCH_MOBILE,
  latestSmsCode,
  OTHER_FRENCH_MOBILE,
  widgetClient,
} from '../helpers/widget-client.ts';

describeEachDatabase('a code whose number another tab replaced', ({ build }) => {
  test('answers 409 phone_replaced, not a counted invalid_code', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const tab = async () =>
      widgetClient(
        app,
        await mintSession(app, tenant, { userId: 'two-tabs', purpose: 'setup' }),
        tenant.origin,
      );
    const first = await tab();
    const second = await tab();
    assert.equal((await first.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const firstCode = await latestSmsCode(app, FRENCH_MOBILE);
    assert.equal((await second.post('/phone', { phone: OTHER_FRENCH_MOBILE })).statusCode, 200);
    const verified = await second.post('/phone/verify', {
      code: await latestSmsCode(app, OTHER_FRENCH_MOBILE),
    });
    assert.equal(verified.statusCode, 200, verified.body);

    const late = await first.post('/phone/verify', { code: firstCode });
    assert.equal(late.statusCode, 409, late.body);
    assert.equal(late.json().error.code, 'phone_replaced');
    const user = await app.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('tenant_id', '=', tenant.tenantId)
      .executeTakeFirstOrThrow();
    assert.equal(user.failed_attempts, 0, 'not counted toward the lockout');
    const status = await app.inject({
      url: '/v1/users/two-tabs',
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    assert.equal(
      status.json().twoFactor.phone.masked,
      '+33 •• •• •• 32',
      'the verified number stays',
    );
  });
});
