// What a test reads back after a widget call: the user's status and audit events through the
// partner API, and the recovery-code rows as stored.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';

export type Tenant = { tenantId: string; secretKey: string };

function partnerGet(app: FastifyInstance, tenant: Tenant, url: string) {
  return app.inject({ url: `/v1${url}`, headers: { authorization: `Bearer ${tenant.secretKey}` } });
}

export async function userStatus(app: FastifyInstance, tenant: Tenant, userId: string) {
  const response = await partnerGet(app, tenant, `/users/${userId}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

/** The user's audit events through the partner API, newest first. */
async function events(
  app: FastifyInstance,
  tenant: Tenant,
  userId: string,
): Promise<{ type: string; details: Record<string, unknown> }[]> {
  const response = await partnerGet(app, tenant, `/users/${userId}/events?limit=100`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().events;
}

export const ofType = async (app: FastifyInstance, tenant: Tenant, userId: string, type: string) =>
  (await events(app, tenant, userId)).filter((event) => event.type === type);

/**
 * The tenant's recovery codes as stored, a row per code, each set in its order; `sealed_copy` is the
 * sealed value a code can be viewed again from (its set's, or its own in a set written before).
 */
export async function recoveryRows(app: FastifyInstance, tenant: Pick<Tenant, 'tenantId'>) {
  const sets = await app.db
    .selectFrom('recovery_code_sets')
    .select(['user_id', 'code_hashes', 'codes_sealed', 'codes_encrypted', 'used_positions'])
    .where('tenant_id', '=', tenant.tenantId)
    .orderBy('user_id')
    .execute();
  return sets.flatMap((set) =>
    set.code_hashes.map((code_hash, position) => ({
      user_id: set.user_id,
      code_hash,
      sealed_copy: set.codes_sealed ?? set.codes_encrypted?.[position] ?? null,
      used: set.used_positions.includes(position),
    })),
  );
}
