import { state } from 'lit/decorators.js';
import type { CodeSent, SessionView } from './api-types.ts';
import { impossibleScreen } from './controllers/flow-controller.ts';
import type { ManageJourneys } from './controllers/manage-journeys.ts';
import { define } from './define.ts';
import { emit } from './events.ts';
import { countryOfMaskedPhone } from './phone/countries.ts';
import { renderCommonScreen } from './screens/common-screens.ts';
import { renderIntroScreen } from './screens/intro-screen.ts';
import { renderMessageScreen } from './screens/message-screen.ts';
import { renderPhoneScreen } from './screens/phone-screen.ts';
import { button } from './screens/screen-context.ts';
import { SetupScreen } from './setup-screen.ts';
import { TwoFactorElement } from './two-factor-element.ts';

export { SetupScreen };

/**
 * Parts and custom properties shared with `<two-factor-challenge>` are documented on `TwoFactorElement`
 * and inherited by this element's manifest entry; those below are this element's own.
 *
 * @summary Turns two-factor authentication on for the signed-in user (text message and/or
 * authenticator app), then manages it.
 *
 * @tagname two-factor-setup
 *
 * @fires tfa-enabled - Two-factor is on: `{maskedPhone, method}`.
 * @fires tfa-method-added - A second method was added: `{method}`.
 * @fires tfa-method-removed - One of two methods was removed: `{method}`.
 * @fires tfa-disabled - Two-factor is off.
 * @fires tfa-phone-changed - A verified new number replaced the old one: `{maskedPhone}`.
 * @fires tfa-recovery-codes-regenerated - A new set replaced the old one: `{count}`.
 * @fires tfa-step-change - The screen changed: `{from, to}`.
 * @fires tfa-error - A request failed: `{code, message}`.
 * @fires tfa-session-expired - The widget session expired.
 *
 * @csspart intro-screen - Two-factor is off: what it is, and "Turn on".
 * @csspart start-button - "Turn on two-factor authentication".
 * @csspart phone-screen - The country code and the mobile number.
 * @csspart phone-form - The phone number's form.
 * @csspart phone-field - The picker and the number together (exported from `tfa-phone-field`).
 * @csspart phone-label - The number's label (exported).
 * @csspart phone-input - The number input (exported).
 * @csspart phone-error - The message under the number (exported).
 * @csspart country-label - The country picker's label (exported).
 * @csspart country-input - The country picker's combobox input (exported).
 * @csspart listbox - The country picker's popup list (exported; also `country-listbox`).
 * @csspart country-listbox - The country picker's popup list (exported).
 * @csspart option - A country in the list (exported; also `country-option`).
 * @csspart country-option - A country in the list (exported).
 * @csspart flag - A country's flag emoji (exported; also `country-flag`).
 * @csspart country-flag - A country's flag emoji (exported).
 * @csspart dial-code - A country's `+dial` code (exported; also `country-dial-code`).
 * @csspart country-dial-code - A country's `+dial` code (exported).
 * @csspart country-no-match - "No country matches" (exported; also `hint`).
 * @csspart send-code-button - Sends the code to the number.
 * @csspart cancel-button - Back to the settings without a change.
 * @csspart code-screen - The code sent to the new number.
 * @csspart change-number-button - Back from the code to the number.
 * @csspart view-recovery-codes-screen - The recovery codes, viewed later after step-up.
 * @csspart recovery-code-used - A recovery code already used (struck through).
 * @csspart regenerate-button - "Get new recovery codes".
 * @csspart done-screen - Two-factor is on.
 * @csspart done-button - "Done" on the screens that end a journey.
 * @csspart manage-screen - Two-factor is on: a settings list of the methods, recovery codes, trusted browsers, then disable.
 * @csspart status-text - "On since …" on the manage screen.
 * @csspart subheading - A heading inside a screen (also `heading`, so a rule on `heading` styles both).
 * @csspart settings - A list of settings rows.
 * @csspart setting - One row: a label and its value at the start, its actions at the end.
 * @csspart setting-text - The label and value of a row.
 * @csspart setting-label - A row's label, e.g. "Text message".
 * @csspart setting-value - A row's value, e.g. the masked number or "10 left".
 * @csspart setting-actions - The buttons at the end of a row.
 * @csspart phone-setting - The text message row.
 * @csspart masked-phone - The masked number: on one line, left to right in every language.
 * @csspart change-phone-button - "Change" on the text message row.
 * @csspart add-phone-button - "Add" a phone, when only the app is on.
 * @csspart remove-phone-button - "Remove" the phone, when the app is on too.
 * @csspart app-setting - The authenticator app row.
 * @csspart add-app-button - "Add" an authenticator app.
 * @csspart remove-app-button - "Remove" the app, when the phone is on too.
 * @csspart preferred-setting - Which method sign-in asks for first (with both).
 * @csspart switch-preferred-button - "Change" which method is asked first.
 * @csspart recovery-setting - The recovery codes row: how many are left.
 * @csspart recovery-codes-button - "View" the recovery codes (or "Replace" them).
 * @csspart browsers-setting - The trusted browsers row: how many.
 * @csspart trusted-browsers-button - "Manage": opens the trusted browsers.
 * @csspart danger-zone - The bottom of the settings, with "Disable".
 * @csspart danger-button - A destructive action.
 * @csspart disable-button - "Disable two-factor authentication": outlined, quiet until hovered.
 * @csspart method-choice-screen - Text message or authenticator app, where the site allows both.
 * @csspart methods-choice - The two choices.
 * @csspart method-button - One choice (also `sms-method-button` or `app-method-button`).
 * @csspart sms-method-button - "Text message".
 * @csspart app-method-button - "Authenticator app".
 * @csspart method-hint - The line under a choice.
 * @csspart authenticator-app-screen - The QR code, the key and the first code of an authenticator app.
 * @csspart qr-code - The QR code (an SVG drawn in the page, dark on light in both themes).
 * @csspart app-key - The key and its Copy button.
 * @csspart totp-key - The key, in groups of four.
 * @csspart key-group - Four characters of the key.
 * @csspart copy-key-button - Copies the key.
 * @csspart open-app-link - "Open in authenticator app": the `otpauth://` link, for the app on this phone.
 * @csspart step-up-app-screen - The code from the app before a sensitive change.
 * @csspart use-another-method-button - "Use another method": the app instead of a text message, or back.
 * @csspart step-up-screen - The code sent to the current phone before a sensitive change.
 * @csspart step-up-recovery-screen - A recovery code instead, before a sensitive change.
 * @csspart trusted-browsers-screen - The browsers that skip the code at sign-in.
 * @csspart browser-list - The list of trusted browsers.
 * @csspart browser - One trusted browser.
 * @csspart browser-label - Its name, e.g. "Chrome on macOS".
 * @csspart browser-last-used - When it was last used.
 * @csspart browsers-empty - "No browser is trusted".
 * @csspart revoke-button - Stops trusting one browser.
 * @csspart revoke-all-button - Stops trusting them all.
 * @csspart back-button - Back to the settings.
 * @csspart confirm-disable-screen - "Disable two-factor authentication?"
 * @csspart confirm-disable-button - "Yes, disable".
 * @csspart disabled-screen - Two-factor is off now.
 * @csspart phone-changed-screen - The new number replaced the old one.
 */
