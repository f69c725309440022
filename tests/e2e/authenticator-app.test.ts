// The authenticator app through the demo clinic in Chromium, against the real server: a new
// patient turns two-factor on with the app from the security page (the key read from the screen,
// the code computed here with node:crypto, RFC 6238), signs out, signs in with the email passcode
// and then an app code, and steps up with the app to view the recovery codes (nothing sent by
// text). Screens saved for docs/screenshots/.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import {
  answerCode,
  codeField,
  elementHeading,
  expectSignedIn,
  homeSaysTwoFactor,
  type Patient,
  settingsShown,
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
  email: 'noor.haddad@example.com',
  name: 'Noor Haddad',
  password: 'purple staple battery',
  phone: { national: '', e164: '' },
};
const STEP_SECONDS = 30;

/** RFC 4648 base32 (no padding) → bytes. */
function base32(text: string) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/\s+/g, ''))
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
}

/** RFC 6238: HMAC-SHA-1 over the 30 s step, 6 digits. */
function totp(key: string, time = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / STEP_SECONDS)));
  const mac = createHmac('sha1', base32(key)).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * The code of the step before now, away from a step's end: crossing a boundary between computing
 * and checking would put it two steps back, out of the ±1 window.
 */
async function codeOfStepBefore(key: string) {
  const stepMs = STEP_SECONDS * 1000;
  const intoStep = Date.now() % stepMs;
  if (intoStep > stepMs - 10_000) await setTimeout(stepMs - intoStep + 100);
  return totp(key, Date.now() - stepMs);
}

describe('the authenticator app in the demo clinic', { timeout: 180_000 }, () => {
  const clinic = demoClinicJourneys();
  const freshPage = () => clinic.freshPage();
  let key = '';

  /** How many text messages the server has sent (the outbox holds the emails too). */
  async function texts() {
    return (await outboxMessages(clinic.urls.serverUrl)).filter(
      (message) => message.channel === 'sms',
    ).length;
  }

  test('checks its RFC 6238 code against the RFC’s SHA-1 vector', () => {
    // "12345678901234567890" at 59 s: 94287082, of which 6 digits.
    assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000), '287082');
  });

  test('signs up, then turns two-factor on with the app from the security page', async () => {
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
    await page.waitForURL(`${clinic.urls.demoUrl}/sign-up/privacy`);
    await tickWithKeyboard(page.getByRole('checkbox', { name: /accept the privacy policy/ }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${clinic.urls.demoUrl}/sign-up/details`);
    await typeInto(page.getByLabel('Full name'), patient.name);
    await typeInto(page.getByLabel('Password', { exact: true }), patient.password);
    await typeInto(page.getByLabel('Password again'), patient.password);
    await page.keyboard.press('Enter');
    await expectSignedIn(page, clinic.urls.demoUrl, patient);

    await page.goto(`${clinic.urls.demoUrl}/settings/security`);
    await elementHeading(page, 'Two-factor authentication');
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await elementHeading(page, 'How do you want to get your codes?');
    await screenshot(page, 'setup-method-choice');
    await page.getByRole('button', { name: /^Authenticator app/ }).click();

    await elementHeading(page, 'Set up your authenticator app');
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    key = (await page.locator('[part~="totp-key"]').textContent())?.trim() ?? '';
    assert.match(key, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const link = await page
      .getByRole('link', { name: 'Open in authenticator app' })
      .getAttribute('href');
    assert.match(link ?? '', /^otpauth:\/\/totp\/[^?]+\?secret=[A-Z2-7]{32}&issuer=/);
    assert.ok(link?.includes(encodeURIComponent(patient.email)), link ?? '');
    await screenshot(page, 'setup-authenticator-app');
    const textsBefore = await texts();
    // The step before now: the one after stays free for the sign-in below.
    await typeInto(codeField(page), await codeOfStepBefore(key));

    await elementHeading(page, 'Save your recovery codes');
    await tickWithKeyboard(page.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await page.getByRole('button', { name: 'Continue' }).click();
    await elementHeading(page, 'Two-factor authentication is on');
    await whileTwoFactorOn(page).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await elementHeading(page, 'Two-factor authentication');
    await page.locator('[part~="app-setting"]').waitFor();
    // The settings list's styles hold under the clinic's Content-Security-Policy (no inline styles).
    const disable = page.locator('[part~="disable-button"]');
    assert.equal(
      await disable.evaluate((node) => getComputedStyle(node).backgroundColor),
      'rgba(0, 0, 0, 0)',
    );
    assert.equal(
      await page
        .locator('[part~="settings"]')
        .first()
        .evaluate((node) => getComputedStyle(node).listStyleType),
      'none',
    );
    await screenshot(page, 'manage-authenticator-app');
    assert.equal(await texts(), textsBefore, 'no text message');
    const settings = await settingsShown(page, clinic.urls.demoUrl);
    assert.match(settings['Authenticator app'] ?? '', /^Added /);
    assert.equal(settings['Text message'] ?? 'Not set up', 'Not set up');
    assert.equal(await homeSaysTwoFactor(page, clinic.urls.demoUrl), 'on');
  });

  test('signs out, then in with the email passcode and an app code; steps up with the app', async () => {
    assert.ok(key, 'the enrolment test ran first');
    const page = await freshPage();
    const emailMark = await outboxMark(clinic.urls.serverUrl);
    await submitPasswordSignIn(page, clinic.urls.demoUrl, patient);
    await page.waitForURL(`${clinic.urls.demoUrl}/sign-in/verify`);
    await answerCode(page, clinic.urls.serverUrl, {
      heading: 'Check your email',
      to: patient.email,
      mark: emailMark,
    });
    await elementHeading(page, 'Check your authenticator app');
    await codeField(page).waitFor();
    await screenshot(page, 'sign-in-authenticator-app');
    await typeInto(codeField(page), totp(key));
    await expectSignedIn(page, clinic.urls.demoUrl, patient);

    // Viewing the recovery codes asks for a step-up: by the app, its next step's code (the one
    // the sign-in used is spent), and still no text message.
    const textsBefore = await texts();
    await page.goto(`${clinic.urls.demoUrl}/settings/security`);
    await elementHeading(page, 'Two-factor authentication');
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await elementHeading(page, 'Confirm it is you');
    await codeField(page).waitFor();
    await screenshot(page, 'step-up-authenticator-app');
    await typeInto(codeField(page), totp(key, Date.now() + STEP_SECONDS * 1000));
    await elementHeading(page, 'Your recovery codes');
    assert.equal(await page.locator('[part~="recovery-codes"] code').count(), 10);
    assert.equal(await texts(), textsBefore, 'no text message');
    await signOut(page, clinic.urls.demoUrl);
  });
});
