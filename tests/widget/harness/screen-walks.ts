// Every screen of both elements, reached through the real server as a user would, each handed to
// a `Visit` (an axe check, a record of parts, a language check) as it shows. Shared by the tests
// that look at every screen: in light and dark, and in every language.
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  activate,
  type Element,
  enterCode,
  enterFrenchNumber,
  focusPageStart,
  mountChallenge,
  mountSetup,
  tabTo,
  typeText,
  waitForScreen,
} from './element.ts';
import {
  enrolledUser,
  latestEmailCode,
  latestSmsCode,
  lockUser,
  mintSession,
  uniqueFrenchMobile,
} from './partner.ts';
import { codeOfStepBefore, totp } from './totp.ts';

export interface Visit {
  visit(element: Element): Promise<void>;
}

export interface WalkOptions {
  /** The language the session is minted in and the element's `locale` attribute says. */
  locale: string;
  /** What to type in the country picker to find France: a name in English, `33` in any language. */
  franceSearch: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server hides `origin_not_allowed` from a page it does not allow (no CORS headers: the page
 * sees a network failure), so only a stub can show what the element does with the readable answer.
 */
async function withOriginRefused<T>(run: () => Promise<T>) {
  const realFetch = window.fetch;
  window.fetch = async () =>
    new Response(JSON.stringify({ error: { code: 'origin_not_allowed', message: 'Refused' } }), {
      status: 403,
      headers: { 'content-type': 'application/json' },
    });
  try {
    return await run();
  } finally {
    window.fetch = realFetch;
  }
}

/**
 * Holds the element's first session request, so that its loading screen stays up until recorded
 * (the messages load first, then the session: without the hold it may pass between two looks).
 */
function holdSessionRequest() {
  const realFetch = window.fetch;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/v1/widget/session')) await released;
    return realFetch(input, init);
  };
  return () => {
    window.fetch = realFetch;
    release();
  };
}

/** The loading screen while the session request is held, then the element's first screen. */
async function visitFirstScreens(
  walk: Visit,
  element: Element,
  first: string,
  release: () => void,
) {
  try {
    await waitUntil(() => element.shadowRoot?.querySelector('[part~="loading-screen"]'));
    await walk.visit(element);
  } finally {
    // Even when the loading screen fails its check, the next tests need the real fetch back.
    release();
  }
  await waitForScreen(element, first);
  await walk.visit(element);
}

/** Loading, intro, phone (empty, searching, no match), code (wrong), recovery codes, done. */
export async function walkEnrolment(walk: Visit, { locale, franceSearch }: WalkOptions) {
  const phone = uniqueFrenchMobile();
  const release = holdSessionRequest();
  const { element } = await mountSetup({ locale });
  await visitFirstScreens(walk, element, 'intro', release);
  await activate('start-button');
  await waitForScreen(element, 'phone');
  await walk.visit(element);
  await activate('send-code-button');
  await pause(200);
  await walk.visit(element);
  focusPageStart();
  await tabTo('country-input');
  await typeText(franceSearch);
  await walk.visit(element);
  await typeText('qqq');
  await walk.visit(element);
  await sendKeys({ press: 'Escape' });
  await sendKeys({ press: 'Escape' });
  await enterFrenchNumber(phone, franceSearch);
  await activate('send-code-button');
  await waitForScreen(element, 'code');
  await walk.visit(element);
  const right = await latestSmsCode(phone);
  await enterCode(right === '111111' ? '222222' : '111111');
  await pause(300);
  await walk.visit(element);
  await enterCode(right);
  await waitForScreen(element, 'new-recovery-codes');
  await walk.visit(element);
  await tabTo('saved-checkbox');
  await sendKeys({ press: 'Space' });
  await activate('continue-button');
  await waitForScreen(element, 'done');
  await walk.visit(element);
  return element;
}

/**
 * Manage, step-up (by a wrong then a right recovery code), change phone, view recovery codes,
 * trusted browsers, confirm disable, disabled.
 */
export async function walkManagement(walk: Visit, { locale, franceSearch }: WalkOptions) {
  const phone = uniqueFrenchMobile();
  const newPhone = uniqueFrenchMobile();
  const { userId, recoveryCodes } = await enrolledUser({ phone });
  const release = holdSessionRequest();
  const { element } = await mountSetup({ userId, locale });
  await visitFirstScreens(walk, element, 'manage', release);
  await activate('change-phone-button');
  await waitForScreen(element, 'step-up');
  await walk.visit(element);
  await activate('use-recovery-code-button');
  await waitForScreen(element, 'step-up-recovery');
  await tabTo('recovery-code-input');
  await typeText('AAAA-AAAA-AAAA-AAAA');
  await sendKeys({ press: 'Enter' });
  await pause(300);
  await walk.visit(element);
  const input = element.shadowRoot?.querySelector('input[name="recovery-code"]');
  (input as HTMLInputElement).value = '';
  await tabTo('recovery-code-input');
  await typeText(recoveryCodes[0] ?? '');
  await sendKeys({ press: 'Enter' });
  await waitForScreen(element, 'phone');
  await walk.visit(element);
  await enterFrenchNumber(newPhone, franceSearch);
  await activate('send-code-button');
  await waitForScreen(element, 'code');
  await enterCode(await latestSmsCode(newPhone));
  await waitForScreen(element, 'phone-changed');
  await walk.visit(element);
  await activate('done-button');
  await waitForScreen(element, 'manage');
  await activate('recovery-codes-button');
  await waitForScreen(element, 'view-recovery-codes');
  await walk.visit(element);
  await activate('continue-button');
  await waitForScreen(element, 'manage');
  await activate('trusted-browsers-button');
  await waitForScreen(element, 'trusted-browsers');
  await walk.visit(element);
  await activate('back-button');
  await waitForScreen(element, 'manage');
  await activate('disable-button');
  await waitForScreen(element, 'confirm-disable');
  await walk.visit(element);
  await activate('confirm-disable-button');
  await waitForScreen(element, 'disabled');
  await walk.visit(element);
  return element;
}