export class TwoFactorSetup extends TwoFactorElement<SetupScreen> {
  @state() private sent: CodeSent | undefined;
  @state() private newCodes: string[] = [];
  @state() private saved = false;
  @state() private copied = false;
  @state() private status = '';
  private changingPhone = false;
  /** Where to go once a new set of codes is saved. */
  private afterNewCodes: () => void = () => this.go(SetupScreen.done);
  private journeys: ManageJourneys | undefined;

  /** Managing two-factor, from the later screens' chunk: there whenever a management screen is. */
  private get manage(): ManageJourneys | undefined {
    const later = this.later.module;
    this.journeys ??=
      later &&
      new later.ManageJourneys({
        element: this,
        run: (action, again) => this.run(action, again),
        api: () => this.api,
        t: () => this.t,
        session: () => this.session,
        setSession: (session) => {
          this.session = session;
        },
        reloadSession: () => this.reloadSession(),
        lastErrorCode: () => this.lastErrorCode,
        screen: () => this.flow.screen,
        go: (screen) => this.go(screen),
        setStatus: (status) => {
          this.status = status;
        },
        codeSent: (sent) => this.codeSent(sent),
        codeRejected: () => void this.codeRejected(),
        showNewCodes: (codes, then) => this.showNewCodes(codes, then),
        changePhone: () => {
          // The step-up code's wait is not the new number's.
          this.resend.start(new Date(0));
          this.changingPhone = true;
          this.go(SetupScreen.phone);
        },
        formatDate: (iso) => this.formatDate(iso),
        status: () => this.status,
        sent: () => this.sent,
        resend: this.resend,
      });
    return this.journeys;
  }

