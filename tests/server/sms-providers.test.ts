import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AppError, errorCodes } from '../../server/errors.ts';
import { Outbox } from '../../server/providers/outbox.ts';
import { createSmsSender, type SmsConfig } from '../../server/providers/sms/create-sms-sender.ts';
import { OutboxSmsSender } from '../../server/providers/sms/outbox-sms-sender.ts';
import { PlivoSmsSender } from '../../server/providers/sms/plivo-sms-sender.ts';
import { DeliveryError, type DeliveryFailure } from '../../server/providers/sms/sms-sender.ts';
import { type FakePlivo, type PlivoFailure, startFakePlivo } from '../fakes/plivo.ts';

const PHONE = '+33612345678';
const CODE = '482916';
const TEXT = `Your Clinic code is ${CODE}. @clinic.example #${CODE}`;
const SENDER = 'ClinicCo';

function silentLog() {
  const lines: unknown[][] = [];
  return { lines, log: { info: (...args: unknown[]) => void lines.push(args) } };
}

/** The rejection is `delivery_failed` and says nothing about the number or the text. */
async function assertDeliveryFailed(sending: Promise<unknown>): Promise<DeliveryFailure> {
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
  for (const secret of [PHONE, PHONE.slice(1), CODE, TEXT]) {
    assert.ok(!dumped.includes(secret), `the error reveals ${secret}`);
  }
  return error.reason;
}

describe('PlivoSmsSender through the real SDK', () => {
  let plivo: FakePlivo;
  let sender: PlivoSmsSender;

  before(async () => {
    plivo = await startFakePlivo();
    sender = new PlivoSmsSender({
      authId: plivo.authId,
      authToken: plivo.authToken,
      sender: SENDER,
      apiUrl: plivo.url,
      timeoutMs: 300,
    });
  });
  after(() => plivo.close());
  beforeEach(() => plivo.reset());

  test('sends src, dst and text to the message endpoint with basic auth', async () => {
    const { providerId } = await sender.send({ to: PHONE, text: TEXT });

    assert.match(providerId, /^[0-9a-f-]{36}$/);
    assert.equal(plivo.requests.length, 1);
    const [request] = plivo.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, `/v1/Account/${plivo.authId}/Message/`);
    assert.equal(request?.authorized, true);
    assert.deepEqual(request?.body, { src: SENDER, dst: PHONE, text: TEXT, log: false });
  });

  test("uses the message's own sender when it has one, the default when null", async () => {
    await sender.send({ to: PHONE, text: TEXT, sender: 'OtherCo' });
    await sender.send({ to: PHONE, text: TEXT, sender: null });

    assert.deepEqual(
      plivo.requests.map((request) => request.body?.src),
      ['OtherCo', SENDER],
    );
  });

  // The SDK keeps Plivo's `api_id` only for the statuses it has an error class for.
  const failures: [PlivoFailure, Omit<DeliveryFailure, 'provider' | 'requestId'>, boolean][] = [
    ['server-error', { kind: 'provider_error', status: 500 }, true],
    ['invalid-number', { kind: 'rejected', status: 400 }, true],
    ['451', { kind: 'rejected', status: 451 }, false],
    ['rate-limited', { kind: 'rejected', status: 429 }, false],
    ['timeout', { kind: 'timeout', status: null }, false],
  ];
  for (const [kind, expected, hasRequestId] of failures) {
    test(`${kind} becomes delivery_failed without the number or the text`, async () => {
      plivo.fail(kind, 1);

      const reason = await assertDeliveryFailed(sender.send({ to: PHONE, text: TEXT }));

      const { provider, requestId, ...rest } = reason;
      assert.equal(provider, 'plivo');
      assert.deepEqual(rest, expected);
      if (hasRequestId) assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
      else assert.equal(requestId, null);
      assert.equal(plivo.requests.length, 1, 'one provider call, no retry');
    });
  }

  test('a timeout comes after the configured delay, not the default 10 s', async () => {
    plivo.fail('timeout');
    const started = performance.now();

    await assertDeliveryFailed(sender.send({ to: PHONE, text: TEXT }));

    assert.ok(performance.now() - started < 3_000);
  });

  test('fail(kind, n) fails n sends, then Plivo answers again', async () => {
    plivo.fail('server-error', 2);

    await assertDeliveryFailed(sender.send({ to: PHONE, text: TEXT }));
    await assertDeliveryFailed(sender.send({ to: PHONE, text: TEXT }));
    await sender.send({ to: PHONE, text: TEXT });
  });

  test('wrong credentials are refused by the fake and become delivery_failed', async () => {
    const wrong = new PlivoSmsSender({
      authId: plivo.authId,
      authToken: 'not-the-token',
      sender: SENDER,
      apiUrl: plivo.url,
    });

    const reason = await assertDeliveryFailed(wrong.send({ to: PHONE, text: TEXT }));

    assert.equal(reason.status, 401);
    assert.equal(plivo.requests[0]?.authorized, false);
  });

  test('an unreachable provider becomes delivery_failed (network)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new PlivoSmsSender({
      authId: plivo.authId,
      authToken: plivo.authToken,
      sender: SENDER,
      apiUrl: `http://127.0.0.1:${port}`,
    });

    const reason = await assertDeliveryFailed(unreachable.send({ to: PHONE, text: TEXT }));

    assert.equal(reason.kind, 'network');
  });

  test('anything but one E.164 number is refused before any provider call', async () => {
    for (const to of ['0612345678', `${PHONE}<+447700900123`, '', '+33 6 12 34 56 78']) {
      await assert.rejects(sender.send({ to, text: TEXT }), TypeError);
    }
    assert.equal(plivo.requests.length, 0);
  });
});

