// Managing two methods on the settings list, through the real server: which one sign-in asks for
// first (no step-up), removing one of two (behind the step-up; the other and the recovery codes
// stay), and the only method offering no "Remove".
import { expect } from '@open-wc/testing';
import type { TwoFactorSetup } from '../../widget/two-factor-setup.ts';
import {
  activate,
  enterCode,
  enterFrenchNumber,
  hasPart,
  mountSetup,
  oneEvent,
  part,
  stepUpThrough,
  waitForScreen,
} from './harness/element.ts';
import { enrolledUser, latestSmsCode, uniqueFrenchMobile } from './harness/partner.ts';
import { codeOfStepBefore, totp } from './harness/totp.ts';

const BOTH = { tenant: 'both-methods', settings: { methods: ['sms', 'totp'] } };

/** A user with a phone who adds the app from the settings: ends on the settings, both on. */
async function bothMethods() {
  const phone = uniqueFrenchMobile();
  const { userId } = await enrolledUser({ ...BOTH, phone });
  const { element } = await mountSetup({ ...BOTH, userId });
  await waitForScreen(element, 'manage');
  expect(hasPart(element, 'remove-phone-button'), 'the only method has no Remove').to.equal(false);
  await stepUpThrough(element, 'add-app-button', phone);
  await waitForScreen(element, 'authenticator-app');
  const key = part(element, 'totp-key').textContent?.trim() ?? '';
  await enterCode(await codeOfStepBefore(key));
  await waitForScreen(element, 'manage');
  return element;
}

async function statusSays(element: TwoFactorSetup, text: string) {
  for (let tries = 0; tries < 50 && !part(element, 'status').textContent?.includes(text); tries++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(part(element, 'status').textContent).to.contain(text);
}

describe('two methods on the settings list', () => {
  it('switches which method sign-in asks for first', async () => {
    const element = await bothMethods();
    expect(part(element, 'preferred-setting').textContent).to.contain('Authenticator app');
    await activate('switch-preferred-button');
    await statusSays(element, 'Asked first at sign-in: Text message.');
    expect(part(element, 'preferred-setting').textContent).to.contain('Text message');
    await expect(element).to.be.accessible();
  });

  it('removes the app, keeping the phone and the recovery codes', async () => {
    const element = await bothMethods();
    const codesLeft = part(element, 'recovery-setting').textContent;
    const removed = oneEvent(element, 'tfa-method-removed');
    await activate('remove-app-button');
    expect((await removed).detail).to.deep.equal({ method: 'totp' });
    await statusSays(element, 'Removed: Authenticator app.');
    expect(part(element, 'app-setting').textContent).to.contain('Not set up');
    expect(hasPart(element, 'add-app-button')).to.equal(true);
    expect(hasPart(element, 'preferred-setting')).to.equal(false);
    expect(part(element, 'recovery-setting').textContent).to.equal(codesLeft);
  });

  it('adds a phone beside the app: step-up by the app, then the number and its code', async () => {
    const { element } = await mountSetup(BOTH);
    await waitForScreen(element, 'intro');
    await activate('start-button');
    await waitForScreen(element, 'method-choice');
    await activate('app-method-button');
    await waitForScreen(element, 'authenticator-app');
    const key = part(element, 'totp-key').textContent?.trim() ?? '';
    await enterCode(await codeOfStepBefore(key));
    await waitForScreen(element, 'new-recovery-codes');
    (part(element, 'saved-checkbox') as HTMLInputElement).click();
    await element.updateComplete;
    await activate('continue-button');
    await waitForScreen(element, 'done');
    await activate('done-button');
    await waitForScreen(element, 'manage');

    await activate('add-phone-button');
    await waitForScreen(element, 'step-up-app');
    await enterCode(await totp(key));
    await waitForScreen(element, 'phone');
    const phone = uniqueFrenchMobile();
    await enterFrenchNumber(phone);
    await activate('send-code-button');
    await waitForScreen(element, 'code');
    const added = oneEvent(element, 'tfa-method-added');
    await enterCode(await latestSmsCode(phone));
    expect((await added).detail).to.deep.equal({ method: 'sms' });
    await waitForScreen(element, 'manage');
    await statusSays(element, 'Added: Text message.');
    expect(part(element, 'masked-phone').textContent).to.contain(phone.slice(-2));
    expect(part(element, 'preferred-setting').textContent).to.contain('Authenticator app');
  });

  it('removes the phone, keeping the app', async () => {
    const element = await bothMethods();
    const removed = oneEvent(element, 'tfa-method-removed');
    await activate('remove-phone-button');
    expect((await removed).detail).to.deep.equal({ method: 'sms' });
    await statusSays(element, 'Removed: Text message.');
    expect(part(element, 'phone-setting').textContent).to.contain('Not set up');
    expect(hasPart(element, 'add-phone-button')).to.equal(true);
    expect(hasPart(element, 'remove-app-button'), 'the app is now the only method').to.equal(false);
    await expect(element).to.be.accessible();
  });
});
