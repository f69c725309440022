// Guards the indexes: every statement the hot paths run (session mint, enrolment, step-up, sign-in,
// the send limits) is planned by PostgreSQL over tables of 100,000 rows, and none may read a whole
// large table. A missing index shows as a sequential scan here long before it shows in production.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { appCode, enrolApp } from '../helpers/authenticator-app.ts';
import { makeTenant } from '../helpers/build-app.ts';
import { appOnOwnPostgres } from '../helpers/postgres-app.ts';
import {
  challengeSession,
  enrol,
  FRENCH_MOBILE,
  latestSmsCode,
  setupSession,
  stepUp,
} from '../helpers/widget-client.ts';

const { DATABASE_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? { timeout: 600_000 }
  : { skip: "needs PostgreSQL (DATABASE_URL): the plans are PostgreSQL's planner's" };

const ROWS = 100_000;
const LARGE_TABLES = [
  'users',
  'widget_sessions',
  'phone_factors',
  'verification_codes',
  'recovery_code_sets',
  'trusted_browsers',
  'results',
  'send_log',
  'audit_events',
  'send_counters',
  'totp_factors',
];

/** Another tenant's 100,000 patients, each with a session, a phone, codes, trust, sends, events. */
async function seed(client: pg.Client) {
  await client.query(`insert into tenants (id, name) values ('ten_seed', 'Seed')`);
  await client.query(`insert into users (tenant_id, external_id, email)
    select 'ten_seed', 'user-' || n, 'user' || n || '@mail.example'
    from generate_series(1, ${ROWS}) n`);
  await client.query(`insert into widget_sessions (tenant_id, user_id, purpose, token_hash, locale, expires_at)
    select tenant_id, id, 'setup', md5(id::text), 'en', now() + interval '15 minutes'
    from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into phone_factors (tenant_id, user_id, status, phone_encrypted, phone_index, country, masked)
    select tenant_id, id, 'active', 'x', md5('p' || id::text), 'FR', '+33 •• •• •• 00'
    from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into verification_codes (tenant_id, user_id, session_id, purpose, channel,
      code_hash, send_number, expires_at, resend_at, sent_at)
    select s.tenant_id, s.user_id, s.id, 'step-up', 'sms', md5(s.id::text), 1, now(), now(), now()
    from widget_sessions s where s.tenant_id = 'ten_seed'`);
  await client.query(`insert into recovery_code_sets (tenant_id, user_id, code_hashes)
    select tenant_id, id, array[md5('r' || id::text)] from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into trusted_browsers (tenant_id, user_id, token_hash, label, expires_at)
    select tenant_id, id, md5('t' || id::text), 'Chrome on macOS', now() + interval '30 days'
    from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into results (tenant_id, user_id, token_hash, purpose, steps, via, expires_at)
    select tenant_id, id, md5('res' || id::text), 'sign-in', '["sms"]', 'code', now()
    from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into send_log (tenant_id, user_id, channel, phone_index, prefix_index, country, ip_key)
    select tenant_id, id, 'sms', md5('p' || id::text), md5('x' || id::text), 'FR', '192.0.2.1'
    from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into send_counters (tenant_id, scope, key, bucket_seconds, bucket_start, counts)
    select tenant_id, 'per-number', md5('p' || id::text), 60, now(), array_fill(0, array[10]) || 1
    from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into totp_factors (tenant_id, user_id, status, secret_encrypted, last_used_step, confirmed_at)
    select tenant_id, id, 'active', 'x', 1, now() from users where tenant_id = 'ten_seed'`);
  await client.query(`insert into audit_events (tenant_id, user_id, type)
    select tenant_id, id, 'sms.sent' from users where tenant_id = 'ten_seed'`);
  await client.query(`analyze`);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function sequentialScans(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' && LARGE_TABLES.includes(node['Relation Name'] ?? '')
      ? [node['Relation Name'] as string]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(sequentialScans)];
}

const PLANNABLE = /^\s*(select|update|delete|insert|with)\b/i;

test('the hot paths read no large table whole', needsPostgres, async (t) => {
  const { app, client, queries } = await appOnOwnPostgres(t);
  await seed(client);
  queries.length = 0;

  const { tenant, widget, userId } = await setupSession(app);
  await enrol(app, widget);
  await stepUp(app, widget);
  assert.equal((await widget.post('/recovery-codes')).statusCode, 200);
  const signIn = await challengeSession(app, tenant, { userId });
  await signIn.post('/challenge');
  const verified = await signIn.post('/challenge/verify', {
    code: await latestSmsCode(app, FRENCH_MOBILE),
    trustBrowser: true,
  });
  assert.equal(verified.statusCode, 200, verified.body);
  // The authenticator app: added beside the phone, signed in with, preferred, the phone removed.
  const secret = await enrolApp(widget);
  const appSignIn = await challengeSession(app, tenant, { userId });
  await appSignIn.post('/challenge');
  await appSignIn.post('/challenge/method', { method: 'totp' });
  const byApp = await appSignIn.post('/challenge/verify', { code: appCode(secret, 1) });
  assert.equal(byApp.statusCode, 200, byApp.body);
  const preferred = await app.inject({
    method: 'PUT',
    url: '/v1/widget/preferred-method',
    headers: { authorization: `Bearer ${widget.token}`, origin: tenant.origin },
    payload: { method: 'totp' },
  });
  assert.equal(preferred.statusCode, 200, preferred.body);
  assert.equal((await widget.delete('/phone')).statusCode, 204);
  const status = await app.inject({
    url: `/v1/users/${userId}`,
    headers: { authorization: `Bearer ${tenant.secretKey}` },
  });
  assert.equal(status.statusCode, 200);
  assert.equal((await widget.delete('/two-factor')).statusCode, 204);
  await makeTenant(app);

  const offenders: string[] = [];
  const planned = queries.filter((query) => PLANNABLE.test(query.sql));
  for (const query of planned) {
    const { rows } = await client.query(`explain (format json) ${query.sql}`, [
      ...query.parameters,
    ]);
    const scans = sequentialScans(rows[0]['QUERY PLAN'][0].Plan);
    if (scans.length > 0) offenders.push(`${scans.join(', ')}: ${query.sql}`);
  }
  assert.ok(planned.length > 50, `the journeys ran ${planned.length} statements`);
  assert.deepEqual(offenders, [], 'a statement reads a large table whole');
  t.diagnostic(
    `${planned.length} statements planned, none with a sequential scan of a large table`,
  );
});
