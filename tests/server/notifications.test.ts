// Every security change is emailed to the user (when the partner gave an address and the tenant
// keeps notices on): what happened, when and from which browser (docs/security.md "Notifications").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, mintSession } from '../helpers/build-app.ts';
import {
  challengeSession,
  enrol,
  latestSmsCode,
  setupSession,
  stepUp,
  widgetClient,
} from '../helpers/widget-client.ts';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';

/** The notices emailed to `to`, oldest first, once the worker has sent every queued one. */
async function notices(app: FastifyInstance, to: string) {
  await app.notices.drain();
  return app.outbox
    .list()
    .filter((m) => m.channel === 'email' && m.to === to)
    .reverse();
}

describeEachDatabase('security notices', ({ build }) => {
  test('each security change sends its notice, in order', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app, { recoveryCodeCount: 2 }, 'noticed');
    const to = `${userId}@mail.example`;
    const [code] = await enrol(app, widget);
    await stepUp(app, widget);
    await widget.get('/recovery-codes');
    await widget.post('/recovery-codes');
    await widget.post('/phone', { phone: '+33698765432' });
    await widget.post('/phone/verify', { code: await latestSmsCode(app, '+33698765432') });
    const signIn = await challengeSession(app, tenant, { userId });
    await signIn.post('/challenge', undefined, { 'user-agent': FIREFOX_LINUX });
    await signIn.post(
      '/challenge/verify',
      { code: await latestSmsCode(app, '+33698765432'), trustBrowser: true },
      { 'user-agent': FIREFOX_LINUX },
    );
    const recovery = await challengeSession(app, tenant, { userId });
    const viewed = (await widget.get('/recovery-codes')).json().codes;
    assert.notEqual(viewed[0].code, code, 'the set was regenerated');
    await recovery.post('/challenge/recovery', { recoveryCode: viewed[0].code });
    await widget.delete('/two-factor');

    const subjects = (await notices(app, to)).map((m) => m.subject);
    assert.deepEqual(
      subjects.map((s) => s?.replace(/Clinic \d+/, 'X')),
      [
        'Two-factor authentication is on for your X account',
        'Your X recovery codes were viewed',
        'New recovery codes for your X account',
        'The phone number for your X account was changed',
        'A new trusted browser for your X account',
        'Your X recovery codes were viewed',
        'A recovery code was used for your X account',
        'Two-factor authentication was turned off for your X account',
      ],
    );
    const trusted = (await notices(app, to)).find((m) =>
      m.subject?.startsWith('A new trusted browser'),
    );
    assert.match(trusted?.body ?? '', /Firefox on Linux/);
    assert.match(trusted?.body ?? '', /UTC/);
    const changed = (await notices(app, to)).find((m) => m.subject?.startsWith('The phone number'));
    assert.match(changed?.body ?? '', /\+33 •• •• •• 32/);
    assert.ok(
      !(await notices(app, to)).some((m) => m.body.includes('698765432')),
      'never the full number',
    );
  });

  test('no notices when the tenant turns them off', async (t) => {
    const app = await build(t);
    const { widget, userId } = await setupSession(app, { notifyUsers: false }, 'quiet');
    await enrol(app, widget);
    await stepUp(app, widget);
    await widget.delete('/two-factor');
    assert.equal((await notices(app, `${userId}@mail.example`)).length, 0);
  });

  test('notices go in the session language', async (t) => {
    const app = await build(t);
    const { tenant } = await setupSession(app);
    const token = await mintSession(app, tenant, {
      userId: 'fr',
      purpose: 'setup',
      email: 'fr@mail.example',
      locale: 'fr',
    });
    await enrol(app, widgetClient(app, token, tenant.origin));
    assert.match(
      (await notices(app, 'fr@mail.example'))[0]?.subject ?? '',
      /^L’authentification à deux facteurs est activée/,
    );
  });
});
