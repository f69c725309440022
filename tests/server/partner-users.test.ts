// Defends the partner's user calls (DESIGN §3): the support-desk reset turns two-factor off and
// clears the lockout (docs/security.md "never more than 100 in a row without a success": only a reset
// helps then), the audit trail is newest first, paged, strictly validated, and each tenant sees only
// its own users' events, even under the same user id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { SmsSender } from '../../server/providers/sms/sms-sender.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';
import {
  enrol,
  FRENCH_MOBILE,
  latestSmsCode,
  setupSession,
  stepUp,
} from '../helpers/widget-client.ts';

type Tenant = { tenantId: string; secretKey: string };

function partner(app: FastifyInstance, tenant: Tenant) {
  const headers = { authorization: `Bearer ${tenant.secretKey}` };
  return {
    get: (url: string) => app.inject({ url: `/v1${url}`, headers }),
    delete: (url: string) => app.inject({ method: 'DELETE', url: `/v1${url}`, headers }),
  };
}

type Event = { id: number; type: string; ip: string | null; createdAt: string };

async function eventPage(app: FastifyInstance, tenant: Tenant, userId: string, query = '') {
  const response = await partner(app, tenant).get(`/users/${userId}/events${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { events: Event[]; nextBefore: number | null };
}

function userRow(app: FastifyInstance, tenant: Tenant, userId: string) {
  return app.db
    .selectFrom('users')
    .select(['id', 'failed_attempts', 'locked_until'])
    .where('tenant_id', '=', tenant.tenantId)
    .where('external_id', '=', userId)
    .executeTakeFirst();
}

describeEachDatabase('partner user calls', ({ build }) => {
  test('the support reset turns two-factor off and clears a lockout', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await app.db
      .updateTable('users')
      .set({ failed_attempts: 100, locked_until: new Date(Date.now() + 3600_000) })
      .where('tenant_id', '=', tenant.tenantId)
      .where('external_id', '=', userId)
      .execute();
    const locked = await widget.post('/step-up');
    assert.equal(locked.statusCode, 423, 'locked before the reset');

    const reset = await partner(app, tenant).delete(`/users/${userId}/two-factor`);
    assert.equal(reset.statusCode, 204, reset.body);
    assert.equal(reset.body, '');

    const status = (await partner(app, tenant).get(`/users/${userId}`)).json();
    assert.equal(status.twoFactor.enabled, false);
    assert.equal(status.twoFactor.phone, null);
    assert.equal(status.recoveryCodesRemaining, 0);
    const row = await userRow(app, tenant, userId);
    assert.equal(row?.failed_attempts, 0);
    assert.equal(row?.locked_until, null);
    for (const table of ['phone_factors', 'recovery_code_sets'] as const) {
      const rows = await app.db
        .selectFrom(table)
        .select('user_id')
        .where('tenant_id', '=', tenant.tenantId)
        .execute();
      assert.equal(rows.length, 0, `${table} emptied`);
    }

    // The user can verify a code again: a new enrolment goes through.
    const sent = await widget.post('/phone', { phone: '+33612345678' });
    assert.equal(sent.statusCode, 200, sent.body);
    const verified = await widget.post('/phone/verify', { code: await latestSmsCode(app) });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().enabled, true);

    const { events } = await eventPage(app, tenant, userId);
    const resets = events.filter((e) => e.type === 'two_factor.reset');
    assert.equal(resets.length, 1);
    assert.equal(resets[0]?.ip, '127.0.0.1');
  });

  test('the support reset answers 204 for an unknown user and creates nothing', async (t) => {
    const app = await build(t);
    const { tenant } = await setupSession(app);
    const reset = await partner(app, tenant).delete('/users/nobody-here/two-factor');
    assert.equal(reset.statusCode, 204, reset.body);
    assert.equal(await userRow(app, tenant, 'nobody-here'), undefined, 'no user row made');
    const events = await app.db
      .selectFrom('audit_events')
      .select('type')
      .where('tenant_id', '=', tenant.tenantId)
      .where('type', '=', 'two_factor.reset')
      .execute();
    assert.equal(events.length, 0);
    const unauthenticated = await app.inject({
      method: 'DELETE',
      url: '/v1/users/nobody-here/two-factor',
    });
    assert.equal(unauthenticated.statusCode, 401);
  });

  test('events are newest first and paged with limit and before', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    assert.equal((await widget.post('/recovery-codes')).statusCode, 200);
    assert.equal((await widget.get('/recovery-codes')).statusCode, 200);

    const all = await eventPage(app, tenant, userId);
    assert.deepEqual(
      all.events.map((e) => e.type),
      [
        'recovery_codes.viewed',
        'recovery_codes.regenerated',
        'step_up.verified',
        'sms.sent',
        'two_factor.enabled',
        'sms.sent',
      ],
    );
    assert.equal(all.nextBefore, null, 'one page holds them all');
    const ids = all.events.map((e) => e.id);
    for (let i = 1; i < ids.length; i += 1)
      assert.ok((ids[i - 1] as number) > (ids[i] as number), `ids descend: ${ids}`);
    const times = all.events.map((e) => Date.parse(e.createdAt));
    for (let i = 1; i < times.length; i += 1)
      assert.ok((times[i - 1] as number) >= (times[i] as number), 'times descend');

    const pages: Event[][] = [];
    let before: number | null = null;
    do {
      const page = await eventPage(
        app,
        tenant,
        userId,
        `?limit=4${before === null ? '' : `&before=${before}`}`,
      );
      assert.ok(page.events.length <= 4);
      pages.push(page.events);
      if (page.nextBefore !== null) assert.equal(page.nextBefore, page.events.at(-1)?.id);
      before = page.nextBefore;
    } while (before !== null && pages.length < 10);
    assert.deepEqual(
      pages.map((page) => page.length),
      [4, 2],
    );
    assert.deepEqual(
      pages.flat().map((e) => e.id),
      ids,
      'the pages add up to the whole list, in order',
    );

    const pairs = await eventPage(app, tenant, userId, '?limit=2');
    assert.deepEqual(
      pairs.events.map((e) => e.id),
      ids.slice(0, 2),
    );
    assert.equal(pairs.nextBefore, ids[1]);
    const next = await eventPage(app, tenant, userId, `?limit=2&before=${pairs.nextBefore}`);
    assert.deepEqual(
      next.events.map((e) => e.id),
      ids.slice(2, 4),
    );
  });

  test('the events query is validated strictly', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    for (const query of [
      '?limit=10&type=sms.sent',
      '?offset=2',
      '?limit=101',
      '?limit=0',
      '?limit=ten',
      '?before=0',
    ]) {
      const response = await partner(app, tenant).get(`/users/${userId}/events${query}`);
      assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
      assert.equal(response.json().error.code, 'invalid_request', query);
    }
    assert.equal((await eventPage(app, tenant, userId, '?limit=100')).events.length, 2);
  });

  test("another tenant's key sees none of this tenant's user's events, even under the same id", async (t) => {
    const app = await build(t);
    const a = await setupSession(app, {}, 'shared-id');
    const b = await setupSession(app, {}, 'shared-id');
    await enrol(app, a.widget);
    await stepUp(app, a.widget);

    const seenByB = await eventPage(app, b.tenant, 'shared-id');
    assert.deepEqual(seenByB.events, [], 'B has a user of that id, with no events of its own');
    const seenByA = await eventPage(app, a.tenant, 'shared-id');
    assert.equal(seenByA.events.length, 4);

    await enrol(app, b.widget);
    const ownOfB = await eventPage(app, b.tenant, 'shared-id');
    assert.deepEqual(
      ownOfB.events.map((e) => e.type),
      ['two_factor.enabled', 'sms.sent'],
    );
    const idsOfA = new Set(seenByA.events.map((e) => e.id));
    assert.ok(ownOfB.events.every((e) => !idsOfA.has(e.id)));
    // Paging from one of A's ids does not reach A's rows either.
    const paged = await eventPage(app, b.tenant, 'shared-id', `?before=${seenByA.events[0]?.id}`);
    assert.ok(paged.events.every((e) => !idsOfA.has(e.id)));

    const resetByB = await partner(app, b.tenant).delete('/users/shared-id/two-factor');
    assert.equal(resetByB.statusCode, 204);
    const statusInA = (await partner(app, a.tenant).get('/users/shared-id')).json();
    assert.equal(statusInA.twoFactor.enabled, true, "B's reset leaves A's user alone");
    assert.equal((await eventPage(app, a.tenant, 'shared-id')).events.length, 4);
  });

  test('a user erased while their code is out: the send answers session_expired, and leaves nothing', async (t) => {
    let whileSending = async () => {};
    const smsSender: SmsSender = {
      kind: 'outbox',
      send: async () => {
        await whileSending();
        return { providerId: 'sent' };
      },
    };
    const app = await build(t, {}, { smsSender });
    const { tenant, widget, userId } = await setupSession(app, {}, 'erased-mid-send');
    whileSending = async () => {
      const erased = await app.inject({
        method: 'DELETE',
        url: `/v1/users/${userId}`,
        headers: { authorization: `Bearer ${tenant.secretKey}` },
      });
      assert.equal(erased.statusCode, 204);
    };
    const sent = await widget.post('/phone', { phone: FRENCH_MOBILE });
    assert.equal(sent.statusCode, 401, sent.body);
    assert.equal(sent.json().error.code, 'session_expired');
    const codes = await app.db
      .selectFrom('verification_codes')
      .select('id')
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.deepEqual(codes, []);
  });

  test('erasing a user removes everything kept about them', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app, {}, 'erased');
    await enrol(app, widget);
    await stepUp(app, widget);
    const auth = { authorization: `Bearer ${tenant.secretKey}` };
    const erased = await app.inject({
      method: 'DELETE',
      url: `/v1/users/${userId}`,
      headers: auth,
    });
    assert.equal(erased.statusCode, 204);
    for (const table of [
      'users',
      'phone_factors',
      'recovery_code_sets',
      'verification_codes',
      'widget_sessions',
      'send_log',
    ] as const) {
      const rows = await app.db
        .selectFrom(table)
        .select('tenant_id')
        .where('tenant_id', '=', tenant.tenantId)
        .execute();
      assert.equal(rows.length, 0, `${table} emptied`);
    }
    const events = await app.db
      .selectFrom('audit_events')
      .select(['type', 'user_id'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.deepEqual(events, [{ type: 'user.erased', user_id: null }]);
    assert.equal((await widget.get('/session')).statusCode, 401, 'their session is gone too');
    const status = await app.inject({ url: `/v1/users/${userId}`, headers: auth });
    assert.equal(status.json().twoFactor.enabled, false);
    assert.equal(
      (await app.inject({ method: 'DELETE', url: '/v1/users/never-seen', headers: auth }))
        .statusCode,
      204,
    );
  });
});