  protected override async begin(session: SessionView) {
    this.go(session.twoFactor.enabled ? SetupScreen.manage : SetupScreen.intro);
  }

  /** "Turn on": the choice where the site allows both methods, else the one it allows. */
  private async turnOn() {
    const allowed = this.session?.allowedMethods ?? ['sms'];
    if (!allowed.includes('totp')) return this.go(SetupScreen.phone);
    if (allowed.includes('sms')) return this.go(SetupScreen.methodChoice);
    await this.later.load();
    await this.manage?.app.start();
  }

  private async reloadSession(): Promise<SessionView | undefined> {
    const session = await this.run(() =>
      this.api.get<SessionView>('/session', this.flow.newLoad()),
    );
    if (session) this.session = session;
    return session;
  }

  protected override readonly firstLoadScreens: ReadonlySet<SetupScreen> = new Set([
    SetupScreen.intro,
    SetupScreen.phone,
    SetupScreen.done,
    SetupScreen.disabled,
    SetupScreen.phoneChanged,
  ]);

  private go(screen: SetupScreen) {
    this.status = '';
    // The code screen comes next: fetch it while the user types the number.
    if (screen === SetupScreen.phone) this.later.load().catch(() => {});
    this.moveTo(screen);
  }

  // --- turning on, and changing the phone ---

  private async sendCode(phone: { country: string; number: string }): Promise<void> {
    if (!phone.number) {
      this.error = this.t('error.required_phone');
      return;
    }
    // An expired session sends to the same number with a fresh one: nothing typed is lost.
    this.resume = () => this.sendCode(phone);
    const sent = await this.run(
      () => this.api.post<CodeSent>('/phone', phone),
      () => this.sendCode(phone),
    );
    this.resume = undefined;
    if (!sent) return this.manage?.stepUpLapsed('change-phone');
    this.codeSent(sent);
    this.go(SetupScreen.code);
  }

  private codeSent(sent: CodeSent) {
    this.sent = sent;
    this.resend.start(sent.resendAt);
  }

  private async resendPhoneCode(): Promise<void> {
    const sent = await this.run(
      () => this.api.post<CodeSent>('/phone/resend'),
      () => this.resendPhoneCode(),
    );
    if (!sent) return;
    this.codeSent(sent);
    this.status = this.t('codeResent');
  }

  private async verifyPhone(code: string): Promise<void> {
    const answer = await this.run(
      () =>
        this.api.post<{
          enabled?: true;
          recoveryCodes?: string[];
          phoneChanged?: true;
          methodAdded?: 'sms';
        }>('/phone/verify', { code }),
      () => this.verifyPhone(code),
    );
    if (!answer) return void this.codeRejected();
    const session = await this.reloadSession();
    if ('methodAdded' in answer) {
      this.changingPhone = false;
      this.go(SetupScreen.manage);
      this.status = this.t('methodAdded', { method: this.t('smsMethod') });
      emit(this, 'tfa-method-added', { method: 'sms' });
      return;
    }
    const maskedPhone = session?.twoFactor.maskedPhone ?? this.sent?.maskedPhone ?? '';
    if (answer.phoneChanged) {
      this.changingPhone = false;
      emit(this, 'tfa-phone-changed', { maskedPhone });
      return this.go(SetupScreen.phoneChanged);
    }
    emit(this, 'tfa-enabled', { maskedPhone, method: 'sms' });
    this.showNewCodes(answer.recoveryCodes ?? [], () => this.go(SetupScreen.done));
  }

  private showNewCodes(codes: string[], then: () => void) {
    this.newCodes = codes;
    this.saved = false;
    this.copied = false;
    this.afterNewCodes = then;
    this.go(SetupScreen.newRecoveryCodes);
  }

  // --- rendering ---

  private pickerCountry() {
    // A new number is most likely in the same country as the one it replaces.
    const current = this.changingPhone
      ? countryOfMaskedPhone(this.session?.twoFactor.maskedPhone)
      : undefined;
    return current || this.defaultCountry.toUpperCase() || this.session?.defaultCountry || '';
  }

