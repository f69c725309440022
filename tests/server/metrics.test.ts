// Defends docs/self-hosting.md "Metrics": /metrics is off unless METRICS_TOKEN is set and answers
// that token only; its counters match what happened, labelled by route pattern and known values,
// with no number, code, token, email, user or tenant id in the output.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { EmailSender } from '../../server/providers/email/email-sender.ts';
import { DeliveryError } from '../../server/providers/sms/sms-sender.ts';
import { countNotices } from '../../server/repositories/outbound-notices.ts';
import { type FakePlivo, startFakePlivo } from '../fakes/plivo.ts';
import { describeEachDatabase, type TestApp, testConfig } from '../helpers/build-app.ts';
import { enrol, FRENCH_MOBILE, latestSmsCode, setupSession } from '../helpers/widget-client.ts';

const TOKEN = randomBytes(24).toString('base64url');
const BRITISH_MOBILE = '+447911123456';

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function scrape(app: TestApp, authorization = `Bearer ${TOKEN}`) {
  return app.inject({ url: '/metrics', headers: { authorization } });
}

async function metricsText(app: TestApp): Promise<string> {
  const response = await scrape(app);
  assert.equal(response.statusCode, 200, response.body);
  return response.body;
}

/** The value of the sample `name` whose labels are exactly `labels`, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2]?.match(/[a-z_]+="[^"]*"/g) ?? []).sort().join(',');
    if (have === wanted) return Number(match[3]);
  }
  return undefined;
}

/** Every sample of `name`, as `{labels} value` lines: the whole family at once in one assertion. */
function family(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .sort();
}

