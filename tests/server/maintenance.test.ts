import assert from 'node:assert/strict';
import { test } from 'node:test';
import { purgeExpired } from '../../server/services/maintenance.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  latestSmsCode,
  setupSession,
  stepUp,
} from '../helpers/widget-client.ts';

describeEachDatabase('purging expired rows', ({ build }) => {
  test('removes what expired more than a day ago and keeps what still matters', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    const signIn = await challengeSession(app, tenant, { userId });
    await signIn.post('/challenge');
    await signIn.post('/challenge/verify', { code: await latestSmsCode(app), trustBrowser: true });
    await stepUp(app, widget);
    assert.equal((await widget.post('/phone', { phone: '+33698765432' })).statusCode, 200);
    assert.equal((await widget.post('/totp', {})).statusCode, 200, 'an app secret never confirmed');

    const count = async (
      table:
        | 'widget_sessions'
        | 'verification_codes'
        | 'results'
        | 'trusted_browsers'
        | 'send_log'
        | 'phone_factors'
        | 'totp_factors'
        | 'audit_events',
    ) =>
      Number(
        (
          await app.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('tenant_id', '=', tenant.tenantId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const kept = await purgeExpired(app.db);
    assert.ok(Object.values(kept).every((n) => n >= 0));
    for (const table of [
      'widget_sessions',
      'results',
      'trusted_browsers',
      'send_log',
      'audit_events',
    ] as const) {
      assert.ok((await count(table)) > 0, `${table} still has its fresh rows`);
    }
    assert.equal(await count('phone_factors'), 2, 'the active phone and a fresh pending one');
    assert.equal(await count('totp_factors'), 1, 'a fresh pending app');

    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    await purgeExpired(app.db, inThreeDays);
    for (const table of ['widget_sessions', 'verification_codes', 'results', 'send_log'] as const) {
      assert.equal(await count(table), 0, `${table} purged`);
    }
    assert.equal(await count('trusted_browsers'), 1, 'trust lasts 30 days');
    assert.equal(await count('phone_factors'), 1, 'the pending number went, the active one stays');
    assert.equal(await count('totp_factors'), 0, 'the pending app went');
    assert.ok((await count('audit_events')) > 0, 'the audit record stays');
    assert.equal(await count('trusted_browsers'), 1);
    await purgeExpired(app.db, new Date(Date.now() + 31 * 86_400_000));
    assert.equal(await count('trusted_browsers'), 0, 'expired trust purged');
  });
});
