import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TfaCodeField } from '../../../widget/controls/code-field.ts';
import '../../../widget/controls/code-field.ts';
import { mountControl } from '../harness/control-host.ts';
import { activate, mountChallenge, part, waitForScreen } from '../harness/element.ts';
import {
  enrolledUser,
  latestSmsCode,
  mintSession,
  redeem,
  uniqueFrenchMobile,
} from '../harness/partner.ts';

const input = (field: TfaCodeField) => field.shadowRoot?.querySelector('input') as HTMLInputElement;

async function codeField(attributes = '') {
  return mountControl<TfaCodeField>(
    attributes === 'web-otp'
      ? html`<tfa-code-field web-otp></tfa-code-field>`
      : html`<tfa-code-field></tfa-code-field>`,
    'tfa-code-field',
  );
}

function completions(field: HTMLElement) {
  const codes: string[] = [];
  field.addEventListener('tfa-code-complete', (event) =>
    codes.push((event as CustomEvent<{ code: string }>).detail.code),
  );
  return codes;
}

/** Inserts text in one go, as a paste does. */
function paste(field: TfaCodeField, text: string) {
  field.focus();
  document.execCommand('insertText', false, text);
}

interface OtpRequest {
  options: CredentialRequestOptions & { otp?: { transport: string[] } };
  resolve: (credential: { code: string }) => void;
}

/**
 * WebOTP stand-in: a real SMS cannot reach the test browser, so `navigator.credentials.get` records
 * each request and answers when the test says; `OTPCredential` exists (or not) as asked.
 */
function stubWebOtp({ available = true } = {}) {
  const requests: OtpRequest[] = [];
  const global = window as unknown as Record<string, unknown>;
  const hadOtp = Object.getOwnPropertyDescriptor(window, 'OTPCredential');
  if (available && !hadOtp) global.OTPCredential = class {};
  if (!available && hadOtp) delete global.OTPCredential;
  Object.defineProperty(navigator.credentials, 'get', {
    configurable: true,
    value: (options: OtpRequest['options']) =>
      new Promise((resolve, reject) => {
        requests.push({ options, resolve });
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
      }),
  });
  return {
    requests,
    restore() {
      delete (navigator.credentials as unknown as Record<string, unknown>).get;
      if (hadOtp) Object.defineProperty(window, 'OTPCredential', hadOtp);
      else delete global.OTPCredential;
    },
  };
}

async function smsSignIn() {
  const phone = uniqueFrenchMobile();
  const { userId } = await enrolledUser({ phone });
  const session = await mintSession({ purpose: 'sign-in', userId });
  return { phone, session };
}

