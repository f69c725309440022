// What the elements say, and do, for the server's answers about codes and numbers that changed
// meanwhile (a used recovery code), and dates in French.
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  activate,
  errorText,
  mountChallenge,
  mountSetup,
  oneEvent,
  part,
  tabTo,
  typeText,
  waitForScreen,
} from './harness/element.ts';
import { mintSession, signInSession } from './harness/partner.ts';

async function post(session: { server: string; token: string }, path: string, body?: object) {
  const response = await fetch(`${session.server}/v1/widget${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: {
      authorization: `Bearer ${session.token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

describe('words', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`a used recovery code is named as such, under its field (${colorScheme})`, async () => {
      await emulateMedia({ colorScheme });
      const { userId, recoveryCodes, session } = await signInSession();
      await post(session, '/challenge');
      const used = recoveryCodes[0] ?? '';
      expect((await post(session, '/challenge/recovery', { recoveryCode: used })).status).to.equal(
        200,
      );

      const again = await mintSession({ purpose: 'sign-in', userId });
      const element = await mountChallenge(again);
      await waitForScreen(element, 'sms-code');
      await activate('use-recovery-code-button');
      await waitForScreen(element, 'recovery-code');
      await tabTo('recovery-code-input');
      await typeText(used);
      const failed = oneEvent(element, 'tfa-error');
      await sendKeys({ press: 'Enter' });
      expect((await failed).detail.code).to.equal('recovery_code_used');
      await element.updateComplete;
      expect(errorText(element)).to.equal(
        'This recovery code has already been used. Try another one.',
      );
      const field = part(element, 'recovery-code-input').closest('[part~="field"]');
      expect(field?.querySelector('[part~="error"]')?.textContent).to.contain('already been used');
      await expect(element).to.be.accessible();
    });
  }

  it('writes the first of the month as French does', async () => {
    const { element } = await mountSetup({ locale: 'fr' });
    await waitForScreen(element, 'intro');
    const { flow } = element as unknown as { flow: { formatDate(iso: string): string } };
    const format = (iso: string) => flow.formatDate(iso);
    expect(format('2026-12-01T12:00:00Z')).to.equal('1er décembre 2026');
    expect(format('2026-12-02T12:00:00Z')).to.equal('2 décembre 2026');
  });
});
