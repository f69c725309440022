// Every screen of both elements in each of the ten languages, through the real server: axe-core
// finds no violation, the element speaks the session's language (its lang, its direction, headings
// from that language's catalogue), and numbers and codes read left to right even in Arabic.
import { expect } from '@open-wc/testing';
import { type Locale, supportedLocales } from '../../widget/i18n/catalogue.ts';
import { loadAllStrings } from '../../widget/i18n/later-strings.ts';
import { deepQueryAll, type Element, part, screenOf } from './harness/element.ts';
import { PartsWalk } from './harness/parts.ts';
import {
  walkAuthenticatorApp,
  walkChallenge,
  walkEnrolment,
  walkFailures,
  walkManagement,
} from './harness/screen-walks.ts';

/** Written out here rather than taken from the catalogue module it checks. */
const RIGHT_TO_LEFT = new Set<string>(['ar']);

/** Parts that hold a number or a code: left to right in every language. */
const LEFT_TO_RIGHT = [
  'phone-input',
  'code-input',
  'recovery-code',
  'recovery-code-input',
  'masked-phone',
  'totp-key',
];

/** Spaces as a reader sees them: French no-break spaces and line breaks count as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

class LanguageWalk extends PartsWalk {
  constructor(
    private readonly locale: Locale,
    private readonly messages: Set<string>,
  ) {
    super();
  }

  override async visit(element: Element) {
    await super.visit(element);
    const screen = screenOf(element);
    const base = part(element, 'base');
    expect(base.getAttribute('lang'), screen).to.equal(this.locale);
    const direction = RIGHT_TO_LEFT.has(this.locale) ? 'rtl' : 'ltr';
    expect(base.getAttribute('dir'), screen).to.equal(direction);
    expect(getComputedStyle(base).direction, screen).to.equal(direction);
    expect([...this.messages], `${screen} heading`).to.include(
      squash(part(element, 'heading').textContent ?? ''),
    );
    for (const name of LEFT_TO_RIGHT)
      for (const node of deepQueryAll(element.shadowRoot as ShadowRoot, `[part~="${name}"]`))
        expect(getComputedStyle(node).direction, `${screen}: ${name}`).to.equal('ltr');
  }
}

for (const locale of supportedLocales) {
  describe(`every screen in ${locale}: axe-clean, in ${locale}`, () => {
    const options = { locale, franceSearch: '33' };
    let messages: Set<string>;
    before(async () => {
      messages = new Set(Object.values(await loadAllStrings(locale)).map(squash));
    });

    it('both elements with an authenticator app', async function () {
      this.timeout(60_000);
      await walkAuthenticatorApp(new LanguageWalk(locale, messages), options);
    });

    it('<two-factor-setup>: turning two-factor on', async function () {
      this.timeout(60_000);
      const walk = new LanguageWalk(locale, messages);
      await walkEnrolment(walk, options);
      expect([...walk.screens]).to.include.members(['loading', 'intro', 'phone', 'code', 'done']);
    });

    it('<two-factor-setup>: managing two-factor', async function () {
      this.timeout(60_000);
      const walk = new LanguageWalk(locale, messages);
      await walkManagement(walk, options);
      expect([...walk.screens]).to.include.members([
        'manage',
        'step-up',
        'step-up-recovery',
        'phone-changed',
        'view-recovery-codes',
        'trusted-browsers',
        'confirm-disable',
        'disabled',
      ]);
    });

    it('<two-factor-challenge>: signing in, with a recovery code', async function () {
      this.timeout(60_000);
      const walk = new LanguageWalk(locale, messages);
      await walkChallenge(walk, options);
      expect([...walk.screens]).to.include.members([
        'email-code',
        'sms-code',
        'recovery-code',
        'new-recovery-codes',
        'verified',
      ]);
    });

    for (const tagName of ['two-factor-setup', 'two-factor-challenge'] as const) {
      it(`<${tagName}>: locked, expired, unreachable and refused`, async function () {
        this.timeout(60_000);
        const walk = new LanguageWalk(locale, messages);
        await walkFailures(walk, tagName, options);
        expect([...walk.screens]).to.include.members(['locked', 'expired', 'error', 'unavailable']);
      });
    }
  });
}