/** Loading, email code (wrong), SMS code, recovery code, new recovery codes, verified. */
export async function walkChallenge(walk: Visit, { locale }: Pick<WalkOptions, 'locale'>) {
  const tenant = {
    tenant: 'parts-challenge',
    settings: { signInSteps: ['email', 'sms'], recoveryCodeCount: 1 },
  };
  const email = `parts-${Date.now()}-${Math.random().toString(36).slice(2)}@mail.example`;
  const phone = uniqueFrenchMobile();
  const { userId, recoveryCodes } = await enrolledUser({ ...tenant, phone });
  const session = await mintSession({ ...tenant, purpose: 'sign-in', userId, email, locale });
  const release = holdSessionRequest();
  const element = await mountChallenge(session, { locale });
  await visitFirstScreens(walk, element, 'email-code', release);
  const right = await latestEmailCode(email);
  await enterCode(right === '111111' ? '222222' : '111111');
  await pause(300);
  await walk.visit(element);
  await enterCode(right);
  await waitForScreen(element, 'sms-code');
  await walk.visit(element);
  await activate('use-recovery-code-button');
  await waitForScreen(element, 'recovery-code');
  await walk.visit(element);
  await tabTo('recovery-code-input');
  await typeText(recoveryCodes[0] ?? '');
  await sendKeys({ press: 'Enter' });
  await waitForScreen(element, 'new-recovery-codes');
  await walk.visit(element);
  await tabTo('saved-checkbox');
  await sendKeys({ press: 'Space' });
  await activate('continue-button');
  await waitForScreen(element, 'verified');
  await walk.visit(element);
  return element;
}

/** Locked, expired, unreachable and refused, for one element. */
export async function walkFailures(
  walk: Visit,
  tagName: 'two-factor-setup' | 'two-factor-challenge',
  { locale }: Pick<WalkOptions, 'locale'>,
) {
  const purpose = tagName === 'two-factor-setup' ? 'setup' : 'sign-in';
  const { userId } = await enrolledUser({ phone: uniqueFrenchMobile() });
  await lockUser(userId);
  const locked = await mintSession({ purpose, userId, locale });
  const screens: [{ server: string; token: string }, string][] = [
    [locked, 'locked'],
    [{ server: locked.server, token: `wst_${'x'.repeat(43)}` }, 'expired'],
    [{ server: 'http://localhost:9', token: locked.token }, 'error'],
  ];
  for (const [session, screen] of screens) {
    const element = await mountWith(tagName, session, locale);
    if (screen === 'locked' && tagName === 'two-factor-setup') {
      // Setup reaches the lock at its first request that checks it: the step-up code.
      await waitForScreen(element, 'manage');
      await activate('change-phone-button');
    }
    await waitForScreen(element, screen);
    await walk.visit(element);
    element.remove();
  }
  await withOriginRefused(async () => {
    const element = await mountWith(tagName, locked, locale);
    await waitForScreen(element, 'unavailable');
    await walk.visit(element);
    element.remove();
  });
}

async function mountWith(
  tagName: string,
  session: { server: string; token: string },
  locale: string,
) {
  const element = document.createElement(tagName) as Element;
  element.setAttribute('locale', locale);
  element.setAttribute('server', session.server);
  element.setAttribute('token', session.token);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const BOTH_METHODS = { tenant: 'both-methods', settings: { methods: ['sms', 'totp'] } };

/**
 * The authenticator app: method choice, the app screen (a wrong code, then the code of the step
 * before now), the settings with the app alone, the step-up by the app; then signing in with it
 * (the next step's code).
 */
export async function walkAuthenticatorApp(walk: Visit, { locale }: Pick<WalkOptions, 'locale'>) {
  const { element, session } = await mountSetup({ ...BOTH_METHODS, locale });
  await waitForScreen(element, 'intro');
  await activate('start-button');
  await waitForScreen(element, 'method-choice');
  await walk.visit(element);
  await activate('app-method-button');
  await waitForScreen(element, 'authenticator-app');
  await walk.visit(element);
  const key = element.shadowRoot?.querySelector('[part~="totp-key"]')?.textContent?.trim() ?? '';
  await enterCode((await totp(key)) === '111111' ? '222222' : '111111');
  await pause(300);
  await walk.visit(element);
  await enterCode(await codeOfStepBefore(key));
  await waitForScreen(element, 'new-recovery-codes');
  await tabTo('saved-checkbox');
  await sendKeys({ press: 'Space' });
  await activate('continue-button');
  await waitForScreen(element, 'done');
  await walk.visit(element);
  await activate('done-button');
  await waitForScreen(element, 'manage');
  await walk.visit(element);
  await activate('recovery-codes-button');
  await waitForScreen(element, 'step-up-app');
  await walk.visit(element);
  // The current step's code: the enrolment used the one before, the sign-in below enters none.
  await enterCode(await totp(key));
  await waitForScreen(element, 'view-recovery-codes');
  element.remove();

  const signIn = await mintSession({
    ...BOTH_METHODS,
    locale,
    purpose: 'sign-in',
    userId: session.userId,
  });
  const challenge = await mountChallenge(signIn, { locale });
  await waitForScreen(challenge, 'app-code');
  await walk.visit(challenge);
  return challenge;
}
