import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  activate,
  deepActiveElement,
  errorText,
  focusPageStart,
  mountChallenge,
  oneEvent,
  part,
  tabTo,
  typeText,
  waitForScreen,
} from './harness/element.ts';
import {
  latestEmailCode,
  latestSmsCode,
  lockUser,
  mintSession,
  redeem,
  signInSession,
} from './harness/partner.ts';

const EMAIL_FIRST = { tenant: 'email-first', settings: { signInSteps: ['email', 'sms'] } };
const NO_TRUST = { tenant: 'no-trust', settings: { trustBrowserDays: 0 } };

/** Types the code with the keyboard; the field submits on the last digit. */
async function enterCode(code: string) {
  focusPageStart();
  await tabTo('code-input');
  await typeText(code);
}

describe('<two-factor-challenge>', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it('signs in with the SMS code, by keyboard, and fires tfa-verified once', async () => {
    const { phone, userId, session } = await signInSession();
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    expect(part(element, 'text').textContent).to.contain(`${phone.slice(-2)}.`);
    await expect(element).to.be.accessible();

    let fired = 0;
    element.addEventListener('tfa-verified', () => fired++);
    const verified = oneEvent(element, 'tfa-verified');
    await enterCode(await latestSmsCode(phone));
    const { detail } = await verified;
    await waitForScreen(element, 'verified');
    expect(part(element, 'heading').textContent).to.contain('Signed in');
    expect(detail.via).to.equal('code');
    const redeemed = await redeem(detail.resultToken);
    expect(redeemed.status).to.equal(200);
    expect(redeemed.body.userId).to.equal(userId);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(fired).to.equal(1);
  });

  it('asks for the email passcode first, then the SMS code, when the site says so', async () => {
    const email = `patient-${Date.now()}@mail.example`;
    const { phone, session } = await signInSession(EMAIL_FIRST, { email });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'email-code');
    expect(part(element, 'heading').textContent).to.contain('Check your email');
    expect(part(element, 'text').textContent).to.match(/We sent a code to p•+@mail\.example/);
    await expect(element).to.be.accessible();
    await enterCode(await latestEmailCode(email));
    await waitForScreen(element, 'sms-code');
    const verified = oneEvent(element, 'tfa-verified');
    await enterCode(await latestSmsCode(phone));
    const { detail } = await verified;
    const redeemed = await redeem(detail.resultToken, EMAIL_FIRST);
    expect(redeemed.body.steps).to.deep.equal(['email', 'sms']);
  });

  it('trusts the browser when asked, and then signs in without a code', async () => {
    const { phone, userId, session } = await signInSession();
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    await tabTo('trust-checkbox');
    await sendKeys({ press: 'Space' });
    expect((part(element, 'trust-checkbox') as HTMLInputElement).checked).to.equal(true);
    expect(part(element, 'trust-label').textContent).to.contain('30 days');
    const verified = oneEvent(element, 'tfa-verified');
    await enterCode(await latestSmsCode(phone));
    await verified;
    element.remove();

    const again = await mintSession({ purpose: 'sign-in', userId });
    const second = await mountChallenge(again);
    const { detail } = await oneEvent(second, 'tfa-verified');
    expect(detail.via).to.equal('trusted-browser');
    expect(part(second, 'heading').textContent).to.contain('Signed in');
    expect((await redeem(detail.resultToken)).body.via).to.equal('trusted-browser');
  });

  it('hides the trust offer when the site turned it off', async () => {
    const { session } = await signInSession(NO_TRUST);
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    expect(element.shadowRoot?.querySelector('[part~="trust-checkbox"]')).to.equal(null);
  });

  it('signs in with a recovery code typed without dashes, in lower case', async () => {
    const { recoveryCodes, session } = await signInSession();
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    await activate('use-recovery-code-button');
    await waitForScreen(element, 'recovery-code');
    await expect(element).to.be.accessible();
    const verified = oneEvent(element, 'tfa-verified');
    await tabTo('recovery-code-input');
    await typeText((recoveryCodes[0] ?? '').replaceAll('-', '').toLowerCase());
    await sendKeys({ press: 'Enter' });
    const { detail } = await verified;
    expect(detail.via).to.equal('recovery-code');
  });

  it('shows the new set after the last recovery code, gated by "I have saved"', async () => {
    const single = { tenant: 'one-code', settings: { recoveryCodeCount: 1 } };
    const { recoveryCodes, session } = await signInSession(single);
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    await activate('use-recovery-code-button');
    await waitForScreen(element, 'recovery-code');
    await tabTo('recovery-code-input');
    await typeText(recoveryCodes[0] ?? '');
    await sendKeys({ press: 'Enter' });
    await waitForScreen(element, 'new-recovery-codes');
    // Says why a new set shows in the middle of a sign-in.
    expect(part(element, 'heading').textContent).to.contain('You used your last recovery code');
    expect(part(element, 'text').textContent).to.contain('here is a new set');
    await expect(element).to.be.accessible();
    const codes = element.shadowRoot?.querySelectorAll('[part~="recovery-code"]') ?? [];
    expect(codes.length).to.equal(1);
    expect(codes[0]?.textContent?.trim()).to.match(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(codes[0]?.textContent?.trim()).not.to.equal(recoveryCodes[0]);
    const continueButton = part(element, 'continue-button') as HTMLButtonElement;
    expect(continueButton.disabled).to.equal(true);
    let fired = 0;
    element.addEventListener('tfa-verified', () => fired++);
    await tabTo('saved-checkbox');
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(continueButton.disabled).to.equal(false);
    const verified = oneEvent(element, 'tfa-verified');
    await activate('continue-button');
    const { detail } = await verified;
    expect(detail.via).to.equal('recovery-code');
    expect(fired).to.equal(1);
  });

  it('confirms an email at sign-up with the email step alone', async () => {
    const email = `new-${Date.now()}@mail.example`;
    const session = await mintSession({ purpose: 'verify-email', email });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'email-code');
    expect(part(element, 'heading').textContent).to.contain('Confirm your email');
    expect(element.shadowRoot?.querySelector('[part~="use-recovery-code-button"]')).to.equal(null);
    const verified = oneEvent(element, 'tfa-verified');
    await enterCode(await latestEmailCode(email));
    const { detail } = await verified;
    expect(part(element, 'heading').textContent).to.contain('Email confirmed');
    const redeemed = await redeem(detail.resultToken);
    expect(redeemed.body).to.include({ purpose: 'verify-email', email });
  });

  it('speaks French when asked', async () => {
    const email = `fr-${Date.now()}@mail.example`;
    const { phone, session } = await signInSession(EMAIL_FIRST, { email, locale: 'fr' });
    const element = await mountChallenge(session, { locale: 'fr' });
    await waitForScreen(element, 'email-code');
    expect(part(element, 'heading').textContent).to.match(/e-mail|courriel/i);
    await enterCode(await latestEmailCode(email));
    await waitForScreen(element, 'sms-code');
    expect(part(element, 'trust-label').textContent).to.contain('30');
    const verified = oneEvent(element, 'tfa-verified');
    await enterCode(await latestSmsCode(phone));
    await verified;
    expect(element.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang')).to.equal(
      'fr',
    );
  });

  it('says how many attempts are left after a wrong code, on the field, which keeps the focus and the digits', async () => {
    const { phone, session } = await signInSession();
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    const right = await latestSmsCode(phone);
    const wrong = right === '111111' ? '222222' : '111111';
    const failed = oneEvent(element, 'tfa-error');
    await enterCode(wrong);
    await failed;
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errorText(element)).to.contain('That code is not right. 4 attempts left.');
    const input = part(element, 'code-input') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.value).to.equal(wrong);
    await waitUntil(() => deepActiveElement() === input, 'the code field keeps the focus');
    await expect(element).to.be.accessible();
    // Correcting the digits submits again.
    const verified = oneEvent(element, 'tfa-verified');
    for (const _ of wrong) await sendKeys({ press: 'Backspace' });
    await typeText(right);
    expect((await verified).detail.via).to.equal('code');
  });

  it('focuses the code field when a code screen opens, the first one included', async () => {
    const email = `focus-${Date.now()}@mail.example`;
    const { session } = await signInSession(EMAIL_FIRST, { email });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'email-code');
    await waitUntil(() => deepActiveElement() === part(element, 'code-input'));
    await typeText(await latestEmailCode(email));
    await waitForScreen(element, 'sms-code');
    await waitUntil(() => deepActiveElement() === part(element, 'code-input'));
    expect(part(element, 'heading').textContent).to.contain('Check your phone');
  });

  it('moves on when a code already passed in another tab', async () => {
    const email = `twice-${Date.now()}@mail.example`;
    const { session } = await signInSession(EMAIL_FIRST, { email });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'email-code');
    const code = await latestEmailCode(email);
    const elsewhere = await fetch(`${session.server}/v1/widget/challenge/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(elsewhere.status).to.equal(200);
    const failed = oneEvent(element, 'tfa-error');
    await enterCode(code);
    expect((await failed).detail.code).to.equal('already_verified');
    await waitForScreen(element, 'sms-code');
    expect(errorText(element)).to.equal('');
  });

  it('shows until when the account is locked', async () => {
    const { userId } = await signInSession();
    await lockUser(userId);
    const session = await mintSession({ purpose: 'sign-in', userId });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'locked');
    expect(part(element, 'text').textContent).to.match(/blocked until \d/);
    await expect(element).to.be.accessible();
  });

  it('asks for a reload when the session is not valid, or takes a fresh one from tokenProvider', async () => {
    const { userId, session } = await signInSession();
    const element = await mountChallenge({ ...session, token: `wst_${'x'.repeat(43)}` });
    await waitForScreen(element, 'expired');
    await expect(element).to.be.accessible();

    const fresh = await mintSession({ purpose: 'sign-in', userId });
    const recovering = await mountChallenge({ ...session, token: `wst_${'y'.repeat(43)}` });
    recovering.tokenProvider = async () => fresh.token;
    // The first attempt already failed before tokenProvider was set: start over with a bad token.
    const expired = oneEvent(recovering, 'tfa-session-expired');
    recovering.token = `wst_${'z'.repeat(43)}`;
    await expired;
    await waitForScreen(recovering, 'sms-code');
  });

  it('offers "Try again" when the server cannot be reached', async () => {
    const { session } = await signInSession();
    const element = await mountChallenge({ ...session, server: 'http://localhost:9' });
    const failed = oneEvent(element, 'tfa-error');
    expect((await failed).detail.code).to.equal('network_error');
    await element.updateComplete;
    expect(errorText(element)).to.contain('Cannot reach the server');
    element.server = session.server;
    await activate('retry-button');
    await waitForScreen(element, 'sms-code');
  });

  it('has no accessibility violation in dark mode', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { session } = await signInSession();
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    await expect(element).to.be.accessible();
    await activate('use-recovery-code-button');
    await waitForScreen(element, 'recovery-code');
    await expect(element).to.be.accessible();
  });
});
