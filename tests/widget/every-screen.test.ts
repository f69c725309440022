// Every screen of both elements, walked through the real server, in light and dark: axe-core finds
// no violation, and every part a page can style there (exported ones included) is listed in the
// manifest (custom-elements.json, built from the classes' JSDoc), as is every `--tfa-*` on :host.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { Element } from './harness/element.ts';
import { documented } from './harness/partner.ts';
import { hostCustomProperties, PartsWalk } from './harness/parts.ts';
import {
  walkAuthenticatorApp,
  walkChallenge,
  walkEnrolment,
  walkFailures,
  walkManagement,
} from './harness/screen-walks.ts';

const ENGLISH = { locale: 'en', franceSearch: 'Fran' };

async function expectDocumented(tagName: string, walk: PartsWalk, screens: string[]) {
  expect([...walk.screens]).to.include.members(screens);
  const { parts } = await documented(tagName);
  expect([...walk.parts].filter((name) => !parts.has(name))).to.deep.equal([]);
  expect([...walk.unexported]).to.deep.equal([]);
}

describe('the manifest lists every custom property', () => {
  for (const tagName of ['two-factor-setup', 'two-factor-challenge']) {
    it(`lists every --tfa-* property ${tagName} declares on :host, and no other`, async () => {
      const element = document.createElement(tagName) as Element;
      document.body.append(element);
      await element.updateComplete;
      const declared = hostCustomProperties(element);
      expect(declared.size).to.be.greaterThan(10);
      const { properties } = await documented(tagName);
      expect([...properties].sort()).to.deep.equal([...declared].sort());
      for (const name of properties)
        expect(getComputedStyle(element).getPropertyValue(name).trim(), name).to.not.equal('');
      element.remove();
    });
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`every screen, in ${colorScheme} mode: axe-clean, its parts in the manifest`, () => {
    beforeEach(() => emulateMedia({ colorScheme }));
    afterEach(() => emulateMedia({ colorScheme: 'light' }));

    it('<two-factor-setup>: turning two-factor on', async function () {
      this.timeout(60_000);
      const walk = new PartsWalk();
      await walkEnrolment(walk, ENGLISH);
      await expectDocumented('two-factor-setup', walk, [
        'loading',
        'intro',
        'phone',
        'code',
        'new-recovery-codes',
        'done',
      ]);
    });

    it('<two-factor-setup>: managing two-factor', async function () {
      this.timeout(60_000);
      const walk = new PartsWalk();
      await walkManagement(walk, ENGLISH);
      expect(walk.parts).to.include('recovery-code-used');
      await expectDocumented('two-factor-setup', walk, [
        'manage',
        'step-up',
        'step-up-recovery',
        'phone',
        'phone-changed',
        'view-recovery-codes',
        'trusted-browsers',
        'confirm-disable',
        'disabled',
      ]);
    });

    it('<two-factor-challenge>: signing in, with a recovery code', async function () {
      this.timeout(60_000);
      const walk = new PartsWalk();
      await walkChallenge(walk, ENGLISH);
      await expectDocumented('two-factor-challenge', walk, [
        'loading',
        'email-code',
        'sms-code',
        'recovery-code',
        'new-recovery-codes',
        'verified',
      ]);
    });

    it('both elements with an authenticator app: choice, app screen, settings, step-up, sign-in', async function () {
      this.timeout(60_000);
      const setup = new PartsWalk();
      const challenge = new PartsWalk();
      await walkAuthenticatorApp(
        {
          visit: (element) =>
            (element.tagName === 'TWO-FACTOR-SETUP' ? setup : challenge).visit(element),
        },
        ENGLISH,
      );
      await expectDocumented('two-factor-setup', setup, [
        'method-choice',
        'authenticator-app',
        'done',
        'manage',
        'step-up-app',
      ]);
      await expectDocumented('two-factor-challenge', challenge, ['app-code']);
    });

    for (const tagName of ['two-factor-setup', 'two-factor-challenge'] as const) {
      it(`<${tagName}>: locked, expired, unreachable and refused`, async function () {
        this.timeout(60_000);
        const walk = new PartsWalk();
        await walkFailures(walk, tagName, ENGLISH);
        await expectDocumented(tagName, walk, ['locked', 'expired', 'error', 'unavailable']);
      });
    }
  });
}
