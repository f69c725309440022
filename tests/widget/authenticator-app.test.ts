// The authenticator app in <two-factor-setup>, through the real server: the method choice, the
// app screen (the QR code drawn in the page, the key in groups of four, the otpauth:// link),
// enrolment with a code computed here from the key on the screen (RFC 6238, HMAC-SHA-1, WebCrypto),
// and the settings list with the app on it; axe on each new screen, light and dark, at 375 px.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TwoFactorSetup } from '../../widget/two-factor-setup.ts';
import {
  activate,
  enterCode,
  mountSetup,
  oneEvent,
  part,
  waitForScreen,
} from './harness/element.ts';
import { totp } from './harness/totp.ts';

/** Intro → method choice → the app screen; returns the key as the screen shows it. */
async function openAppScreen(element: TwoFactorSetup) {
  await waitForScreen(element, 'intro');
  await activate('start-button');
  await waitForScreen(element, 'method-choice');
  await expect(element).to.be.accessible();
  await activate('app-method-button');
  await waitForScreen(element, 'authenticator-app');
  return part(element, 'totp-key').textContent?.trim() ?? '';
}

const BOTH = { tenant: 'both-methods', settings: { methods: ['sms', 'totp'] } };

describe('<two-factor-setup> with an authenticator app', () => {
  it('opens on its heading, so the instructions are read before the code field', async () => {
    const { element } = await mountSetup(BOTH);
    await openAppScreen(element);
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(element.shadowRoot?.activeElement?.getAttribute('part')).to.contain('heading');
  });

  it('copies the key without its spaces', async () => {
    const { element } = await mountSetup(BOTH);
    const key = await openAppScreen(element);
    let copied = '';
    // The page's clipboard is the browser's boundary: headless Chromium grants no permission.
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          copied = text;
        },
      },
    });
    await activate('copy-key-button');
    await element.updateComplete;
    expect(copied).to.equal(key.replace(/ /g, ''));
    expect(part(element, 'copy-key-button').textContent?.trim()).to.equal('Copied');
  });

  it('checks the RFC 6238 vector it enrols with (SHA-1, 59 s → 287082)', async () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", 8 digits 94287082.
    expect(await totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).to.equal('287082');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`enrols by the key on the screen, then lists the app in the settings (${colorScheme})`, async () => {
      await emulateMedia({ colorScheme });
      try {
        const { element } = await mountSetup(BOTH);
        element.style.width = '375px';
        const key = await openAppScreen(element);
        expect(key).to.match(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
        const link = part(element, 'open-app-link') as HTMLAnchorElement;
        expect(link.href).to.match(/^otpauth:\/\/totp\/.+\?secret=/);
        expect(link.href).to.contain(`secret=${key.replace(/ /g, '')}`);
        const qr = part(element, 'qr-code');
        expect(qr.getAttribute('role')).to.equal('img');
        expect(qr.querySelector('path')?.getAttribute('d')?.length).to.be.greaterThan(100);
        await expect(element).to.be.accessible();

        const enabled = oneEvent(element, 'tfa-enabled');
        await enterCode(await totp(key));
        expect((await enabled).detail).to.deep.equal({ maskedPhone: '', method: 'totp' });
        await waitForScreen(element, 'new-recovery-codes');
        expect(element.shadowRoot?.querySelectorAll('[part~="recovery-code"]').length).to.equal(10);
        (part(element, 'saved-checkbox') as HTMLInputElement).click();
        await element.updateComplete;
        await activate('continue-button');
        await waitForScreen(element, 'done');
        expect(part(element, 'text').textContent).to.contain('authenticator app');
        await activate('done-button');
        await waitForScreen(element, 'manage');
        expect(part(element, 'app-setting').textContent).to.contain('Added');
        expect(part(element, 'phone-setting').textContent).to.contain('Not set up');
        await expect(element).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  }

  it('goes straight to the app where the site allows only the app', async () => {
    const { element } = await mountSetup({ tenant: 'app-only', settings: { methods: ['totp'] } });
    await waitForScreen(element, 'intro');
    const steps: string[] = [];
    element.addEventListener('tfa-step-change', (event) => steps.push(event.detail.to));
    await activate('start-button');
    await waitForScreen(element, 'authenticator-app');
    expect(steps).to.deep.equal(['authenticator-app']);
  });

  it('refuses a wrong code, keeping the key on the screen', async () => {
    const { element } = await mountSetup(BOTH);
    const key = await openAppScreen(element);
    const right = await totp(key);
    await enterCode(right === '000000' ? '111111' : '000000');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(part(element, 'code-error').textContent).to.contain('not right');
    expect(part(element, 'totp-key').textContent?.trim()).to.equal(key);
  });
});
