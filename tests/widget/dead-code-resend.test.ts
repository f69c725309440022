// A code that can no longer work (its 5 tries taken, or expired) holds no resend wait on the
// server, so the code screens enable "Resend code" at once and ask for a new one, instead of a
// countdown that contradicts "ask for a new one". The page's clock is never moved here.
import { expect, waitUntil } from '@open-wc/testing';
import {
  activate,
  deepActiveElement,
  type Element,
  enterCode,
  errorText,
  mountChallenge,
  mountSetup,
  oneEvent,
  part,
  sendCodeByKeyboard,
  waitForScreen,
} from './harness/element.ts';
import {
  enrolledUser,
  expireCodes,
  latestSmsCode,
  mintSession,
  uniqueFrenchMobile,
} from './harness/partner.ts';

const CODE_MAX_ATTEMPTS = 5;

function resendButton(element: Element) {
  return part(element, 'resend-button') as HTMLButtonElement;
}

/** Types a wrong code over whatever the field holds; resolves to the error's API code. */
async function enterWrongCode(element: Element, right: string) {
  const failed = oneEvent(element, 'tfa-error');
  (part(element, 'code-input') as HTMLInputElement).select();
  await enterCode(right === '111111' ? '222222' : '111111');
  const { detail } = await failed;
  await element.updateComplete;
  return detail.code;
}

/** Resend is on its countdown, as it is just after a code was sent. */
function expectResendWaiting(element: Element) {
  expect(resendButton(element).disabled).to.equal(true);
  expect(resendButton(element).textContent?.trim()).to.match(/^Resend code in \d+:\d\d$/);
}

/** Resend is enabled at once, and a new code sent by it works. */
async function expectResendNow(element: Element, phone: string, old: string, message: string) {
  expect(errorText(element)).to.equal(message);
  const button = resendButton(element);
  await waitUntil(() => !button.disabled, 'resend is enabled once the code is known dead');
  expect(button.textContent?.trim()).to.equal('Resend code');
  const input = part(element, 'code-input') as HTMLInputElement;
  await waitUntil(() => deepActiveElement() === input, 'the code field keeps the focus');
  expect(input.value).to.equal('');
  await expect(element).to.be.accessible();

  await activate('resend-button');
  await waitUntil(() => part(element, 'status').textContent?.includes('A new code is on its way.'));
  const fresh = await latestSmsCode(phone);
  expect(fresh).to.not.equal(old);
  expectResendWaiting(element);
  return fresh;
}

async function setupCodeScreen() {
  const phone = uniqueFrenchMobile();
  const userId = `dead-code-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const { element } = await mountSetup({ userId });
  await sendCodeByKeyboard(element, phone);
  expectResendWaiting(element);
  return { element, phone, userId, code: await latestSmsCode(phone) };
}

async function challengeCodeScreen() {
  const phone = uniqueFrenchMobile();
  const { userId } = await enrolledUser({ phone });
  const element = await mountChallenge(await mintSession({ purpose: 'sign-in', userId }));
  await waitForScreen(element, 'sms-code');
  expectResendWaiting(element);
  return { element, phone, userId, code: await latestSmsCode(phone) };
}

const SCREENS = [
  { name: 'setup code screen', open: setupCodeScreen },
  { name: 'challenge SMS code screen', open: challengeCodeScreen },
];

describe('a dead code enables resend at once', () => {
  for (const { name, open } of SCREENS) {
    it(`${name}: after the last of ${CODE_MAX_ATTEMPTS} wrong tries`, async function () {
      this.timeout(30_000);
      const { element, phone, code } = await open();
      for (let attempt = 1; attempt < CODE_MAX_ATTEMPTS; attempt++) {
        expect(await enterWrongCode(element, code)).to.equal('invalid_code');
        expect(errorText(element)).to.match(/^That code is not right\. \d attempts? left\.$/);
        expectResendWaiting(element);
      }
      expect(await enterWrongCode(element, code)).to.equal('invalid_code');
      const fresh = await expectResendNow(
        element,
        phone,
        code,
        'That was the last try for this code. Ask for a new code.',
      );
      const finished = oneEvent(element, 'tfa-step-change');
      await enterCode(fresh);
      expect((await finished).detail.from).to.equal(name.startsWith('setup') ? 'code' : 'sms-code');
    });

    it(`${name}: once it has expired`, async () => {
      const { element, phone, userId, code } = await open();
      expect((await expireCodes(userId)).expired).to.equal(1);
      const failed = oneEvent(element, 'tfa-error');
      await enterCode(code);
      expect((await failed).detail.code).to.equal('code_expired');
      await element.updateComplete;
      await expectResendNow(element, phone, code, 'This code has expired. Ask for a new one.');
    });
  }
});
