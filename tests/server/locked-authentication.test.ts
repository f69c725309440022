// A phone verify's authentication begins its transaction: it locks the user's row and takes a try
// of the code in the same round trip (services/locked-authentication.ts). Whatever refuses the
// request after that must undo the take and let go of the lock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';
import {
  FRENCH_MOBILE,
  latestSmsCode,
  setupSession,
  widgetClient,
} from '../helpers/widget-client.ts';

describeEachDatabase('a phone verify refused after its authentication', ({ build }) => {
  // A lock or a transaction left behind makes the last verify wait for ever: the timeout fails it.
  test('takes no try of the code and holds no lock', { timeout: 30_000 }, async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    const other = await makeTenant(app);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const code = await latestSmsCode(app);

    const invalid = await widget.post('/phone/verify', { code: 'twelve' });
    assert.equal(invalid.statusCode, 400, invalid.body);
    const foreign = await widgetClient(app, widget.token, other.origin).post('/phone/verify', {
      code,
    });
    assert.equal(foreign.json().error.code, 'origin_not_allowed', foreign.body);
    const signIn = await mintSession(app, tenant, { userId, purpose: 'sign-in' });
    const wrongPurpose = await widgetClient(app, signIn, tenant.origin).post('/phone/verify', {
      code,
    });
    assert.equal(wrongPurpose.json().error.code, 'wrong_purpose', wrongPurpose.body);

    const codes = await app.db
      .selectFrom('verification_codes')
      .select(['attempts', 'consumed_at'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.deepEqual(codes, [{ attempts: 0, consumed_at: null }]);

    const verified = await widget.post('/phone/verify', { code });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().enabled, true);
  });

  test('an unknown or lapsed session is refused as before', async (t) => {
    const app = await build(t);
    const { tenant, widget } = await setupSession(app);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const code = await latestSmsCode(app);
    const unknown = widgetClient(app, `wst_${'A'.repeat(43)}`, tenant.origin);
    const refused = await unknown.post('/phone/verify', { code });
    assert.equal(refused.statusCode, 401, refused.body);
    assert.equal(refused.json().error.code, 'unauthorized');

    await app.db
      .updateTable('widget_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    const lapsed = await widget.post('/phone/verify', { code });
    assert.equal(lapsed.json().error.code, 'session_expired', lapsed.body);
    const [row] = await app.db
      .selectFrom('verification_codes')
      .select(['attempts', 'consumed_at'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.deepEqual(row, { attempts: 0, consumed_at: null });
  });
});
