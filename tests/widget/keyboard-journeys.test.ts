// The two elements' whole journeys, in French and in English, by keyboard only (Tab, Enter,
// Space, typing; never element.click()), against the real server. The setup journeys run on a
// page that restyles the element through `::part()` and `--tfa-*` custom properties only.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TwoFactorChallenge } from '../../widget/two-factor-challenge.ts';
import type { TwoFactorSetup } from '../../widget/two-factor-setup.ts';
import {
  activate,
  enrolByKeyboard,
  enterCode,
  enterFrenchNumber,
  errorText,
  mountChallenge,
  mountSetup,
  part,
  screenOf,
  tabTo,
  typeText,
  waitForScreen,
} from './harness/element.ts';
import { recordEvents } from './harness/events.ts';
import {
  latestEmailCode,
  latestSmsCode,
  mintSession,
  redeem,
  signInSession,
  trustThisBrowser,
  uniqueFrenchMobile,
} from './harness/partner.ts';

const EMAIL_FIRST = { tenant: 'keyboard-email-first', settings: { signInSteps: ['email', 'sms'] } };

/** What the user reads, written out here rather than read from the catalogues. */
const WORDING = {
  fr: {
    intro: 'Authentification à deux facteurs',
    saved: 'J’ai mis mes codes de récupération en lieu sûr',
    done: 'L’authentification à deux facteurs est activée',
    stepUp: 'Confirmez votre identité',
    viewCodes: 'Vos codes de récupération',
    newCodes: 'Conservez vos codes de récupération',
    changePhone: 'Votre nouveau numéro de téléphone',
    phoneChanged: 'Numéro de téléphone modifié',
    browsers: 'Navigateurs de confiance',
    thisBrowser: 'Ce navigateur',
    revoked: 'n’est plus un navigateur de confiance',
    browsersEmpty: 'Aucun navigateur de confiance.',
    disable: 'Désactiver l’authentification à deux facteurs ?',
    disableConfirm: 'Oui, désactiver',
    disabled: 'L’authentification à deux facteurs est désactivée',
    checkEmail: 'Consultez vos e-mails',
    checkPhone: 'Consultez votre téléphone',
    trust: 'Faire confiance à ce navigateur pendant 30 jours',
    signedIn: 'Connexion réussie',
    recoverySignIn: 'Se connecter avec un code de récupération',
    verifyEmail: 'Confirmez votre adresse e-mail',
    emailConfirmed: 'Adresse e-mail confirmée',
  },
  en: {
    intro: 'Two-factor authentication',
    saved: 'I have saved my recovery codes',
    done: 'Two-factor authentication is on',
    stepUp: 'Confirm it is you',
    viewCodes: 'Your recovery codes',
    newCodes: 'Save your recovery codes',
    changePhone: 'Your new phone number',
    phoneChanged: 'Phone number changed',
    browsers: 'Trusted browsers',
    thisBrowser: 'This browser',
    revoked: 'is no longer trusted',
    browsersEmpty: 'No browser is trusted.',
    disable: 'Disable two-factor authentication?',
    disableConfirm: 'Yes, disable',
    disabled: 'Two-factor authentication is off',
    checkEmail: 'Check your email',
    checkPhone: 'Check your phone',
    trust: 'Trust this browser for 30 days',
    signedIn: 'Signed in',
    recoverySignIn: 'Sign in with a recovery code',
    verifyEmail: 'Confirm your email',
    emailConfirmed: 'Email confirmed',
  },
} as const;

type Locale = keyof typeof WORDING;
const LOCALES: Locale[] = ['fr', 'en'];

/** The page's own look for the element, through parts and custom properties only. */
const PAGE_STYLE = `
  two-factor-setup::part(button) { border-radius: 0; }
  two-factor-setup::part(primary-button) { background: rgb(120, 0, 80); }
  two-factor-setup { --tfa-color-primary: rgb(0, 90, 40); }
`;
const PART_BACKGROUND = 'rgb(120, 0, 80)';
const PROPERTY_COLOUR = 'rgb(0, 90, 40)';