describe('tfa-code-field', () => {
  let webOtp: ReturnType<typeof stubWebOtp> | undefined;
  afterEach(async () => {
    webOtp?.restore();
    webOtp = undefined;
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is one real, visible, labelled input for one-time codes', async () => {
    const field = await codeField();
    const inputs = field.shadowRoot?.querySelectorAll('input') ?? [];
    expect(inputs.length).to.equal(1);
    const code = input(field);
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    expect(code.checkVisibility()).to.equal(true);
    const box = code.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(50);
    expect(box.height).to.be.greaterThan(20);
    expect(code.labels?.[0]?.textContent?.trim()).to.equal('6-digit code');
  });

  it('keeps digits only, as they are typed', async () => {
    const field = await codeField();
    field.focus();
    await sendKeys({ type: '1a2 -b3' });
    expect(input(field).value).to.equal('123');
    expect(field.value).to.equal('123');
  });

  for (const pasted of ['123 456', '123-456']) {
    it(`takes a pasted "${pasted}" as 123456 and completes once`, async () => {
      const field = await codeField();
      const codes = completions(field);
      paste(field, pasted);
      await field.updateComplete;
      expect(input(field).value).to.equal('123456');
      expect(codes).to.deep.equal(['123456']);
    });
  }

  it('completes on the 6th digit, once, and ignores a 7th', async () => {
    const field = await codeField();
    const codes = completions(field);
    field.focus();
    await sendKeys({ type: '12345' });
    expect(codes).to.deep.equal([]);
    await sendKeys({ type: '6' });
    expect(codes).to.deep.equal(['123456']);
    await sendKeys({ type: '7' });
    expect(input(field).value).to.equal('123456');
    expect(codes).to.deep.equal(['123456']);
  });

  it('completes again after clear() when the same code is typed again', async () => {
    const field = await codeField();
    const codes = completions(field);
    field.focus();
    await sendKeys({ type: '123456' });
    field.clear();
    expect(input(field).value).to.equal('');
    await sendKeys({ type: '123456' });
    expect(codes).to.deep.equal(['123456', '123456']);
  });

  it('reads the code with WebOTP when asked, and completes with it', async () => {
    webOtp = stubWebOtp();
    const field = await codeField('web-otp');
    expect(webOtp.requests.length).to.equal(1);
    const request = webOtp.requests[0] as OtpRequest;
    expect(request.options.otp).to.deep.equal({ transport: ['sms'] });
    expect(request.options.signal?.aborted).to.equal(false);
    const completed = oneEvent(field, 'tfa-code-complete');
    request.resolve({ code: '654321' });
    expect((await completed).detail.code).to.equal('654321');
    expect(input(field).value).to.equal('654321');
  });

  it('does not ask for WebOTP for an email code, nor where the browser lacks it', async () => {
    webOtp = stubWebOtp();
    await codeField();
    expect(webOtp.requests.length).to.equal(0);
    webOtp.restore();
    webOtp = stubWebOtp({ available: false });
    await codeField('web-otp');
    expect(webOtp.requests.length).to.equal(0);
  });

  it('aborts the WebOTP request when it leaves the page', async () => {
    webOtp = stubWebOtp();
    const field = await codeField('web-otp');
    const signal = webOtp.requests[0]?.options.signal;
    field.remove();
    expect(signal?.aborted).to.equal(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core, with and without an error, in ${colorScheme} mode`, async () => {
      await emulateMedia({ colorScheme });
      const field = await codeField();
      await expect(field).to.be.accessible();
      field.error = 'That code is not right. 4 attempts left.';
      await field.updateComplete;
      expect(input(field).getAttribute('aria-describedby')).to.equal('code-error');
      await expect(field).to.be.accessible();
    });
  }
});

describe('the code field in <two-factor-challenge>', () => {
  let webOtp: ReturnType<typeof stubWebOtp> | undefined;
  const realFetch = window.fetch;
  afterEach(() => {
    webOtp?.restore();
    webOtp = undefined;
    window.fetch = realFetch;
  });

  it('submits once, on the last digit typed', async () => {
    const { phone, session } = await smsSignIn();
    const verifies: string[] = [];
    window.fetch = (resource, init) => {
      if (String(resource).endsWith('/challenge/verify')) verifies.push(String(init?.body));
      return realFetch(resource, init);
    };
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    const code = await latestSmsCode(phone);
    const verified = oneEvent(element, 'tfa-verified');
    (part(element, 'code-input') as HTMLInputElement).focus();
    await sendKeys({ type: code.slice(0, 5) });
    expect(verifies).to.deep.equal([]);
    await sendKeys({ type: code.slice(5) });
    await verified;
    expect(verifies).to.deep.equal([JSON.stringify({ code })]);
  });

  it('signs in with the code WebOTP reads from the SMS', async () => {
    webOtp = stubWebOtp();
    const { phone, session } = await smsSignIn();
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    await waitUntil(() => webOtp?.requests.length === 1, 'credentials.get was not called');
    const verified = oneEvent(element, 'tfa-verified');
    webOtp.requests[0]?.resolve({ code: await latestSmsCode(phone) });
    const { detail } = await verified;
    expect((await redeem(detail.resultToken)).status).to.equal(200);
  });

  it('aborts the WebOTP request when the screen changes', async () => {
    webOtp = stubWebOtp();
    const { session } = await smsSignIn();
    const element = await mountChallenge(session);
    await waitForScreen(element, 'sms-code');
    await waitUntil(() => webOtp?.requests.length === 1, 'credentials.get was not called');
    const signal = webOtp.requests[0]?.options.signal;
    expect(signal?.aborted).to.equal(false);
    await activate('use-recovery-code-button');
    await waitForScreen(element, 'recovery-code');
    expect(signal?.aborted).to.equal(true);
  });
});