  private offeredCountries() {
    const allowed = this.session?.allowedCountries ?? [];
    if (this.countries.length === 0) return allowed;
    return allowed.length === 0
      ? this.countries
      : this.countries.filter((c) => allowed.includes(c));
  }

  protected override renderScreen() {
    const context = this.context;
    const { t } = context;
    const screen = this.flow.screen;
    const later = this.later.module;
    const session = this.session;
    switch (screen) {
      case 'loading':
      case 'expired':
      case 'locked':
      case 'unavailable':
        return renderCommonScreen(context, screen, {
          waitUntil: this.waitUntil ? this.formatTime(this.waitUntil) : '',
          onRetry: () => void this.start(),
          onRenew: () => this.renew(),
        });
      case SetupScreen.intro:
        return renderIntroScreen(context, () => void this.turnOn());
      case SetupScreen.phone:
        return renderPhoneScreen(context, {
          heading: this.changingPhone ? t('changePhoneHeading') : t('phoneHeading'),
          locale: this.language,
          country: this.pickerCountry(),
          countries: this.offeredCountries(),
          preferred: this.preferredCountries,
          wait: this.resend,
          onSubmit: (phone) => void this.sendCode(phone),
          onCancel: this.changingPhone
            ? () => {
                this.changingPhone = false;
                this.go(SetupScreen.manage);
              }
            : undefined,
        });
      case SetupScreen.code:
        return later?.renderCodeScreen(context, {
          name: 'code',
          heading: t('codeHeading'),
          sentTo: t('codeSentTo', { destination: this.sent?.maskedPhone ?? '' }),
          codeLength: this.sent?.codeLength ?? 6,
          webOtp: true,
          resendCountdown: this.resend,
          status: this.status,
          onSubmit: (code) => void this.verifyPhone(code),
          onResend: () => void this.resendPhoneCode(),
          // The resend wait is the number's: a corrected number is sent at once.
          links: button(context, 'link', 'change-number', t('changeNumber'), () => {
            this.resend.end();
            this.go(SetupScreen.phone);
          }),
        });
      case SetupScreen.newRecoveryCodes:
        return later?.renderNewRecoveryCodesScreen(context, {
          codes: this.newCodes,
          siteName: session?.tenant.name ?? '',
          saved: this.saved,
          copied: this.copied,
          onSavedChange: (saved) => {
            this.saved = saved;
          },
          onCopied: () => {
            this.copied = true;
          },
          onContinue: () => {
            this.newCodes = [];
            this.afterNewCodes();
          },
        });
      case SetupScreen.done:
        return renderMessageScreen(context, {
          name: 'done',
          heading: t('doneHeading'),
          text: session?.twoFactor.maskedPhone
            ? t('doneText', { phone: session.twoFactor.maskedPhone })
            : t('appDoneText'),
          action: { name: 'done', label: t('done'), onClick: () => this.go(SetupScreen.manage) },
        });
      case SetupScreen.manage:
      case SetupScreen.methodChoice:
      case SetupScreen.authenticatorApp:
      case SetupScreen.stepUp:
      case SetupScreen.stepUpApp:
      case SetupScreen.stepUpRecovery:
      case SetupScreen.viewRecoveryCodes:
      case SetupScreen.trustedBrowsers:
      case SetupScreen.confirmDisable:
        return this.manage?.render(screen, context);
      case SetupScreen.disabled:
        return renderMessageScreen(context, {
          name: 'disabled',
          heading: t('disabledHeading'),
          text: t('disabledText'),
          action: { name: 'done', label: t('done'), onClick: () => this.go(SetupScreen.intro) },
        });
      case SetupScreen.phoneChanged:
        return renderMessageScreen(context, {
          name: 'phone-changed',
          heading: t('phoneChangedHeading'),
          text: t('phoneChangedText', { phone: session?.twoFactor.maskedPhone ?? '' }),
          action: { name: 'done', label: t('done'), onClick: () => this.go(SetupScreen.manage) },
        });
      default:
        return impossibleScreen(screen);
    }
  }
}

define('two-factor-setup', TwoFactorSetup);

declare global {
  interface HTMLElementTagNameMap {
    'two-factor-setup': TwoFactorSetup;
  }
}
