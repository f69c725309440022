import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  activate,
  enrolByKeyboard,
  enterCode,
  enterFrenchNumber,
  errorText,
  mountSetup,
  oneEvent,
  part,
  sendCodeByKeyboard,
  stepUpThrough,
  tabTo,
  typeText,
  waitForScreen,
} from './harness/element.ts';
import { latestSmsCode, trustThisBrowser, uniqueFrenchMobile } from './harness/partner.ts';

const NOT_VIEWABLE = { tenant: 'codes-hidden', settings: { recoveryCodesViewable: false } };

describe('<two-factor-setup>', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it('turns two-factor on by keyboard: intro, country by typing, number, code, saved codes', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    await waitForScreen(element, 'intro');
    await expect(element).to.be.accessible();
    const { codes, maskedPhone } = await enrolByKeyboard(element, phone);
    expect(codes).to.have.length(10);
    expect(maskedPhone).to.contain(phone.slice(-2));
    expect(part(element, 'text').textContent).to.contain(maskedPhone);
    await activate('done-button');
    await waitForScreen(element, 'manage');
    expect(part(element, 'masked-phone').textContent).to.contain(maskedPhone);
    await expect(element).to.be.accessible();
  });

  it('formats the number as typed and gates Continue on "I have saved"', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    await waitForScreen(element, 'intro');
    await activate('start-button');
    await waitForScreen(element, 'phone');
    await expect(element).to.be.accessible();
    await enterFrenchNumber(phone);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const shown = (part(element, 'phone-input') as HTMLInputElement).value;
    expect(shown).to.equal(`0${phone.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 '));
    await activate('send-code-button');
    await waitForScreen(element, 'code');
    await expect(element).to.be.accessible();
    expect(part(element, 'resend-button').textContent).to.match(/Resend code in 0:\d\d/);
    await enterCode(await latestSmsCode(phone));
    await waitForScreen(element, 'new-recovery-codes');
    await expect(element).to.be.accessible();
    const continueButton = part(element, 'continue-button') as HTMLButtonElement;
    expect(continueButton.disabled).to.equal(true);
    expect(part(element, 'recovery-codes').textContent).to.not.equal('');
    expect(part(element, 'text').textContent).to.contain('somewhere other than your phone');
    (part(element, 'saved-checkbox') as HTMLInputElement).click();
    await element.updateComplete;
    expect(continueButton.disabled).to.equal(false);
  });

  it('says the number is not valid, on the field', async () => {
    const { element } = await mountSetup();
    await waitForScreen(element, 'intro');
    await activate('start-button');
    await waitForScreen(element, 'phone');
    await enterFrenchNumber('+33123');
    await activate('send-code-button');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(errorText(element)).to.contain('not valid');
    await expect(element).to.be.accessible();
  });

  it('goes back to the number from the code screen ("Change number")', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    await sendCodeByKeyboard(element, phone);
    await activate('change-number-button');
    await waitForScreen(element, 'phone');
  });

  it('views the recovery codes after step-up, then regenerates them', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    const { codes } = await enrolByKeyboard(element, phone);
    await activate('done-button');
    await waitForScreen(element, 'manage');
    await stepUpThrough(element, 'recovery-codes-button', phone);
    await waitForScreen(element, 'view-recovery-codes');
    await expect(element).to.be.accessible();
    const shown = [...(element.shadowRoot?.querySelectorAll('[part~="recovery-code"]') ?? [])];
    expect(shown.map((node) => node.textContent?.trim())).to.deep.equal(codes);

    const regenerated = oneEvent(element, 'tfa-recovery-codes-regenerated');
    await activate('regenerate-button');
    expect((await regenerated).detail.count).to.equal(10);
    await waitForScreen(element, 'new-recovery-codes');
    const fresh = [...(element.shadowRoot?.querySelectorAll('[part~="recovery-code"]') ?? [])];
    expect(fresh.map((node) => node.textContent?.trim())).to.not.deep.equal(codes);
    await tabTo('saved-checkbox');
    await sendKeys({ press: 'Space' });
    await activate('continue-button');
    await waitForScreen(element, 'manage');
  });

  it('regenerates instead of viewing when the site keeps codes hidden', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup(NOT_VIEWABLE);
    await enrolByKeyboard(element, phone);
    await activate('done-button');
    await waitForScreen(element, 'manage');
    expect(part(element, 'recovery-codes-button').textContent?.trim()).to.equal('Replace');
    const regenerated = oneEvent(element, 'tfa-recovery-codes-regenerated');
    await stepUpThrough(element, 'recovery-codes-button', phone);
    await regenerated;
    await waitForScreen(element, 'new-recovery-codes');
  });

  it('steps up with a recovery code instead of the SMS code', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    const { codes } = await enrolByKeyboard(element, phone);
    await activate('done-button');
    await waitForScreen(element, 'manage');
    await activate('change-phone-button');
    await waitForScreen(element, 'step-up');
    await activate('use-recovery-code-button');
    await waitForScreen(element, 'step-up-recovery');
    await expect(element).to.be.accessible();
    await tabTo('recovery-code-input');
    await typeText(codes[3] ?? '');
    await sendKeys({ press: 'Enter' });
    await waitForScreen(element, 'phone');
    expect(part(element, 'heading').textContent).to.contain('new phone number');
  });

  it('changes the phone number once the new one is verified', async () => {
    const phone = uniqueFrenchMobile();
    const newPhone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    await enrolByKeyboard(element, phone);
    await activate('done-button');
    await waitForScreen(element, 'manage');
    await stepUpThrough(element, 'change-phone-button', phone);
    await waitForScreen(element, 'phone');
    const field = element.shadowRoot?.querySelector('tfa-phone-field');
    const picker = field?.shadowRoot?.querySelector('tfa-country-picker');
    expect(picker?.value, 'starts on the current number’s country, not the browser’s').to.equal(
      'FR',
    );
    await enterFrenchNumber(newPhone);
    await activate('send-code-button');
    await waitForScreen(element, 'code');
    const changed = oneEvent(element, 'tfa-phone-changed');
    await enterCode(await latestSmsCode(newPhone));
    const { detail } = await changed;
    expect(detail.maskedPhone).to.contain(newPhone.slice(-2));
    await waitForScreen(element, 'phone-changed');
    await expect(element).to.be.accessible();
  });

  it('lists trusted browsers and stops trusting one', async () => {
    const phone = uniqueFrenchMobile();
    const { element, session } = await mountSetup();
    await enrolByKeyboard(element, phone);
    // Trust this browser through a sign-in, as the challenge element would.
    expect((await trustThisBrowser(session.userId, phone)).status).to.equal(200);

    await activate('done-button');
    await waitForScreen(element, 'manage');
    await activate('trusted-browsers-button');
    await waitForScreen(element, 'trusted-browsers');
    await expect(element).to.be.accessible();
    expect(part(element, 'browser-label').textContent).to.contain('This browser');
    await activate('revoke-button');
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(part(element, 'status').textContent).to.contain('is no longer trusted');
    expect(part(element, 'browsers-empty').textContent).to.contain('No browser is trusted');
  });

  it('disables two-factor after "Yes, disable" and step-up', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    await enrolByKeyboard(element, phone);
    await activate('done-button');
    await waitForScreen(element, 'manage');
    await activate('disable-button');
    await waitForScreen(element, 'confirm-disable');
    await expect(element).to.be.accessible();
    expect(part(element, 'confirm-disable-button').textContent?.trim()).to.equal('Yes, disable');
    const disabled = oneEvent(element, 'tfa-disabled');
    await stepUpThrough(element, 'confirm-disable-button', phone);
    await disabled;
    await waitForScreen(element, 'disabled');
    await activate('done-button');
    await waitForScreen(element, 'intro');
  });

  it('runs the whole journey in French', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup({ locale: 'fr' });
    await waitForScreen(element, 'intro');
    expect(part(element, 'heading').textContent).to.contain('Authentification à deux facteurs');
    await activate('start-button');
    await waitForScreen(element, 'phone');
    await enterFrenchNumber(phone);
    await activate('send-code-button');
    await waitForScreen(element, 'code');
    await enterCode(await latestSmsCode(phone));
    await waitForScreen(element, 'new-recovery-codes');
    expect(part(element, 'saved-label').textContent).to.match(/codes de récupération en lieu sûr/);
    await expect(element).to.be.accessible();
  });

  it('fires tfa-step-change with where from and where to', async () => {
    const { element } = await mountSetup();
    await waitForScreen(element, 'intro');
    const step = oneEvent(element, 'tfa-step-change');
    await activate('start-button');
    expect((await step).detail).to.deep.equal({ from: 'intro', to: 'phone' });
  });

  it('moves focus to the heading of each new screen', async () => {
    const { element } = await mountSetup();
    await waitForScreen(element, 'intro');
    await activate('start-button');
    await waitForScreen(element, 'phone');
    expect(element.shadowRoot?.activeElement?.getAttribute('part')).to.equal('heading');
  });

  it('has no accessibility violation in dark mode', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { element } = await mountSetup();
    await waitForScreen(element, 'intro');
    await expect(element).to.be.accessible();
    await activate('start-button');
    await waitForScreen(element, 'phone');
    await expect(element).to.be.accessible();
  });
});
