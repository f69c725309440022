// Defends docs/security.md "Notifications": a security notice is queued in the transaction of its
// change and sent after the answer, so an email provider that fails or hangs slows no request and
// loses no notice, and a notice left by a stopped instance is sent by another.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EmailMessage, EmailSender } from '../../server/providers/email/email-sender.ts';
import { describeEachDatabase, type TestApp } from '../helpers/build-app.ts';
import { enrol, setupSession } from '../helpers/widget-client.ts';

/** An email provider the test steers: failing, hanging forever, or taking messages. */
function steeredSender(mode: { now: 'fail' | 'hang' | 'take' }) {
  const taken: EmailMessage[] = [];
  const sender: EmailSender = {
    kind: 'postmark',
    send: (message) => {
      if (mode.now === 'hang') return new Promise(() => {});
      if (mode.now === 'fail') return Promise.reject(new Error('provider down'));
      taken.push(message);
      return Promise.resolve({ providerId: String(taken.length) });
    },
  };
  return { sender, taken };
}

async function queued(app: TestApp, tenantId: string) {
  return app.db
    .selectFrom('outbound_notices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .execute();
}

/** As if the retry wait, or another instance's lease, had run out. */
async function makeDue(app: TestApp, tenantId: string) {
  await app.db
    .updateTable('outbound_notices')
    .set({ next_attempt_at: new Date(Date.now() - 1000) })
    .where('tenant_id', '=', tenantId)
    .execute();
}

describeEachDatabase('the notice queue', ({ build }) => {
  test('a provider outage: the change answers at once, the notice waits and is sent once it is back', async (t) => {
    const mode = { now: 'fail' as 'fail' | 'hang' | 'take' };
    const { sender, taken } = steeredSender(mode);
    const app = await build(t, {}, { emailSender: sender });
    const { tenant, widget } = await setupSession(app);
    await enrol(app, widget);
    await app.notices.drain();
    const [waiting] = await queued(app, tenant.tenantId);
    assert.equal(waiting?.type, 'two_factor.enabled');
    assert.equal(waiting?.attempts, 1);
    assert.match(waiting?.last_error ?? '', /provider down/);
    assert.ok((waiting?.next_attempt_at ?? new Date(0)) > new Date(), 'tried again later');

    mode.now = 'take';
    await makeDue(app, tenant.tenantId);
    await app.notices.drain();
    assert.deepEqual(await queued(app, tenant.tenantId), [], 'sent, then gone from the queue');
    assert.equal(taken.length, 1);
    assert.match(taken[0]?.subject ?? '', /Two-factor authentication is on/);
    assert.equal(taken[0]?.to, 'patient@mail.example');
  });

  test('a hung provider slows no request; another instance sends what a stopped one left', async (t) => {
    const hung = steeredSender({ now: 'hang' });
    const first = await build(t, {}, { emailSender: hung.sender });
    const { tenant, widget } = await setupSession(first);
    // The email never leaves; were the request waiting for it, this would never answer.
    await enrol(first, widget);
    assert.equal((await queued(first, tenant.tenantId)).length, 1);
    await first.close();

    const working = steeredSender({ now: 'take' });
    const second = await build(t, {}, { emailSender: working.sender });
    await makeDue(second, tenant.tenantId);
    await second.notices.drain();
    assert.equal(working.taken.length, 1, 'the notice was not lost with the first instance');
    assert.deepEqual(await queued(second, tenant.tenantId), []);
  });

  test('one batch, two clinics, one address failing: the sent go, the failing one waits alone', async (t) => {
    const taken: EmailMessage[] = [];
    let providerUp = false;
    const sender: EmailSender = {
      kind: 'postmark',
      send: (message) => {
        if (!providerUp || message.to === 'bounces@mail.example') {
          return Promise.reject(new Error('refused'));
        }
        taken.push(message);
        return Promise.resolve({ providerId: String(taken.length) });
      },
    };
    const app = await build(t, {}, { emailSender: sender });
    const first = await setupSession(app);
    const second = await setupSession(app);
    const failing = await setupSession(app, {}, 'bounces');
    for (const { widget } of [first, second, failing]) await enrol(app, widget);
    // All three wait for a retry, then fall due together: one batch claims them.
    await app.notices.drain();
    providerUp = true;
    for (const { tenant } of [first, second, failing]) await makeDue(app, tenant.tenantId);
    await app.notices.drain();
    assert.deepEqual(
      taken.map((message) => message.to),
      ['patient@mail.example', 'patient@mail.example'],
    );
    assert.deepEqual(await queued(app, first.tenant.tenantId), []);
    assert.deepEqual(await queued(app, second.tenant.tenantId), []);
    const [waiting, ...more] = await queued(app, failing.tenant.tenantId);
    assert.equal(more.length, 0);
    assert.equal(waiting?.attempts, 2);
    assert.match(waiting?.last_error ?? '', /refused/);
    assert.ok((waiting?.next_attempt_at ?? new Date(0)) > new Date(), 'tried again later');
  });
});
