// The seed journeys (DESIGN.md §1) through the demo clinic in Chromium, against the real server:
// each from a fresh browser context except where the journey is about the same browser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  answerCode,
  codeField,
  elementHeading,
  expectSignedIn,
  homeSaysTwoFactor,
  type Patient,
  pageTitle,
  pickCountry,
  settingsShown,
  signInWithCodes,
  signOut,
  submitPasswordSignIn,
  tickWithKeyboard,
  typeInto,
  whileTwoFactorOn,
} from './support/clinic.ts';
import { demoClinicJourneys } from './support/demo-clinic-journeys.ts';
import { outboxMark, outboxMessages } from './support/outbox.ts';
import { screenshot } from './support/screenshots.ts';

const patient: Patient = {
  email: 'camille.martin@example.com',
  name: 'Camille Martin',
  password: 'correct horse battery',
  phone: { national: '06 12 34 56 78', e164: '+33612345678' },
};
const newPhone = { national: '06 98 76 54 32', e164: '+33698765432' };

describe('the demo clinic, in Chromium', { timeout: 230_000 }, () => {
  const clinic = demoClinicJourneys();
  const freshPage = () => clinic.freshPage();
  let recoveryCodes: string[] = [];

  /** The security page's element, once it shows `heading`. */
  async function securityPageAt(page: Page, heading: string) {
    await page.goto(`${clinic.urls.demoUrl}/settings/security`);
    await elementHeading(page, heading);
  }

  /** Step-up by SMS code to the phone two-factor is on for. */
  async function stepUp(page: Page, phone: string, mark: number, shot?: string) {
    await answerCode(page, clinic.urls.serverUrl, {
      heading: 'Confirm it is you',
      to: phone,
      mark,
      shot: shot ? () => screenshot(page, shot) : undefined,
    });
  }

  test('signs up: email, the emailed code, privacy policy, details', async () => {
    const page = await freshPage();
    await page.goto(`${clinic.urls.demoUrl}/sign-up`);
    await screenshot(page, 'sign-up-email');
    await typeInto(page.getByLabel('Email address'), patient.email);
    const mark = await outboxMark(clinic.urls.serverUrl);
    await page.keyboard.press('Enter');

    await page.waitForURL(`${clinic.urls.demoUrl}/sign-up/verify`);
    await elementHeading(page, 'Confirm your email');
    // The page says what the element does not: the element's heading and its line are not repeated.
    assert.equal(await pageTitle(page), 'Create your account');
    assert.equal(await page.getByRole('heading', { name: 'Confirm your email' }).count(), 1);
    assert.equal(await page.getByText(/We sent a code to/).count(), 1);
    await answerCode(page, clinic.urls.serverUrl, {
      heading: 'Confirm your email',
      to: patient.email,
      mark,
      shot: () => screenshot(page, 'sign-up-email-code'),
    });

    await page.waitForURL(`${clinic.urls.demoUrl}/sign-up/privacy`);
    assert.equal(await pageTitle(page), 'Our privacy policy');
    await screenshot(page, 'sign-up-privacy');
    await tickWithKeyboard(page.getByRole('checkbox', { name: /accept the privacy policy/ }));
    await page.keyboard.press('Enter');

    await page.waitForURL(`${clinic.urls.demoUrl}/sign-up/details`);
    await screenshot(page, 'sign-up-details');
    await typeInto(page.getByLabel('Full name'), patient.name);
    await typeInto(page.getByLabel('Password', { exact: true }), patient.password);
    await typeInto(page.getByLabel('Password again'), patient.password);
    await page.keyboard.press('Enter');

    await expectSignedIn(page, clinic.urls.demoUrl, patient);
    await page.getByText('Two-factor authentication is off.').waitFor();
    await screenshot(page, 'home-signed-in');
  });

  test('signing up again with the same email ends on "You already have an account"', async () => {
    const page = await freshPage();
    await page.goto(`${clinic.urls.demoUrl}/sign-up`);
    await typeInto(page.getByLabel('Email address'), patient.email);
    const mark = await outboxMark(clinic.urls.serverUrl);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${clinic.urls.demoUrl}/sign-up/verify`);
    await answerCode(page, clinic.urls.serverUrl, {
      heading: 'Confirm your email',
      to: patient.email,
      mark,
    });
    await page.getByRole('heading', { name: 'You already have an account' }).waitFor();
    assert.equal(await pageTitle(page), 'You already have an account');
  });

  test('turns on SMS two-factor with a French number, saving the recovery codes', async () => {
    const page = await freshPage();
    await submitPasswordSignIn(page, clinic.urls.demoUrl, patient);
    await expectSignedIn(page, clinic.urls.demoUrl, patient);
    await securityPageAt(page, 'Two-factor authentication');
    // The card is the element alone: its heading is the only one of that name on the page.
    assert.equal(
      await page.getByRole('heading', { name: 'Two-factor authentication', exact: true }).count(),
      1,
    );
    assert.equal(await whileTwoFactorOn(page).isVisible(), false);
    await screenshot(page, 'setup-intro');
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await page.getByRole('button', { name: /^Text message/ }).click();

    await elementHeading(page, 'Your mobile phone number');
    await pickCountry(page, 'France', () => screenshot(page, 'setup-country-picker'));
    await typeInto(
      page.getByRole('textbox', { name: 'Phone number', exact: true }),
      patient.phone.national,
    );
    await screenshot(page, 'setup-phone');
    const mark = await outboxMark(clinic.urls.serverUrl);
    await page.keyboard.press('Enter');

    await answerCode(page, clinic.urls.serverUrl, {
      heading: 'Enter the code',
      to: patient.phone.e164,
      mark,
      shot: () => screenshot(page, 'setup-code'),
    });

    await elementHeading(page, 'Save your recovery codes');
    recoveryCodes = await page.locator('[part~="recovery-codes"] code').allTextContents();
    assert.equal(recoveryCodes.length, 10);
    for (const code of recoveryCodes) assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const next = page.getByRole('button', { name: 'Continue' });
    assert.equal(await next.isDisabled(), true);
    await screenshot(page, 'setup-recovery-codes');
    await tickWithKeyboard(page.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await next.click();

    await elementHeading(page, 'Two-factor authentication is on');
    // The page's own words that hold only while two-factor is on follow the element, with no reload.
    await whileTwoFactorOn(page).waitFor();
    await screenshot(page, 'setup-done');
    const settings = await settingsShown(page, clinic.urls.demoUrl);
    assert.match(settings['Text message'] ?? '', /^\+33 .*78$/);
    assert.equal(settings['Recovery codes'], '10 left');
    assert.equal(await whileTwoFactorOn(page).isVisible(), true);
    assert.equal(await homeSaysTwoFactor(page, clinic.urls.demoUrl), 'on');
  });

  test('signs out: the clinic forgets the session', async () => {
    const page = await freshPage();
    await signInWithCodes(page, clinic.urls, patient);
    await signOut(page, clinic.urls.demoUrl);
    assert.equal(await pageTitle(page), 'Sign in');
    await screenshot(page, 'sign-in');
    await page.goto(`${clinic.urls.demoUrl}/settings/security`);
    await page.waitForURL(`${clinic.urls.demoUrl}/sign-in`);
    await page.goto(`${clinic.urls.demoUrl}/`);
    assert.equal(await pageTitle(page), 'Care close to home');
  });

  test('signs in with an email passcode, then an SMS code', async () => {
    const page = await freshPage();
    await signInWithCodes(page, clinic.urls, patient, {
      shots: {
        email: () => screenshot(page, 'sign-in-email-code'),
        sms: () => screenshot(page, 'sign-in-sms'),
      },
    });
    await signOut(page, clinic.urls.demoUrl);
  });

  test('a trusted browser signs in again without a code', async () => {
    const page = await freshPage();
    await signInWithCodes(page, clinic.urls, patient, { trustBrowser: true });
    const cookies = await page.context().cookies(clinic.urls.serverUrl);
    const trust = cookies.find((cookie) => cookie.name === '__Host-tfa_trust');
    assert.equal(trust?.secure, true);
    assert.equal(trust?.httpOnly, true);

    await securityPageAt(page, 'Two-factor authentication');
    await page.getByRole('button', { name: 'Manage', exact: true }).click();
    await elementHeading(page, 'Trusted browsers');
    await page.getByText('This browser').waitFor();
    await screenshot(page, 'trusted-browsers');

    await signOut(page, clinic.urls.demoUrl);
    const mark = await outboxMark(clinic.urls.serverUrl);
    await submitPasswordSignIn(page, clinic.urls.demoUrl, patient);
    await expectSignedIn(page, clinic.urls.demoUrl, patient);
    assert.equal(await outboxMark(clinic.urls.serverUrl), mark, 'no code was sent');
    await signOut(page, clinic.urls.demoUrl);
  });

  test('signs in with a recovery code, which is then used up', async () => {
    const page = await freshPage();
    const mark = await outboxMark(clinic.urls.serverUrl);
    await submitPasswordSignIn(page, clinic.urls.demoUrl, patient);
    await answerCode(page, clinic.urls.serverUrl, {
      heading: 'Check your email',
      to: patient.email,
      mark,
    });
    await elementHeading(page, 'Check your phone');
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await elementHeading(page, 'Sign in with a recovery code');
    await typeInto(
      page.getByRole('textbox', { name: 'Recovery code', exact: true }),
      recoveryCodes[0] ?? '',
    );
    await screenshot(page, 'sign-in-recovery-code');
    await page.keyboard.press('Enter');

    await expectSignedIn(page, clinic.urls.demoUrl, patient);
    const settings = await settingsShown(page, clinic.urls.demoUrl);
    assert.equal(settings['Recovery codes'], '9 left');
  });

  test('views the recovery codes later, after a step-up', async () => {
    const page = await freshPage();
    await signInWithCodes(page, clinic.urls, patient);
    await securityPageAt(page, 'Two-factor authentication');
    await page.locator('[part~="recovery-setting"]').filter({ hasText: '9 left' }).waitFor();
    await screenshot(page, 'manage');
    const mark = await outboxMark(clinic.urls.serverUrl);
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await stepUp(page, patient.phone.e164, mark, 'step-up');

    await elementHeading(page, 'Your recovery codes');
    const used = page.locator('[part~="recovery-code-used"]');
    assert.equal(await used.count(), 1);
    assert.match((await used.textContent()) ?? '', new RegExp(recoveryCodes[0] ?? '^$'));
    assert.deepEqual(
      await page.locator('[part~="recovery-codes"] code').allTextContents(),
      recoveryCodes.slice(1),
    );
    await screenshot(page, 'view-recovery-codes');
  });

  test('shows the settings in the Clinic and the Night themes', async () => {
    const page = await freshPage();
    await signInWithCodes(page, clinic.urls, patient);
    for (const theme of ['Night', 'Clinic']) {
      await securityPageAt(page, 'Two-factor authentication');
      await page.getByRole('button', { name: theme, exact: true }).click();
      await page.waitForURL(`${clinic.urls.demoUrl}/settings/security`);
      await page.getByRole('button', { name: theme, pressed: true }).waitFor();
      assert.equal(await page.locator('html').getAttribute('data-theme'), theme.toLowerCase());
      const setup = page.locator('two-factor-setup');
      await elementHeading(page, 'Two-factor authentication');
      await setup.scrollIntoViewIfNeeded();
      await screenshot(page, `theme-${theme.toLowerCase()}`);
    }
  });

  test('changes the phone number: the new one replaces the old after its code', async () => {
    const page = await freshPage();
    await signInWithCodes(page, clinic.urls, patient);
    await securityPageAt(page, 'Two-factor authentication');
    let mark = await outboxMark(clinic.urls.serverUrl);
    await page.getByRole('button', { name: 'Change', exact: true }).click();
    await stepUp(page, patient.phone.e164, mark);

    await elementHeading(page, 'Your new phone number');
    await pickCountry(page, 'France');
    await typeInto(
      page.getByRole('textbox', { name: 'Phone number', exact: true }),
      newPhone.national,
    );
    await screenshot(page, 'change-phone');
    mark = await outboxMark(clinic.urls.serverUrl);
    await page.keyboard.press('Enter');
    await answerCode(page, clinic.urls.serverUrl, {
      heading: 'Enter the code',
      to: newPhone.e164,
      mark,
      shot: () => screenshot(page, 'change-phone-code'),
    });
    await elementHeading(page, 'Phone number changed');
    await screenshot(page, 'phone-changed');
    const settings = await settingsShown(page, clinic.urls.demoUrl);
    assert.match(settings['Text message'] ?? '', /^\+33 .*32$/);
    patient.phone = newPhone;
  });

  test('disables two-factor with "Yes, disable"', async () => {
    const page = await freshPage();
    await signInWithCodes(page, clinic.urls, patient);
    await securityPageAt(page, 'Two-factor authentication');
    await whileTwoFactorOn(page).waitFor();
    await page.getByRole('button', { name: 'Disable two-factor authentication' }).click();
    await elementHeading(page, 'Disable two-factor authentication?');
    await screenshot(page, 'confirm-disable');
    const mark = await outboxMark(clinic.urls.serverUrl);
    await page.getByRole('button', { name: 'Yes, disable' }).click();
    await stepUp(page, patient.phone.e164, mark);

    await elementHeading(page, 'Two-factor authentication is off');
    await screenshot(page, 'disabled');
    await whileTwoFactorOn(page).waitFor({ state: 'hidden' });
    assert.equal(await homeSaysTwoFactor(page, clinic.urls.demoUrl), 'off');

    await signOut(page, clinic.urls.demoUrl);
    await submitPasswordSignIn(page, clinic.urls.demoUrl, patient);
    await expectSignedIn(page, clinic.urls.demoUrl, patient);
  });

  test('the dev inbox lists the messages the server would have sent', async () => {
    const page = await freshPage();
    await page.goto(`${clinic.urls.demoUrl}/dev-inbox`);
    assert.equal(await pageTitle(page), 'Dev inbox');
    const messages = await outboxMessages(clinic.urls.serverUrl);
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), messages.length);
    await rows.filter({ hasText: newPhone.e164 }).first().waitFor();
    await screenshot(page, 'dev-inbox', { fullPage: false });
    assert.equal(await codeField(page).count(), 0);
  });
});