describeEachDatabase('metrics', (context) => {
  let fake: FakePlivo;
  before(async () => {
    fake = await startFakePlivo();
  });
  after(() => fake.close());

  test('off by default: /metrics is not found', async (t) => {
    const app = await context.build(t);
    const response = await scrape(app);
    assert.equal(response.statusCode, 404);
    assert.deepEqual(Object.keys(response.json().error), ['code', 'message']);
    assert.equal(response.json().error.code, 'not_found');
  });

  test('on: no token, a wrong one or another scheme is refused in the error shape', async (t) => {
    const app = await context.build(t, { METRICS_TOKEN: TOKEN });
    const refusals = [
      await app.inject({ url: '/metrics' }),
      await scrape(app, `Bearer ${TOKEN}x`),
      await scrape(app, `Bearer ${TOKEN.slice(0, -1)}`),
      await scrape(app, `Basic ${Buffer.from(`metrics:${TOKEN}`).toString('base64')}`),
    ];
    for (const response of refusals) {
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().error.code, 'unauthorized');
      assert.equal(typeof response.json().error.message, 'string');
      assert.ok(!response.body.includes('tfa_'), 'no metric in a refusal');
    }
  });

  test('on: the token gets the Prometheus text format, process metrics included', async (t) => {
    const app = await context.build(t, { METRICS_TOKEN: TOKEN });
    const response = await scrape(app);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.equal(response.headers['x-ratelimit-limit'], undefined, 'scrapes are not rate-limited');
    assert.match(response.body, /^# TYPE tfa_http_requests_total counter$/m);
    assert.match(response.body, /^# TYPE tfa_provider_request_duration_seconds histogram$/m);
    assert.match(response.body, /^process_resident_memory_bytes \d+/m);
    assert.match(response.body, /^nodejs_eventloop_lag_seconds /m);
    assert.equal(sample(response.body, 'tfa_code_failures_total'), 0);
  });

  test('a token shorter than 32 characters is refused at start, and not echoed', () => {
    const short = 'short-metrics-token';
    assert.throws(
      () => testConfig({ METRICS_TOKEN: short }),
      (error: Error) => /METRICS_TOKEN/.test(error.message) && !error.message.includes(short),
    );
  });

  test('a refused send, an enrolment with one wrong code: exact counts, nothing personal', async (t) => {
    const app = await context.build(t, { METRICS_TOKEN: TOKEN });
    const userId = `patient-${randomUUID()}`;
    const { tenant, widget } = await setupSession(app, { allowedCountries: ['FR'] }, userId);

    const refused = await widget.post('/phone', { phone: BRITISH_MOBILE });
    assert.equal(refused.json().error?.code, 'country_not_allowed', refused.body);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const code = await latestSmsCode(app, FRENCH_MOBILE);
    const failed = await widget.post('/phone/verify', { code: wrong(code) });
    assert.equal(failed.statusCode, 422, failed.body);
    const verified = await widget.post('/phone/verify', { code });
    assert.equal(verified.statusCode, 200, verified.body);
    const status = await app.inject({
      url: `/v1/users/${encodeURIComponent(userId)}`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    assert.equal(status.statusCode, 200, status.body);
    assert.equal((await app.inject({ url: `/no-such-page/${userId}` })).statusCode, 404);

    const text = await metricsText(app);
    assert.deepEqual(family(text, 'tfa_codes_sent_total'), [
      'tfa_codes_sent_total{channel="sms",purpose="enrol",country="FR"} 1',
    ]);
    assert.deepEqual(family(text, 'tfa_sends_refused_total'), [
      'tfa_sends_refused_total{limit="country"} 1',
    ]);
    assert.equal(sample(text, 'tfa_code_failures_total'), 1);
    assert.equal(sample(text, 'tfa_lockouts_total'), 0);
    assert.equal(sample(text, 'tfa_account_events_total', { event: 'two_factor.enabled' }), 1);
    assert.deepEqual(family(text, 'tfa_code_delivery_failures_total'), []);
    assert.deepEqual(family(text, 'tfa_provider_errors_total'), []);
    const smsOutbox = { channel: 'sms', provider: 'outbox', outcome: 'ok' };
    assert.equal(sample(text, 'tfa_provider_request_duration_seconds_count', smsOutbox), 1);

    const requests = (route: string, status: string, method = 'POST') =>
      sample(text, 'tfa_http_requests_total', { method, route, status });
    assert.equal(requests('/v1/sessions', '201'), 1);
    assert.equal(requests('/v1/widget/phone', '422'), 1);
    assert.equal(requests('/v1/widget/phone', '200'), 1);
    assert.equal(requests('/v1/widget/phone/verify', '422'), 1);
    assert.equal(requests('/v1/widget/phone/verify', '200'), 1);
    assert.equal(requests('/v1/users/:userId', '200', 'GET'), 1);
    assert.equal(requests('not_found', '404', 'GET'), 1);
    const phoneTimings = { method: 'POST', route: '/v1/widget/phone' };
    assert.equal(sample(text, 'tfa_http_request_duration_seconds_count', phoneTimings), 2);

    const secrets = [
      FRENCH_MOBILE,
      FRENCH_MOBILE.slice(3),
      BRITISH_MOBILE,
      BRITISH_MOBILE.slice(3),
      code,
      wrong(code),
      TOKEN,
      widget.token,
      tenant.secretKey,
      tenant.tenantId,
      userId,
      `${userId}@mail.example`,
    ];
    for (const secret of secrets) assert.ok(!text.includes(secret), `metrics contain ${secret}`);
  });

  test('a provider failure shows as a provider error and a failed delivery', async (t) => {
    const app = await context.build(t, {
      METRICS_TOKEN: TOKEN,
      PLIVO_AUTH_ID: fake.authId,
      PLIVO_AUTH_TOKEN: fake.authToken,
      PLIVO_SENDER: 'Clinic',
      PLIVO_API_URL: fake.url,
    });
    const { widget } = await setupSession(app);
    fake.fail('server-error', 1);
    const response = await widget.post('/phone', { phone: FRENCH_MOBILE });
    assert.equal(response.statusCode, 502, response.body);

    const text = await metricsText(app);
    assert.deepEqual(family(text, 'tfa_provider_errors_total'), [
      'tfa_provider_errors_total{channel="sms",provider="plivo",kind="provider_error"} 1',
    ]);
    const failedCall = { channel: 'sms', provider: 'plivo', outcome: 'error' };
    assert.equal(sample(text, 'tfa_provider_request_duration_seconds_count', failedCall), 1);
    assert.deepEqual(family(text, 'tfa_code_delivery_failures_total'), [
      'tfa_code_delivery_failures_total{channel="sms",purpose="enrol"} 1',
    ]);
    assert.deepEqual(family(text, 'tfa_codes_sent_total'), []);
  });

  test('notices the email provider refuses: queue depth and provider errors', async (t) => {
    const refusing: EmailSender = {
      kind: 'postmark',
      send: async () => {
        throw new DeliveryError({
          provider: 'postmark',
          kind: 'rejected',
          status: 422,
          requestId: null,
        });
      },
    };
    const app = await context.build(t, { METRICS_TOKEN: TOKEN }, { emailSender: refusing });
    const { widget } = await setupSession(app);
    await enrol(app, widget);
    await app.notices.drain();

    const text = await metricsText(app);
    const waiting = await countNotices(app.db);
    assert.ok(waiting >= 1, 'the enable notice waits for a retry');
    assert.equal(sample(text, 'tfa_notice_queue_depth'), waiting);
    assert.deepEqual(family(text, 'tfa_provider_errors_total'), [
      'tfa_provider_errors_total{channel="email",provider="postmark",kind="rejected"} 1',
    ]);
  });
});
