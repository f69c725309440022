// The states a user can fall into mid-journey: too many sends, a code that expired, the network
// gone. The real server produces each; only the browser's clock is moved, for an expired code.
import { expect, waitUntil } from '@open-wc/testing';
import {
  activate,
  deepActiveElement,
  enterCode,
  errorText,
  mountChallenge,
  oneEvent,
  part,
  waitForScreen,
} from './harness/element.ts';
import {
  enrolledUser,
  expireCodes,
  latestEmailCode,
  latestSmsCode,
  mintSession,
  uniqueFrenchMobile,
} from './harness/partner.ts';

const TEN_MINUTES_MS = 10 * 60_000;

async function smsChallenge() {
  const phone = uniqueFrenchMobile();
  const { userId } = await enrolledUser({ phone });
  const session = await mintSession({ purpose: 'sign-in', userId });
  const element = await mountChallenge(session);
  await waitForScreen(element, 'sms-code');
  return { phone, userId, session, element };
}

describe('edge states', () => {
  const realNow = Date.now;
  afterEach(() => {
    Date.now = realNow;
  });

  it('code expired: says so and offers a new code, which then works', async () => {
    const { phone, userId, element } = await smsChallenge();
    const old = await latestSmsCode(phone);
    const resend = part(element, 'resend-button') as HTMLButtonElement;
    expect(resend.disabled).to.equal(true);
    // Ten minutes pass, for the server (the code's expiry) and for the page (the resend countdown).
    expect((await expireCodes(userId)).expired).to.equal(1);
    Date.now = () => realNow() + TEN_MINUTES_MS;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await element.updateComplete;
    expect(resend.disabled).to.equal(false);

    const failed = oneEvent(element, 'tfa-error');
    await enterCode(old);
    expect((await failed).detail.code).to.equal('code_expired');
    await element.updateComplete;
    expect(errorText(element)).to.equal('This code has expired. Ask for a new one.');
    // A dead code is cleared; the field keeps the focus for the next one.
    const input = part(element, 'code-input') as HTMLInputElement;
    await waitUntil(() => deepActiveElement() === input, 'the code field has the focus');
    expect(input.value).to.equal('');
    await activate('resend-button');
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(part(element, 'status').textContent).to.contain('A new code is on its way.');
    const fresh = await latestSmsCode(phone);
    expect(fresh).to.not.equal(old);
    const verified = oneEvent(element, 'tfa-verified');
    await enterCode(fresh);
    expect((await verified).detail.via).to.equal('code');
  });

  it('network failure mid-journey: "Try again" repeats the request once the server is back', async () => {
    const { phone, session, element } = await smsChallenge();
    element.server = 'http://localhost:9';
    const failed = oneEvent(element, 'tfa-error');
    await enterCode(await latestSmsCode(phone));
    expect((await failed).detail.code).to.equal('network_error');
    await element.updateComplete;
    expect(errorText(element)).to.contain('Cannot reach the server');
    await expect(element).to.be.accessible();
    element.server = session.server;
    const verified = oneEvent(element, 'tfa-verified');
    await activate('retry-button');
    expect((await verified).detail.via).to.equal('code');
  });

  it('starts the SMS step with an empty field after the email step', async () => {
    const tenant = { tenant: 'email-first', settings: { signInSteps: ['email', 'sms'] } };
    const email = `edge-${Date.now()}@mail.example`;
    const phone = uniqueFrenchMobile();
    const { userId } = await enrolledUser({ ...tenant, phone });
    const session = await mintSession({ ...tenant, purpose: 'sign-in', userId, email });
    const element = await mountChallenge(session);
    await waitForScreen(element, 'email-code');
    await enterCode(await latestEmailCode(email));
    await waitForScreen(element, 'sms-code');
    expect((part(element, 'code-input') as HTMLInputElement).value).to.equal('');
  });
});
