// Defends the development outbox (DESIGN §3): JSON for tools, newest first; an HTML page that
// escapes what it shows (message bodies are attacker-influenced text); no such route at all in
// production or unless DEV_OUTBOX asks for it, where it would leak every code sent; and only for
// this machine by the socket's own address, whatever X-Forwarded-For claims.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { describeEachDatabase, LogCapture, testConfig } from '../helpers/build-app.ts';
import { FRENCH_MOBILE, setupSession } from '../helpers/widget-client.ts';

describeEachDatabase('GET /dev/outbox', (context) => {
  test('with Accept: application/json, lists the messages newest first', async (t) => {
    const app = await context.build(t);
    const empty = await app.inject({ url: '/dev/outbox', headers: { accept: 'application/json' } });
    assert.deepEqual(empty.json(), { messages: [] });

    const { widget } = await setupSession(app);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    app.outbox.add({ channel: 'email', to: 'a@mail.example', subject: 'First', body: 'one' });
    app.outbox.add({ channel: 'sms', to: '+33698765432', body: 'two' });

    const response = await app.inject({
      url: '/dev/outbox',
      headers: { accept: 'application/json' },
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const { messages } = response.json();
    assert.equal(messages.length, 3);
    const [newest, middle, oldest] = messages;
    assert.deepEqual(newest, {
      channel: 'sms',
      to: '+33698765432',
      body: 'two',
      createdAt: newest.createdAt,
    });
    assert.deepEqual(middle, {
      channel: 'email',
      to: 'a@mail.example',
      subject: 'First',
      body: 'one',
      createdAt: middle.createdAt,
    });
    assert.deepEqual(Object.keys(oldest).sort(), ['body', 'channel', 'createdAt', 'to']);
    assert.equal(oldest.channel, 'sms');
    assert.equal(oldest.to, FRENCH_MOBILE, 'the code sent through the API');
    assert.match(oldest.body, /^\d{6} is your .*#\d{6}$/s);
    for (const message of messages)
      assert.equal(new Date(message.createdAt).toISOString(), message.createdAt);
    const times = messages.map((m: { createdAt: string }) => Date.parse(m.createdAt));
    assert.ok(times[0] >= times[1] && times[1] >= times[2], `newest first: ${times}`);
  });

  test('without it, an HTML page that escapes the message bodies', async (t) => {
    const app = await context.build(t);
    app.outbox.add({ channel: 'sms', to: '+1', body: '<script>alert("x")</script>' });
    app.outbox.add({ channel: 'email', to: '<b>@x', subject: '<img src=x>', body: 'a & b' });
    for (const headers of [{}, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }]) {
      const response = await app.inject({ url: '/dev/outbox', headers });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /^<!doctype html>/i);
      assert.ok(!response.body.includes('<script>'), 'no live script tag');
      assert.ok(!response.body.includes('<img'), 'no live image tag');
      assert.ok(!response.body.includes('<b>'), 'the recipient is escaped too');
      assert.ok(response.body.includes('&#60;script&#62;'), 'the body is shown, escaped');
      assert.ok(response.body.includes('a &#38; b'));
    }
  });

  test('a remote client behind a trusted proxy cannot pass for this machine', async (t) => {
    const app = await context.build(t, { TRUST_PROXY: 'true' });
    app.outbox.add({ channel: 'sms', to: '+33612345678', body: '123456 is your code' });
    for (const spoofed of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.0.0.1, 127.0.0.1']) {
      const response = await app.inject({
        url: '/dev/outbox',
        remoteAddress: '203.0.113.9',
        headers: { accept: 'application/json', 'x-forwarded-for': spoofed },
      });
      assert.equal(response.statusCode, 404, spoofed);
      assert.equal(response.json().error.code, 'not_found');
      assert.ok(!response.body.includes('123456'));
    }
    const local = await app.inject({
      url: '/dev/outbox',
      remoteAddress: '127.0.0.1',
      headers: { accept: 'application/json', 'x-forwarded-for': '198.51.100.7' },
    });
    assert.equal(local.statusCode, 200, 'this machine, whatever the header says');
  });

  for (const [name, env] of [
    ['an app built for production', { NODE_ENV: 'production', ENCRYPTION_KEY: 'ab'.repeat(32) }],
    ['an app without DEV_OUTBOX=true', { NODE_ENV: 'development' }],
  ] as const) {
    test(`${name} has no /dev/outbox`, async (t) => {
      await assertNoOutboxRoute(t, context, { ...env, DEV_OUTBOX: 'false' });
    });
  }
});

/** Builds an app with `env` and outbox-kind senders, and checks `/dev/outbox` is not there. */
async function assertNoOutboxRoute(
  t: { after(fn: () => Promise<void>): void },
  context: { database: Parameters<typeof buildApp>[0]['database'] },
  env: Record<string, string>,
) {
  const app = await buildApp({
    config: testConfig(env),
    database: context.database,
    keys: deriveKeys(randomBytes(32)),
    // The outbox senders are refused here; these stand in for them, to show the route is gone.
    smsSender: { kind: 'outbox', send: async () => ({ providerId: 'x' }) },
    emailSender: { kind: 'outbox', send: async () => ({ providerId: 'x' }) },
    logStream: new LogCapture(),
  });
  t.after(() => app.close());
  await app.ready();
  app.outbox.add({ channel: 'sms', to: '+33612345678', body: '123456 is your code' });
  for (const accept of ['application/json', 'text/html']) {
    const response = await app.inject({ url: '/dev/outbox', headers: { accept } });
    assert.equal(response.statusCode, 404, accept);
    assert.equal(response.json().error.code, 'not_found');
    assert.ok(!response.body.includes('123456'));
  }
  assert.equal((await app.inject('/healthz')).statusCode, 200, 'the app itself is up');
}
