// Driving the elements in tests as a user would: by screen, by part, by keyboard.
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../widget/index.ts';
import type { TwoFactorChallenge } from '../../../widget/two-factor-challenge.ts';
import type { TwoFactorSetup } from '../../../widget/two-factor-setup.ts';
import { latestSmsCode, type MintedSession, mintSession, type TestTenant } from './partner.ts';

export type Element = TwoFactorSetup | TwoFactorChallenge;

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/** Every element matching `selector` in `root` and the shadow roots inside it. */
export function deepQueryAll(root: ParentNode, selector: string): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll(element.shadowRoot, selector));
  }
  return found;
}

export function part(element: Element, name: string): HTMLElement {
  const found = deepQueryAll(element.shadowRoot as ShadowRoot, `[part~="${name}"]`)[0];
  if (!found) throw new Error(`no part "${name}" on screen ${screenOf(element)}`);
  return found;
}

export function hasPart(element: Element, name: string) {
  return deepQueryAll(element.shadowRoot as ShadowRoot, `[part~="${name}"]`).length > 0;
}

export function screenOf(element: Element) {
  const section = element.shadowRoot?.querySelector('[part~="screen"]');
  return (
    section
      ?.getAttribute('part')
      ?.split(' ')[1]
      ?.replace(/-screen$/, '') ?? '(none)'
  );
}

export async function waitForScreen(element: Element, name: string, timeout = 10_000) {
  await waitUntil(
    () => screenOf(element) === name && !element.shadowRoot?.querySelector('[aria-busy="true"]'),
    `screen "${name}" (showing "${screenOf(element)}", error "${errorText(element)}")`,
    { timeout },
  );
  await element.updateComplete;
}

export function errorText(element: Element) {
  return deepQueryAll(element.shadowRoot as ShadowRoot, '[part~="error"]')
    .map((node) => node.textContent?.trim())
    .filter(Boolean)
    .join(' | ');
}

/** Presses Tab until the focus is on `partName` (proving it is reachable by keyboard). */
export async function tabTo(partName: string, maxPresses = 40) {
  for (let press = 0; press < maxPresses; press++) {
    const active = deepActiveElement();
    if (active?.getAttribute('part')?.split(' ').includes(partName)) return active;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`"${partName}" is not reachable with Tab`);
}

/** Tabs to a button and presses Enter on it. */
export async function activate(partName: string) {
  await tabTo(partName);
  await sendKeys({ press: 'Enter' });
}

export async function typeText(text: string) {
  await sendKeys({ type: text });
}

/** Puts the focus at the start of the page, before the element. */
export function focusPageStart() {
  const start = document.createElement('button');
  start.textContent = 'start';
  document.body.prepend(start);
  start.focus();
  start.remove();
}

/** Types a code into the code field, by keyboard; the field submits on the last digit. */
export async function enterCode(code: string) {
  focusPageStart();
  await tabTo('code-input');
  await typeText(code);
}

/** Picks France by typing in the country picker (its name, or `33`), then the national number. */
export async function enterFrenchNumber(phone: string, search = 'Fran') {
  focusPageStart();
  await tabTo('country-input');
  await typeText(search);
  await sendKeys({ press: 'Enter' });
  await tabTo('phone-input');
  await typeText(`0${phone.slice(3)}`);
}

export async function mountSetup(
  options: TestTenant & { locale?: string; userId?: string; attributes?: string } = {},
) {
  const session = await mintSession({ ...options, purpose: 'setup' });
  const element = await fixture<TwoFactorSetup>(
    html`<two-factor-setup
      server=${session.server}
      token=${session.token}
      locale=${options.locale ?? 'en'}
    ></two-factor-setup>`,
  );
  return { element, session };
}

export async function mountChallenge(session: MintedSession, options: { locale?: string } = {}) {
  return fixture<TwoFactorChallenge>(
    html`<two-factor-challenge
      server=${session.server}
      token=${session.token}
      locale=${options.locale ?? 'en'}
    ></two-factor-challenge>`,
  );
}

/** Intro → phone → a code sent to `phone`, by keyboard: ends on the code screen. */
export async function sendCodeByKeyboard(element: TwoFactorSetup, phone: string) {
  await waitForScreen(element, 'intro');
  await activate('start-button');
  await waitForScreen(element, 'phone');
  await enterFrenchNumber(phone);
  await activate('send-code-button');
  await waitForScreen(element, 'code');
}

/** Intro → phone → code → recovery codes → done, by keyboard; returns the codes shown. */
export async function enrolByKeyboard(element: TwoFactorSetup, phone: string) {
  await sendCodeByKeyboard(element, phone);
  const enabled = oneEvent(element, 'tfa-enabled');
  await enterCode(await latestSmsCode(phone));
  await waitForScreen(element, 'new-recovery-codes');
  const { detail } = await enabled;
  const codes = [...(element.shadowRoot?.querySelectorAll('[part~="recovery-code"]') ?? [])].map(
    (node) => node.textContent?.trim() ?? '',
  );
  await tabTo('saved-checkbox');
  await sendKeys({ press: 'Space' });
  await activate('continue-button');
  await waitForScreen(element, 'done');
  return { codes, maskedPhone: detail.maskedPhone };
}

/** From manage, through step-up by SMS code, to whatever `button` leads to. */
export async function stepUpThrough(element: TwoFactorSetup, button: string, phone: string) {
  await activate(button);
  await waitForScreen(element, 'step-up');
  await enterCode(await latestSmsCode(phone));
}

export { oneEvent };
