import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type FakePlivo, type PlivoRequest, startFakePlivo } from '../fakes/plivo.ts';
import { recoveryRows } from './partner-views.ts';
import { FRENCH_MOBILE, type WidgetClient } from './widget-client.ts';

/** A widget call's answer (what `app.inject` resolves to). */
export type Reply = Awaited<ReturnType<WidgetClient['get']>>;

/** The environment that points the app's Plivo sender at `fake`. */
export function plivoEnv(fake: FakePlivo): Record<string, string> {
  return {
    PLIVO_AUTH_ID: fake.authId,
    PLIVO_AUTH_TOKEN: fake.authToken,
    PLIVO_SENDER: 'Clinic',
    PLIVO_API_URL: fake.url,
  };
}

/** The code in a message sent to the fake: the text's last line is `@host #123456`. */
export function codeOf(request: PlivoRequest | undefined): string {
  const code = request?.body?.text?.match(/\n@\S+ #(\d{6})$/)?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(request?.body)}`);
  return code;
}

/** The code of the newest message the fake received for `to`. */
export function lastCode(fake: FakePlivo, to: string): string {
  return codeOf(fake.requests.findLast((request) => request.body?.dst === to));
}

/** What the database holds for one tenant (tests share the database: always scoped). */
export async function stateOf(app: FastifyInstance, tenantId: string) {
  const phones = await app.db
    .selectFrom('phone_factors')
    .select(['id', 'status', 'phone_index', 'masked'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
  const codes = await app.db
    .selectFrom('verification_codes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
  const users = await app.db
    .selectFrom('users')
    .select(['failed_attempts', 'locked_until'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const events = await app.db
    .selectFrom('audit_events')
    .select(['type', 'details'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const recovery = await recoveryRows(app, { tenantId });
  return { phones, codes, users, events, recovery };
}

/** Turns two-factor on through the fake; returns the recovery codes. */
export async function enrolThroughFake(
  fake: FakePlivo,
  widget: WidgetClient,
  phone = FRENCH_MOBILE,
) {
  const sent = await widget.post('/phone', { phone });
  assert.equal(sent.statusCode, 200, sent.body);
  const verified = await widget.post('/phone/verify', { code: lastCode(fake, phone) });
  assert.equal(verified.statusCode, 200, verified.body);
  return verified.json().recoveryCodes as string[];
}

/** A fake Plivo for the suite around this call: started before its tests, reset before each. */
export function useFakePlivo(started: (fake: FakePlivo) => void) {
  let fake: FakePlivo | undefined;
  before(async () => {
    fake = await startFakePlivo();
    started(fake);
  });
  after(() => fake?.close());
  beforeEach(() => fake?.reset());
}