describe('Outbox', () => {
  test('lists newest first with ISO dates', () => {
    const outbox = new Outbox();
    outbox.add({ channel: 'sms', to: '+33600000001', body: 'first' });
    outbox.add({ channel: 'email', to: 'a@example.com', subject: 'Hi', body: 'second' });

    const messages = outbox.list();

    assert.deepEqual(
      messages.map(({ body }) => body),
      ['second', 'first'],
    );
    assert.equal(messages[0]?.subject, 'Hi');
    assert.equal('subject' in (messages[1] ?? {}), false);
    for (const { createdAt } of messages) {
      assert.equal(new Date(createdAt).toISOString(), createdAt);
    }
  });

  test('keeps only the newest messages past its capacity', () => {
    const outbox = new Outbox(3);
    for (let i = 1; i <= 5; i += 1) outbox.add({ channel: 'sms', to: PHONE, body: `m${i}` });

    assert.deepEqual(
      outbox.list().map(({ body }) => body),
      ['m5', 'm4', 'm3'],
    );
  });

  test('holds 200 by default', () => {
    const outbox = new Outbox();
    for (let i = 0; i < 250; i += 1) outbox.add({ channel: 'sms', to: PHONE, body: `m${i}` });

    assert.equal(outbox.list().length, 200);
    assert.equal(outbox.list()[0]?.body, 'm249');
  });

  test('clear empties it, and list returns copies', () => {
    const outbox = new Outbox();
    outbox.add({ channel: 'sms', to: PHONE, body: 'x' });
    const [listed] = outbox.list();
    if (listed) listed.body = 'changed';

    assert.equal(outbox.list()[0]?.body, 'x');
    outbox.clear();
    assert.deepEqual(outbox.list(), []);
  });
});

describe('OutboxSmsSender', () => {
  test('puts the SMS in the outbox and the log', async () => {
    const outbox = new Outbox();
    const { lines, log } = silentLog();
    const sender = new OutboxSmsSender(outbox, log);

    const { providerId } = await sender.send({ to: PHONE, text: TEXT });

    assert.match(providerId, /^outbox-/);
    assert.equal(sender.kind, 'outbox');
    assert.deepEqual(
      outbox.list().map(({ channel, to, body }) => ({ channel, to, body })),
      [{ channel: 'sms', to: PHONE, body: TEXT }],
    );
    assert.equal(lines.length, 1);
    assert.ok(JSON.stringify(lines[0]).includes(TEXT));
  });
});

describe('createSmsSender', () => {
  const plivoConfig = {
    PLIVO_AUTH_ID: 'MAXXXXXXXXXXXXXXXXXX',
    PLIVO_AUTH_TOKEN: 'token',
    PLIVO_SENDER: SENDER,
  };
  const deps = () => ({ outbox: new Outbox(), log: silentLog().log });

  test('picks Plivo when it is configured, in any environment', async () => {
    for (const NODE_ENV of ['development', 'test', 'production'] as const) {
      assert.equal((await createSmsSender({ NODE_ENV, ...plivoConfig }, deps())).kind, 'plivo');
    }
  });

  test('picks the outbox, outside production, only when DEV_OUTBOX asks for it', async () => {
    for (const NODE_ENV of ['development', 'test'] as const) {
      assert.equal((await createSmsSender({ NODE_ENV, DEV_OUTBOX: true }, deps())).kind, 'outbox');
    }
  });

  test('refuses to start without Plivo unless the outbox is asked for outside production', async () => {
    const partial: SmsConfig = { NODE_ENV: 'production', PLIVO_AUTH_ID: 'MAXXXXXXXXXXXXXXXXXX' };
    const configs: SmsConfig[] = [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', DEV_OUTBOX: true },
      { NODE_ENV: 'development' },
      { NODE_ENV: 'test', DEV_OUTBOX: false },
      partial,
    ];
    for (const config of configs) {
      await assert.rejects(
        () => createSmsSender(config, deps()),
        /SMS: set PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_SENDER, .*DEV_OUTBOX=true/,
        JSON.stringify(config),
      );
    }
  });

  test("Plivo's sender follows PLIVO_API_URL to the fake", async () => {
    const plivo = await startFakePlivo();
    try {
      const sender = await createSmsSender(
        {
          NODE_ENV: 'production',
          PLIVO_AUTH_ID: plivo.authId,
          PLIVO_AUTH_TOKEN: plivo.authToken,
          PLIVO_SENDER: SENDER,
          PLIVO_API_URL: `${plivo.url}/`,
        },
        deps(),
      );

      await sender.send({ to: PHONE, text: TEXT });

      assert.equal(plivo.requests[0]?.body?.dst, PHONE);
      assert.equal(plivo.requests[0]?.authorized, true);
    } finally {
      await plivo.close();
    }
  });
});
