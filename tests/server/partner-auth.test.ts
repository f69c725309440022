// Defends: partner routes answer only a live secret key of the caller's own tenant (docs/security.md,
// "Partner secret keys: stored hashed, shown once, rotatable, compared in constant time").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { revokeKey, rotateKey } from '../../server/services/tenants.ts';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';
import { enrol, widgetClient } from '../helpers/widget-client.ts';

const getUser = (app: FastifyInstance, key: string | undefined, userId = 'patient-1') =>
  app.inject({
    method: 'GET',
    url: `/v1/users/${userId}`,
    headers: key === undefined ? {} : { authorization: key },
  });

describeEachDatabase('partner authentication', ({ build }) => {
  test('a live key answers; missing and malformed keys are unauthorized', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    assert.equal((await getUser(app, `Bearer ${tenant.secretKey}`)).statusCode, 200);
    for (const header of [
      undefined,
      '',
      tenant.secretKey,
      `Basic ${tenant.secretKey}`,
      'Bearer sk_nope',
      `Bearer ${tenant.secretKey}x`,
      `Bearer ${tenant.secretKey.slice(0, -1)}${tenant.secretKey.endsWith('A') ? 'B' : 'A'}`,
      'Bearer wst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const response = await getUser(app, header);
      assert.equal(response.statusCode, 401, `header ${header}`);
      assert.equal(response.json().error.code, 'unauthorized');
    }
  });

  test('a widget token is not a partner key', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, { userId: 'p', purpose: 'setup' });
    const response = await getUser(app, `Bearer ${token}`);
    assert.equal(response.statusCode, 401);
  });

  test('keys are stored hashed: the secret is nowhere in the database', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const secret = tenant.secretKey.split('_').slice(2).join('_');
    const rows = await app.db
      .selectFrom('api_keys')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(secret));
  });

  test('a revoked key is refused at once', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    await revokeKey(app.db, tenant.tenantId, tenant.secretKey.slice(0, 23));
    const response = await getUser(app, `Bearer ${tenant.secretKey}`);
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'unauthorized');
  });

  test('rotation: the old key works through the grace period, then stops', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const rotated = await rotateKey(app.db, tenant.tenantId, 24);
    assert.equal((await getUser(app, `Bearer ${rotated.secretKey}`)).statusCode, 200);
    assert.equal(
      (await getUser(app, `Bearer ${tenant.secretKey}`)).statusCode,
      200,
      'old key in grace',
    );
    await rotateKey(app.db, tenant.tenantId, 0);
    assert.equal(
      (await getUser(app, `Bearer ${tenant.secretKey}`)).statusCode,
      401,
      'old key after grace',
    );
    assert.equal(
      (await getUser(app, `Bearer ${rotated.secretKey}`)).statusCode,
      401,
      'rotated again, no grace',
    );
  });

  test("one tenant's key never reads another tenant's user", async (t) => {
    const app = await build(t);
    const clinicA = await makeTenant(app);
    const clinicB = await makeTenant(app);
    // A's user has two-factor on, so an answer drawn from A's row would differ from B's own.
    const tokenA = await mintSession(app, clinicA, {
      userId: 'shared-id',
      purpose: 'setup',
      email: 'a@patient.example',
    });
    await enrol(app, widgetClient(app, tokenA, clinicA.origin));
    const asA = await getUser(app, `Bearer ${clinicA.secretKey}`, 'shared-id');
    assert.equal(asA.json().twoFactor.enabled, true, "A reads its own user's two-factor");
    assert.ok(asA.json().recoveryCodesRemaining > 0);

    const asB = await getUser(app, `Bearer ${clinicB.secretKey}`, 'shared-id');
    assert.equal(asB.statusCode, 200);
    assert.deepEqual(asB.json(), {
      userId: 'shared-id',
      twoFactor: {
        enabled: false,
        methods: [],
        preferredMethod: null,
        phone: null,
        totp: null,
        enabledAt: null,
      },
      recoveryCodesRemaining: 0,
      trustedBrowsers: 0,
    });
    const users = await app.db
      .selectFrom('users')
      .select('tenant_id')
      .where('external_id', '=', 'shared-id')
      .execute();
    assert.deepEqual(
      users.map((u) => u.tenant_id),
      [clinicA.tenantId],
      'reading as B created nothing for A',
    );
  });
});