function heading(element: TwoFactorSetup | TwoFactorChallenge) {
  return part(element, 'heading').textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function shownCodes(element: TwoFactorSetup) {
  return [...(element.shadowRoot?.querySelectorAll('[part~="recovery-code"]') ?? [])].map(
    (node) => node.textContent?.trim() ?? '',
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

/** The same user coming back to the settings page later: a new session, so a new step-up. */
async function comeBack(element: TwoFactorSetup, userId: string, locale: Locale) {
  element.remove();
  const again = await mountSetup({ locale, userId });
  return again.element;
}

describe('keyboard journeys', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => events.stop());

  describe('<two-factor-setup>, restyled by the page', () => {
    let style: HTMLStyleElement;
    before(() => {
      style = document.createElement('style');
      style.textContent = PAGE_STYLE;
      document.head.append(style);
    });
    after(() => style.remove());

    for (const locale of LOCALES) {
      const say = WORDING[locale];

      it(`${locale}: enrols, views and regenerates codes, changes phone, revokes a browser, disables`, async function () {
        this.timeout(60_000);
        const phone = uniqueFrenchMobile();
        const newPhone = uniqueFrenchMobile();
        const { element: first, session } = await mountSetup({ locale });
        let element = first;
        await waitForScreen(element, 'intro');
        expect(heading(element)).to.equal(say.intro);
        const start = getComputedStyle(part(element, 'start-button'));
        expect(start.backgroundColor, '::part(primary-button)').to.equal(PART_BACKGROUND);
        expect(start.borderTopLeftRadius, '::part(button)').to.equal('0px');

        // Enrol: country by typing, number, code, "I have saved", Continue.
        const { codes, maskedPhone } = await enrolByKeyboard(element, phone);
        expect(codes).to.have.length(10);
        expect(heading(element)).to.equal(say.done);
        expect(part(element, 'text').textContent).to.contain(maskedPhone);
        await activate('done-button');
        await waitForScreen(element, 'manage');
        expect(heading(element)).to.equal(say.intro);

        // View the recovery codes, after step-up by SMS code.
        await activate('recovery-codes-button');
        await waitForScreen(element, 'step-up');
        expect(heading(element)).to.equal(say.stepUp);
        await enterCode(await latestSmsCode(phone));
        await waitForScreen(element, 'view-recovery-codes');
        expect(heading(element)).to.equal(say.viewCodes);
        expect(shownCodes(element)).to.deep.equal(codes);

        // Regenerate them; the new set is gated by "I have saved".
        await activate('regenerate-button');
        await waitForScreen(element, 'new-recovery-codes');
        expect(heading(element)).to.equal(say.newCodes);
        expect(part(element, 'saved-label').textContent?.trim()).to.equal(say.saved);
        const fresh = shownCodes(element);
        expect(fresh).to.have.length(10);
        expect(
          fresh.filter((code) => codes.includes(code)),
          'old codes kept',
        ).to.deep.equal([]);
        const checkbox = getComputedStyle(part(element, 'saved-checkbox'));
        expect(checkbox.accentColor, '--tfa-color-primary').to.equal(PROPERTY_COLOUR);
        expect((part(element, 'continue-button') as HTMLButtonElement).disabled).to.equal(true);
        await tabTo('saved-checkbox');
        await sendKeys({ press: 'Space' });
        await activate('continue-button');
        await waitForScreen(element, 'manage');

        // Later, change the phone: step-up on the current one, the new number, its code.
        element = await comeBack(element, session.userId, locale);
        await waitForScreen(element, 'manage');
        await activate('change-phone-button');
        await waitForScreen(element, 'step-up');
        expect(heading(element)).to.equal(say.stepUp);
        await enterCode(await latestSmsCode(phone));
        await waitForScreen(element, 'phone');
        expect(heading(element)).to.equal(say.changePhone);
        await enterFrenchNumber(newPhone);
        await activate('send-code-button');
        await waitForScreen(element, 'code');
        expect(getComputedStyle(part(element, 'resend-button')).color).to.equal(PROPERTY_COLOUR);
        await enterCode(await latestSmsCode(newPhone));
        await waitForScreen(element, 'phone-changed');
        expect(heading(element)).to.equal(say.phoneChanged);
        expect(part(element, 'text').textContent).to.contain(newPhone.slice(-2));
        await activate('done-button');
        await waitForScreen(element, 'manage');
        expect(part(element, 'masked-phone').textContent).to.contain(newPhone.slice(-2));

        // Revoke a trusted browser: this one, trusted through a sign-in.
        expect((await trustThisBrowser(session.userId, newPhone)).status).to.equal(200);
        await activate('trusted-browsers-button');
        await waitForScreen(element, 'trusted-browsers');
        expect(heading(element)).to.equal(say.browsers);
        expect(part(element, 'browser-label').textContent).to.contain(say.thisBrowser);
        await activate('revoke-button');
        await waitUntil(
          () => part(element, 'status').textContent?.includes(say.revoked),
          `the revoked status (error "${errorText(element)}")`,
        );
        expect(part(element, 'browsers-empty').textContent?.trim()).to.equal(say.browsersEmpty);
        await activate('back-button');
        await waitForScreen(element, 'manage');

        // Later again, disable: "Yes, disable", then step-up on the new phone.
        element = await comeBack(element, session.userId, locale);
        await waitForScreen(element, 'manage');
        await activate('disable-button');
        await waitForScreen(element, 'confirm-disable');
        expect(heading(element)).to.equal(say.disable);
        expect(part(element, 'confirm-disable-button').textContent?.trim()).to.equal(
          say.disableConfirm,
        );
        await activate('confirm-disable-button');
        await waitForScreen(element, 'step-up');
        await enterCode(await latestSmsCode(newPhone));
        await waitForScreen(element, 'disabled');
        expect(heading(element)).to.equal(say.disabled);
        await activate('done-button');
        await waitForScreen(element, 'intro');

        // Off, as the server sees it too: a new session starts from the intro.
        element = await comeBack(element, session.userId, locale);
        await waitForScreen(element, 'intro');
        expect(heading(element)).to.equal(say.intro);

        await settle();
        expect(events.seen.map((event) => event.name)).to.deep.equal([
          'tfa-enabled',
          'tfa-recovery-codes-regenerated',
          'tfa-phone-changed',
          'tfa-disabled',
        ]);
      });
    }
  });

  describe('<two-factor-challenge>', () => {
    /** The tfa-verified events so far, after time enough for a second one by mistake. */
    async function verifiedEvents() {
      await settle();
      return events.seen
        .filter((event) => event.name === 'tfa-verified')
        .map((event) => event.detail as { via: string; resultToken: string });
    }

    for (const locale of LOCALES) {
      const say = WORDING[locale];

      it(`${locale}: email passcode then SMS code, trusting the browser; the next sign-in needs no code`, async function () {
        this.timeout(60_000);
        const email = `keyboard-${locale}-${Date.now()}@mail.example`;
        const { phone, userId, session } = await signInSession(EMAIL_FIRST, { email, locale });
        const element = await mountChallenge(session, { locale });
        await waitForScreen(element, 'email-code');
        expect(heading(element)).to.equal(say.checkEmail);
        await enterCode(await latestEmailCode(email));
        await waitForScreen(element, 'sms-code');
        expect(heading(element)).to.equal(say.checkPhone);
        expect(part(element, 'trust-label').textContent?.trim()).to.equal(say.trust);
        await tabTo('trust-checkbox');
        await sendKeys({ press: 'Space' });
        expect((part(element, 'trust-checkbox') as HTMLInputElement).checked).to.equal(true);
        await enterCode(await latestSmsCode(phone));
        await waitForScreen(element, 'verified');
        expect(heading(element)).to.equal(say.signedIn);
        const [signedIn, ...more] = await verifiedEvents();
        expect(more, 'tfa-verified once').to.deep.equal([]);
        expect(signedIn?.via).to.equal('code');
        const redeemed = await redeem(signedIn?.resultToken ?? '', EMAIL_FIRST);
        expect(redeemed.status).to.equal(200);
        expect(redeemed.body.userId).to.equal(userId);
        element.remove();

        // Same browser, later: trusted, so no code is asked.
        const again = await mintSession({
          ...EMAIL_FIRST,
          purpose: 'sign-in',
          userId,
          email,
          locale,
        });
        const second = await mountChallenge(again, { locale });
        await waitForScreen(second, 'verified');
        expect(heading(second)).to.equal(say.signedIn);
        const verified = await verifiedEvents();
        expect(verified, 'tfa-verified once more').to.have.length(2);
        expect(verified[1]?.via).to.equal('trusted-browser');
        const trusted = await redeem(verified[1]?.resultToken ?? '', EMAIL_FIRST);
        expect(trusted.status).to.equal(200);
        expect(trusted.body).to.include({ userId, via: 'trusted-browser' });
      });

      it(`${locale}: signs in with a recovery code`, async function () {
        this.timeout(30_000);
        const { userId, recoveryCodes, session } = await signInSession({}, { locale });
        const element = await mountChallenge(session, { locale });
        await waitForScreen(element, 'sms-code');
        expect(heading(element)).to.equal(say.checkPhone);
        await activate('use-recovery-code-button');
        await waitForScreen(element, 'recovery-code');
        expect(heading(element)).to.equal(say.recoverySignIn);
        await tabTo('recovery-code-input');
        await typeText(recoveryCodes[2] ?? '');
        await sendKeys({ press: 'Enter' });
        await waitForScreen(element, 'verified');
        expect(heading(element)).to.equal(say.signedIn);
        const [detail, ...more] = await verifiedEvents();
        expect(more, 'tfa-verified once').to.deep.equal([]);
        expect(detail?.via).to.equal('recovery-code');
        const redeemed = await redeem(detail?.resultToken ?? '');
        expect(redeemed.status).to.equal(200);
        expect(redeemed.body).to.include({ userId, via: 'recovery-code' });
      });

      it(`${locale}: confirms an email with the passcode sent to it`, async function () {
        this.timeout(30_000);
        const email = `confirm-${locale}-${Date.now()}@mail.example`;
        const session = await mintSession({ purpose: 'verify-email', email, locale });
        const element = await mountChallenge(session, { locale });
        await waitForScreen(element, 'email-code');
        expect(heading(element)).to.equal(say.verifyEmail);
        await enterCode(await latestEmailCode(email));
        await waitForScreen(element, 'verified');
        expect(heading(element)).to.equal(say.emailConfirmed);
        const [detail, ...more] = await verifiedEvents();
        expect(more, 'tfa-verified once').to.deep.equal([]);
        const redeemed = await redeem(detail?.resultToken ?? '');
        expect(redeemed.status).to.equal(200);
        expect(redeemed.body).to.include({ purpose: 'verify-email', email });
        expect(screenOf(element)).to.equal('verified');
      });
    }
  });
});
