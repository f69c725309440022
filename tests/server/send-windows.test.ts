// Defends the windows of docs/limits.md "Per-tenant send limits" as documented: the velocity
// windows slide by the minute (a send counts for at least its 10 minutes or hour, and less than a
// minute more), `retryAfter` is the time until the oldest counted minute leaves, the budget is the
// UTC day, and a refused send counts in no limit. The clock is passed in, so no test waits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../server/errors.ts';
import { admitSend, type SendFacts, sendRefusal } from '../../server/services/send-limits.ts';
import { loadTenant } from '../../server/services/tenants.ts';
import {
  describeEachDatabase,
  makeTenant,
  mintSession,
  type TestApp,
} from '../helpers/build-app.ts';

const at = (iso: string) => new Date(`2026-12-02T${iso}Z`);

describeEachDatabase('send windows', ({ build }) => {
  async function setUp(t: Parameters<typeof build>[0], settings: Record<string, number>) {
    const app = await build(t);
    const tenant = await makeTenant(app, settings);
    await mintSession(app, tenant, { userId: 'patient', purpose: 'setup' });
    const user = await app.db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenant.tenantId)
      .executeTakeFirstOrThrow();
    return { app, context: await loadTenant(app.db, tenant.tenantId), userId: user.id };
  }

  /** Admits one send at `now`: 'sent', or the refusing limit and its retryAfter. */
  async function attempt(
    app: TestApp,
    context: Awaited<ReturnType<typeof loadTenant>>,
    facts: SendFacts,
    now: Date,
  ) {
    try {
      await app.db.transaction().execute((trx) => admitSend(trx, context, facts, now));
      return 'sent';
    } catch (failure) {
      const error = sendRefusal(failure) ?? failure;
      if (!(error instanceof AppError)) throw error;
      return `${error.extra.limit} ${error.extra.retryAfter}`;
    }
  }

  const sms = (userId: string, ip: string, index = 'number-a'): SendFacts => ({
    channel: 'sms',
    userId,
    ipKey: ip,
    phone: { index, prefixIndex: `prefix-${index}`, country: 'FR' },
  });

  test('per number: a send counts for 10 to 11 minutes, to the end of its tenth minute after', async (t) => {
    const { app, context, userId } = await setUp(t, { smsPerNumberPer10Minutes: 2 });
    const send = (now: Date) => attempt(app, context, sms(userId, '192.0.2.1'), now);
    assert.equal(await send(at('10:00:45')), 'sent');
    assert.equal(await send(at('10:03:10')), 'sent');
    // 9 minutes 15 seconds, then 10 minutes 14 seconds after the first: still counted, to 10:11:00.
    assert.equal(await send(at('10:10:00')), 'per-number 60');
    assert.equal(await send(at('10:10:59')), 'per-number 1');
    assert.equal(await send(at('10:11:00')), 'sent', 'the first send left at 10:11:00');
    assert.equal(await send(at('10:11:30')), 'per-number 150', 'now 10:03:10 is the oldest');
  });

  test('per hour: a send counts for 60 to 61 minutes', async (t) => {
    const { app, context, userId } = await setUp(t, { codesPerIpPerHour: 1 });
    const send = (now: Date, ip = '192.0.2.7') =>
      attempt(app, context, { channel: 'email', userId, ipKey: ip }, now);
    assert.equal(await send(at('10:00:01')), 'sent');
    assert.equal(await send(at('11:00:59')), 'per-ip 1');
    assert.equal(await send(at('11:00:59'), '192.0.2.8'), 'sent', 'another address');
    assert.equal(await send(at('11:01:00')), 'sent');
  });

  test('the budget is the UTC day', async (t) => {
    const { app, context, userId } = await setUp(t, { dailySmsBudget: 1 });
    const send = (now: Date, ip: string, index: string) =>
      attempt(app, context, sms(userId, ip, index), now);
    assert.equal(await send(at('00:00:00'), '192.0.2.1', 'a'), 'sent');
    assert.equal(await send(at('23:59:30'), '192.0.2.2', 'b'), 'daily-budget 30');
    assert.equal(
      await send(new Date('2026-12-03T00:00:00Z'), '192.0.2.3', 'c'),
      'sent',
      'a new day',
    );
  });

  test('a send over several limits is refused by the first of them, in the order of docs/limits.md', async (t) => {
    const { app, context, userId } = await setUp(t, {
      smsPerNumberPer10Minutes: 1,
      codesPerIpPerHour: 1,
      dailySmsBudget: 1,
    });
    const now = at('12:00:00');
    const send = sms(userId, '192.0.2.1', 'a');
    assert.equal(await attempt(app, context, send, now), 'sent');
    // Over the number's, the address's and the day's limits at once: the number's is named.
    assert.equal(await attempt(app, context, send, now), 'per-number 660');
    // Another number from the same address: over the address's and the day's, the address's named.
    assert.equal(await attempt(app, context, sms(userId, '192.0.2.1', 'b'), now), 'per-ip 3660');
  });

  test('a refused send counts in no limit', async (t) => {
    const { app, context, userId } = await setUp(t, {
      smsPerNumberPer10Minutes: 1,
      codesPerIpPerHour: 1,
      dailySmsBudget: 2,
    });
    const now = at('12:00:00');
    assert.equal(await attempt(app, context, sms(userId, '192.0.2.1', 'a'), now), 'sent');
    // Refused by the address: counted neither for number b nor in the budget.
    assert.equal(await attempt(app, context, sms(userId, '192.0.2.1', 'b'), now), 'per-ip 3660');
    assert.equal(await attempt(app, context, sms(userId, '192.0.2.2', 'b'), now), 'sent');
    assert.equal(
      await attempt(app, context, sms(userId, '192.0.2.3', 'c'), now),
      'daily-budget 43200',
    );
    const log = await app.db
      .selectFrom('send_log')
      .select('phone_index')
      .where('tenant_id', '=', context.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      log.map((row) => row.phone_index),
      ['a', 'b'],
      'the log holds the admitted sends only',
    );
  });
});
