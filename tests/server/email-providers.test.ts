import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AppError, errorCodes } from '../../server/errors.ts';
import {
  createEmailSender,
  type EmailConfig,
} from '../../server/providers/email/create-email-sender.ts';
import type {
  EmailDeliveryFailure,
  EmailMessage,
} from '../../server/providers/email/email-sender.ts';
import { OutboxEmailSender } from '../../server/providers/email/outbox-email-sender.ts';
import { PostmarkEmailSender } from '../../server/providers/email/postmark-email-sender.ts';
import { Outbox } from '../../server/providers/outbox.ts';
import { DeliveryError } from '../../server/providers/sms/sms-sender.ts';
import { type FakePostmark, type PostmarkFailure, startFakePostmark } from '../fakes/postmark.ts';

const TO = 'patient.jane@example.org';
const FROM = 'Clinic <security@clinic.example>';
const CODE = '482916';
const MESSAGE: EmailMessage = {
  to: TO,
  subject: 'Your sign-in code for Clinic',
  text: `Your code is ${CODE}.`,
  html: `<p>Your code is <span>${CODE}</span>.</p>`,
  tag: 'code',
};

function silentLog() {
  const lines: unknown[][] = [];
  return { lines, log: { info: (...args: unknown[]) => void lines.push(args) } };
}

/** The rejection is `delivery_failed` and says nothing about the address, subject or body. */
async function assertDeliveryFailed(sending: Promise<unknown>): Promise<EmailDeliveryFailure> {
  const error: unknown = await sending.then(
    () => assert.fail('the send should have failed'),
    (rejection: unknown) => rejection,
  );
  assert.ok(error instanceof DeliveryError, `expected a DeliveryError, got ${String(error)}`);
  assert.ok(error instanceof AppError);
  assert.equal(error.code, 'delivery_failed');
  assert.equal(error.status, 502);
  assert.equal(error.message, errorCodes.delivery_failed.message);
  assert.deepEqual(error.extra, {});
  assert.equal(error.cause, undefined);
  const dumped = [error.message, error.stack, JSON.stringify(error)].join('\n');
  for (const secret of [TO, 'patient.jane', CODE, MESSAGE.subject, MESSAGE.text]) {
    assert.ok(!dumped.includes(secret), `the error reveals ${secret}`);
  }
  return error.reason as EmailDeliveryFailure;
}

describe('PostmarkEmailSender through the real SDK', () => {
  let postmark: FakePostmark;
  let sender: PostmarkEmailSender;

  before(async () => {
    postmark = await startFakePostmark();
    sender = new PostmarkEmailSender({
      serverToken: postmark.token,
      from: FROM,
      messageStream: 'two-factor',
      apiUrl: postmark.url,
      timeoutMs: 300,
    });
  });
  after(() => postmark.close());
  beforeEach(() => postmark.reset());

  test('sends From, To, Subject, both bodies, Tag and MessageStream with the server token', async () => {
    const { providerId } = await sender.send(MESSAGE);

    assert.match(providerId, /^[0-9a-f-]{36}$/);
    assert.equal(postmark.requests.length, 1);
    const [request] = postmark.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/email');
    assert.equal(request?.authorized, true);
    assert.deepEqual(request?.body, {
      From: FROM,
      To: TO,
      Subject: MESSAGE.subject,
      HtmlBody: MESSAGE.html,
      TextBody: MESSAGE.text,
      Tag: 'code',
      MessageStream: 'two-factor',
    });
  });

  test("uses the message's own sender when it has one, the default when null", async () => {
    await sender.send({ ...MESSAGE, from: 'Other <no-reply@other.example>' });
    await sender.send({ ...MESSAGE, from: null });

    assert.deepEqual(
      postmark.requests.map((request) => request.body?.From),
      ['Other <no-reply@other.example>', FROM],
    );
  });

  test("defaults to Postmark's outbound stream", async () => {
    const plain = new PostmarkEmailSender({
      serverToken: postmark.token,
      from: FROM,
      apiUrl: postmark.url,
    });

    await plain.send(MESSAGE);

    assert.equal(postmark.requests[0]?.body?.MessageStream, 'outbound');
  });

  const failures: [PostmarkFailure, Omit<EmailDeliveryFailure, 'provider' | 'requestId'>][] = [
    ['server-error', { kind: 'provider_error', status: 500, errorCode: null }],
    ['invalid-address', { kind: 'rejected', status: 422, errorCode: 300 }],
    ['inactive-recipient', { kind: 'rejected', status: 422, errorCode: 406 }],
    ['timeout', { kind: 'timeout', status: null, errorCode: null }],
  ];
  for (const [kind, expected] of failures) {
    test(`${kind} becomes delivery_failed without the address or the body`, async () => {
      postmark.fail(kind, 1);

      const reason = await assertDeliveryFailed(sender.send(MESSAGE));

      assert.deepEqual(reason, { provider: 'postmark', requestId: null, ...expected });
      assert.equal(postmark.requests.length, 1, 'one provider call, no retry');
    });
  }

  test('a timeout comes after the configured delay, not the default 10 s', async () => {
    postmark.fail('timeout');
    const started = performance.now();

    await assertDeliveryFailed(sender.send(MESSAGE));

    assert.ok(performance.now() - started < 3_000);
  });

  test('an answer whose body stalls is a timeout too', async () => {
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"To":');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const { port } = stalling.address() as AddressInfo;
    try {
      const slow = new PostmarkEmailSender({
        serverToken: postmark.token,
        from: FROM,
        apiUrl: `http://127.0.0.1:${port}`,
        timeoutMs: 300,
      });

      const reason = await assertDeliveryFailed(slow.send(MESSAGE));

      assert.equal(reason.kind, 'timeout');
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  test('fail(kind, n) fails n sends, then Postmark answers again', async () => {
    postmark.fail('server-error', 2);

    await assertDeliveryFailed(sender.send(MESSAGE));
    await assertDeliveryFailed(sender.send(MESSAGE));
    await sender.send(MESSAGE);
  });

  test('a wrong server token is refused by the fake and becomes delivery_failed', async () => {
    const wrong = new PostmarkEmailSender({
      serverToken: 'not-the-token',
      from: FROM,
      apiUrl: postmark.url,
    });

    const reason = await assertDeliveryFailed(wrong.send(MESSAGE));

    assert.deepEqual([reason.kind, reason.status, reason.errorCode], ['rejected', 401, 10]);
    assert.equal(postmark.requests[0]?.authorized, false);
  });

  test('an unreachable provider becomes delivery_failed (network)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new PostmarkEmailSender({
      serverToken: postmark.token,
      from: FROM,
      apiUrl: `http://127.0.0.1:${port}`,
    });

    const reason = await assertDeliveryFailed(unreachable.send(MESSAGE));

    assert.equal(reason.kind, 'network');
  });

  test('an answer without a MessageID becomes delivery_failed (invalid_response)', async () => {
    const odd = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ErrorCode: 0, Message: 'OK' }));
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    const { port } = odd.address() as AddressInfo;
    try {
      const sending = new PostmarkEmailSender({
        serverToken: postmark.token,
        from: FROM,
        apiUrl: `http://127.0.0.1:${port}`,
      }).send(MESSAGE);

      const reason = await assertDeliveryFailed(sending);

      assert.equal(reason.kind, 'invalid_response');
    } finally {
      odd.closeAllConnections();
      await new Promise((resolve) => odd.close(resolve));
    }
  });

  test('anything but one bare address is refused before any provider call', async () => {
    for (const to of [
      '',
      'not-an-address',
      `${TO}, other@example.org`,
      `Jane <${TO}>`,
      `${TO}\r\nBcc: other@example.org`,
      `${'a'.repeat(250)}@example.org`,
    ]) {
      await assert.rejects(sender.send({ ...MESSAGE, to }), TypeError);
    }
    assert.equal(postmark.requests.length, 0);
  });
});

