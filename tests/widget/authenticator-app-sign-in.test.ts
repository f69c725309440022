// Signing in and stepping up with an authenticator app, through the real server: the challenge
// asks for the app's code first (nothing sent), "Use another method" switches to a text message,
// "Use a recovery code instead" signs in without the app, the step-up of an app-only user asks the
// app (no text message is sent). Codes are computed here
// from the key the setup element showed; each use takes a later time step (a used one is refused),
// within the one step of skew the server accepts either way.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TwoFactorSetup } from '../../widget/two-factor-setup.ts';
import {
  activate,
  enterCode,
  hasPart,
  mountChallenge,
  mountSetup,
  oneEvent,
  part,
  stepUpThrough,
  tabTo,
  typeText,
  waitForScreen,
} from './harness/element.ts';
import {
  enrolledUser,
  latestSmsCode,
  mintSession,
  redeem,
  uniqueFrenchMobile,
} from './harness/partner.ts';
import { codeOfStepBefore, totp } from './harness/totp.ts';

const BOTH = { tenant: 'both-methods', settings: { methods: ['sms', 'totp'] } };

/** From the app screen: the key shown, confirmed with the code of the step before now. */
async function confirmApp(element: TwoFactorSetup) {
  await waitForScreen(element, 'authenticator-app');
  const key = part(element, 'totp-key').textContent?.trim() ?? '';
  await enterCode(await codeOfStepBefore(key));
  return key;
}

async function appOnlyUser() {
  const { element, session } = await mountSetup(BOTH);
  await waitForScreen(element, 'intro');
  await activate('start-button');
  await waitForScreen(element, 'method-choice');
  await activate('app-method-button');
  const key = await confirmApp(element);
  await waitForScreen(element, 'new-recovery-codes');
  const recoveryCodes = [
    ...(element.shadowRoot?.querySelectorAll('[part~="recovery-code"]') ?? []),
  ].map((item) => item.textContent?.trim() ?? '');
  element.remove();
  return { userId: session.userId, key, recoveryCodes };
}

describe('signing in and stepping up with an authenticator app', () => {
  it('signs in with the app’s code: nothing is sent, the result says the app', async () => {
    const { userId, key } = await appOnlyUser();
    const session = await mintSession({ ...BOTH, purpose: 'sign-in', userId });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'app-code');
    expect(part(element, 'heading').textContent).to.contain('authenticator app');
    await expect(element).to.be.accessible();
    // Nothing was sent (other test files share the outbox, so it is not counted): no destination,
    // and nothing to resend.
    expect(part(element, 'text').textContent).to.not.contain('We sent');
    expect(hasPart(element, 'resend-button')).to.equal(false);
    const verified = oneEvent(element, 'tfa-verified');
    await enterCode(await totp(key));
    const { detail } = await verified;
    expect(detail.via).to.equal('code');
    const redeemed = await redeem(detail.resultToken, BOTH);
    expect(redeemed.status).to.equal(200);
    expect(redeemed.body.method).to.equal('totp');
  });

  it('signs in with a recovery code from the app’s screen: "Use a recovery code instead"', async () => {
    const { userId, recoveryCodes } = await appOnlyUser();
    expect(recoveryCodes[0]).to.match(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const session = await mintSession({ ...BOTH, purpose: 'sign-in', userId });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'app-code');
    await activate('use-recovery-code-button');
    await waitForScreen(element, 'recovery-code');
    await expect(element).to.be.accessible();
    const verified = oneEvent(element, 'tfa-verified');
    await tabTo('recovery-code-input');
    await typeText(recoveryCodes[0] ?? '');
    await sendKeys({ press: 'Enter' });
    const { detail } = await verified;
    expect(detail.via).to.equal('recovery-code');
    const redeemed = await redeem(detail.resultToken, BOTH);
    expect(redeemed.status).to.equal(200);
    expect(redeemed.body.via).to.equal('recovery-code');
  });

  it('steps up by the app for a user without a phone', async () => {
    const { userId, key } = await appOnlyUser();
    const { element } = await mountSetup({ ...BOTH, userId });
    await waitForScreen(element, 'manage');
    await expect(element).to.be.accessible();
    expect(part(element, 'add-phone-button').textContent?.trim()).to.equal('Add');
    await activate('recovery-codes-button');
    await waitForScreen(element, 'step-up-app');
    await expect(element).to.be.accessible();
    await enterCode(await totp(key));
    await waitForScreen(element, 'view-recovery-codes');
  });

  it('adds the app beside a phone, then "Use another method" switches to a text message', async () => {
    const phone = uniqueFrenchMobile();
    const { userId } = await enrolledUser({ ...BOTH, phone });
    const { element } = await mountSetup({ ...BOTH, userId });
    await waitForScreen(element, 'manage');
    await stepUpThrough(element, 'add-app-button', phone);
    const added = oneEvent(element, 'tfa-method-added');
    const key = await confirmApp(element);
    expect((await added).detail).to.deep.equal({ method: 'totp' });
    await waitForScreen(element, 'manage');
    expect(part(element, 'status').textContent).to.contain('Authenticator app');
    expect(part(element, 'preferred-setting').textContent).to.contain('Authenticator app');
    await expect(element).to.be.accessible();
    element.remove();

    const session = await mintSession({ ...BOTH, purpose: 'sign-in', userId });
    const challenge = await mountChallenge(session);
    await waitForScreen(challenge, 'app-code');
    await activate('use-another-method-button');
    await waitForScreen(challenge, 'sms-code');
    await activate('use-another-method-button');
    await waitForScreen(challenge, 'app-code');
    const verified = oneEvent(challenge, 'tfa-verified');
    await enterCode(await totp(key));
    expect((await verified).detail.via).to.equal('code');
    expect(await latestSmsCode(phone)).to.match(/^\d{6}$/);
  });
});
