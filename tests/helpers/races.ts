// What the race tests share: room for many rounds under the limits, and checks of what parallel
// requests answered. The races run on PostgreSQL only (PGLITE_SKIP says why).
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './build-app.ts';

export const PGLITE_SKIP =
  'PGlite runs one transaction at a time, so a race proves nothing there: this runs on PostgreSQL';

/** Room for many rounds: the limits themselves are tested elsewhere. */
export const ROOMY_SETTINGS = {
  smsPerNumberPer10Minutes: 10_000,
  smsPerPrefixPerHour: 10_000,
  smsPerCountryPerHour: 10_000,
  codesPerUserPerHour: 10_000,
  codesPerIpPerHour: 10_000,
};
export const ROOMY_HTTP = { sendsPerMinute: 10_000, verifiesPerMinute: 10_000, perMinute: 10_000 };

export const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

export function errorCode(response: LightMyRequestResponse) {
  return response.statusCode >= 400 ? response.json().error.code : null;
}

export function assertNo5xx(responses: LightMyRequestResponse[], round: number) {
  const failed = responses.filter((r) => r.statusCode >= 500);
  assert.deepEqual(
    failed.map((r) => `${r.statusCode} ${r.body}`),
    [],
    `round ${round}: no request may fail on our side`,
  );
}

export async function skipResendWait(app: TestApp, tenantId: string) {
  await app.db
    .updateTable('verification_codes')
    .set({ resend_at: new Date(Date.now() - 1000) })
    .where('tenant_id', '=', tenantId)
    .execute();
}

export async function countEvents(app: TestApp, tenantId: string, type: string) {
  const row = await app.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('type', '=', type)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** `count` copies of a request at once (none may fail on our side), and the text messages they sent. */
export async function sendsAtOnce(
  app: TestApp,
  tenantId: string,
  count: number,
  request: () => Promise<LightMyRequestResponse>,
) {
  const before = await countEvents(app, tenantId, 'sms.sent');
  const responses = await Promise.all(Array.from({ length: count }, request));
  assertNo5xx(responses, 1);
  return { responses, sent: (await countEvents(app, tenantId, 'sms.sent')) - before };
}

/** One answered 200, the others the resend wait. */
export function assertOneSentRestWait(responses: LightMyRequestResponse[]) {
  assert.deepEqual(
    responses.map((r) => r.statusCode).sort(),
    [200, ...Array<number>(responses.length - 1).fill(429)],
    responses.map((r) => r.body).join('\n'),
  );
  assert.ok(responses.every((r) => r.statusCode === 200 || errorCode(r) === 'rate_limited'));
}