describe('OutboxEmailSender', () => {
  test('puts the email (subject and text) in the outbox and the log', async () => {
    const outbox = new Outbox();
    const { lines, log } = silentLog();
    const sender = new OutboxEmailSender(outbox, log);

    const { providerId } = await sender.send(MESSAGE);

    assert.match(providerId, /^outbox-/);
    assert.equal(sender.kind, 'outbox');
    assert.deepEqual(
      outbox.list().map(({ channel, to, subject, body }) => ({ channel, to, subject, body })),
      [{ channel: 'email', to: TO, subject: MESSAGE.subject, body: MESSAGE.text }],
    );
    assert.equal(lines.length, 1);
    assert.ok(JSON.stringify(lines[0]).includes(MESSAGE.text));
  });

  test('refuses anything but one bare address', async () => {
    const outbox = new Outbox();
    const sender = new OutboxEmailSender(outbox, silentLog().log);

    await assert.rejects(sender.send({ ...MESSAGE, to: `${TO},x@example.org` }), TypeError);
    assert.deepEqual(outbox.list(), []);
  });
});

describe('createEmailSender', () => {
  const postmarkConfig = { POSTMARK_SERVER_TOKEN: 'server-token', POSTMARK_FROM: FROM };
  const deps = () => ({ outbox: new Outbox(), log: silentLog().log });

  test('picks Postmark when it is configured, in any environment', async () => {
    for (const NODE_ENV of ['development', 'test', 'production'] as const) {
      assert.equal(
        (await createEmailSender({ NODE_ENV, ...postmarkConfig }, deps())).kind,
        'postmark',
      );
    }
  });

  test('picks the outbox, outside production, only when DEV_OUTBOX asks for it', async () => {
    for (const NODE_ENV of ['development', 'test'] as const) {
      assert.equal(
        (await createEmailSender({ NODE_ENV, DEV_OUTBOX: true }, deps())).kind,
        'outbox',
      );
    }
  });

  test('refuses to start without Postmark unless the outbox is asked for outside production', async () => {
    const partial: EmailConfig = { NODE_ENV: 'production', POSTMARK_SERVER_TOKEN: 'server-token' };
    const configs: EmailConfig[] = [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', DEV_OUTBOX: true },
      { NODE_ENV: 'development' },
      { NODE_ENV: 'test', DEV_OUTBOX: false },
      partial,
    ];
    for (const config of configs) {
      await assert.rejects(
        () => createEmailSender(config, deps()),
        /Email: set POSTMARK_SERVER_TOKEN and POSTMARK_FROM, .*DEV_OUTBOX=true/,
        JSON.stringify(config),
      );
    }
  });

  test("Postmark's sender follows POSTMARK_API_URL and POSTMARK_MESSAGE_STREAM to the fake", async () => {
    const postmark = await startFakePostmark();
    try {
      const sender = await createEmailSender(
        {
          NODE_ENV: 'production',
          POSTMARK_SERVER_TOKEN: postmark.token,
          POSTMARK_FROM: FROM,
          POSTMARK_MESSAGE_STREAM: 'outbound-2fa',
          POSTMARK_API_URL: `${postmark.url}/`,
        },
        deps(),
      );

      await sender.send(MESSAGE);

      assert.equal(postmark.requests[0]?.authorized, true);
      assert.equal(postmark.requests[0]?.path, '/email');
      assert.equal(postmark.requests[0]?.body?.To, TO);
      assert.equal(postmark.requests[0]?.body?.MessageStream, 'outbound-2fa');
    } finally {
      await postmark.close();
    }
  });
});
