// What a patient does on the demo clinic's pages, by keyboard where a patient would type.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { codeFor, outboxMark } from './outbox.ts';

export interface Patient {
  email: string;
  name: string;
  password: string;
  phone: { national: string; e164: string };
}

/** The page's own heading (the elements' headings are `h2` in their shadow roots). */
export async function pageTitle(page: Page): Promise<string> {
  return ((await page.locator('h1#page-title').textContent()) ?? '').trim();
}

/** A heading of the element on the page, once it shows. */
export async function elementHeading(page: Page, name: string): Promise<Locator> {
  const heading = page
    .locator('two-factor-challenge, two-factor-setup')
    .getByRole('heading', { name, exact: true });
  await heading.waitFor();
  return heading;
}

/** Types into a field as a patient does: focus it, then the keyboard. */
export async function typeInto(field: Locator, text: string) {
  await field.focus();
  await field.page().keyboard.press('ControlOrMeta+A');
  await field.page().keyboard.type(text);
}

export async function tickWithKeyboard(box: Locator) {
  await box.focus();
  await box.page().keyboard.press('Space');
  assert.equal(await box.isChecked(), true);
}

/** The picker's combobox: type the name, Enter takes the first match. */
export async function pickCountry(page: Page, name: string, shot?: () => Promise<void>) {
  const country = page.getByRole('combobox', { name: 'Country code' });
  await typeInto(country, name);
  await page
    .getByRole('option', { name: new RegExp(name) })
    .first()
    .waitFor();
  await shot?.();
  await page.keyboard.press('Enter');
  assert.match(await country.inputValue(), new RegExp(name));
}

export function codeField(page: Page): Locator {
  return page.locator('input[autocomplete="one-time-code"]');
}

/** Types the code that reached `to` after `mark`; the field submits itself on the last digit. */
export async function enterCode(page: Page, serverUrl: string, to: string, mark: number) {
  const code = await codeFor(serverUrl, to, mark);
  await typeInto(codeField(page), code);
}

/** Waits for the element's code screen, then reads and types the code sent to `to`. */
export async function answerCode(
  page: Page,
  serverUrl: string,
  options: { heading: string; to: string; mark: number; shot?: () => Promise<void> },
) {
  await elementHeading(page, options.heading);
  await codeField(page).waitFor();
  await options.shot?.();
  await enterCode(page, serverUrl, options.to, options.mark);
}

export async function submitPasswordSignIn(page: Page, demoUrl: string, patient: Patient) {
  await page.goto(`${demoUrl}/sign-in`);
  await typeInto(page.getByLabel('Email address'), patient.email);
  await typeInto(page.getByLabel('Password'), patient.password);
  await page.keyboard.press('Enter');
}

/** Password, then the email passcode and the SMS code the policy asks for; ends signed in. */
export async function signInWithCodes(
  page: Page,
  urls: { demoUrl: string; serverUrl: string },
  patient: Patient,
  options: {
    trustBrowser?: boolean;
    shots?: { email?: () => Promise<void>; sms?: () => Promise<void> };
  } = {},
) {
  const emailMark = await outboxMark(urls.serverUrl);
  await submitPasswordSignIn(page, urls.demoUrl, patient);
  await page.waitForURL(`${urls.demoUrl}/sign-in/verify`);
  const smsMark = await outboxMark(urls.serverUrl);
  await answerCode(page, urls.serverUrl, {
    heading: 'Check your email',
    to: patient.email,
    mark: emailMark,
    shot: options.shots?.email,
  });
  await elementHeading(page, 'Check your phone');
  if (options.trustBrowser) {
    await tickWithKeyboard(page.getByRole('checkbox', { name: /Trust this browser/ }));
  }
  await answerCode(page, urls.serverUrl, {
    heading: 'Check your phone',
    to: patient.phone.e164,
    mark: smsMark,
    shot: options.shots?.sms,
  });
  await expectSignedIn(page, urls.demoUrl, patient);
}

/** The partner backend let the patient in: its home page greets them by name. */
export async function expectSignedIn(page: Page, demoUrl: string, patient: Patient) {
  await page.waitForURL(`${demoUrl}/`);
  assert.equal(await pageTitle(page), `Hello, ${patient.name}`);
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
}

export async function signOut(page: Page, demoUrl: string) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${demoUrl}/sign-in?notice=signed-out`);
  await page.getByRole('status').filter({ hasText: 'You are signed out.' }).waitFor();
}

/** What the clinic's home page says of two-factor, as the partner backend read it from the server. */
export async function homeSaysTwoFactor(page: Page, demoUrl: string): Promise<'on' | 'off'> {
  await page.goto(`${demoUrl}/`);
  const text = await page.locator('main').textContent();
  const on = text?.includes('Two-factor authentication is on.');
  const off = text?.includes('Two-factor authentication is off.');
  assert.notEqual(on, off, 'the home page says one of on and off');
  return on ? 'on' : 'off';
}

/**
 * The element's settings list on a fresh load of the security page, label → value
 * (e.g. `Text message` → `+33 •• •• •• 78`, `Recovery codes` → `10 left`).
 */
export async function settingsShown(page: Page, demoUrl: string): Promise<Record<string, string>> {
  await page.goto(`${demoUrl}/settings/security`);
  const rows = page.locator('two-factor-setup [part~="setting"]');
  await rows.first().waitFor();
  const entries = [];
  for (const row of await rows.all()) {
    const label = await row.locator('[part~="setting-label"]').textContent();
    const value = row.locator('[part~="setting-value"]');
    entries.push([
      label?.trim() ?? '',
      (await value.count()) ? ((await value.textContent())?.trim() ?? '') : '',
    ]);
  }
  return Object.fromEntries(entries);
}

/** The security page's words that hold only while two-factor is on, as they show now. */
export function whileTwoFactorOn(page: Page): Locator {
  return page.getByText('the next sign-in asks for a code again on every browser');
}
