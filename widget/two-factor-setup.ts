import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { CodeSent, SessionView } from './api-types.ts';
import { impossibleScreen } from './controllers/flow-controller.ts';
import type { ManageJourneys } from './controllers/manage-journeys.ts';
import { define } from './define.ts';
import { emit } from './events.ts';
import { countryOfLocale, countryOfMaskedPhone } from './phone/countries.ts';
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
 * @summary Turns SMS two-factor authentication on for the signed-in user, then manages it.
 *
 * @tagname two-factor-setup
 *
 * @fires tfa-enabled - Two-factor is on: `{maskedPhone}`.
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
 * @csspart manage-screen - Two-factor is on: the phone, recovery codes, trusted browsers, disable.
 * @csspart status-text - "On, codes are sent to …" on the manage screen.
 * @csspart section - A section of the manage screen.
 * @csspart subheading - A section's heading.
 * @csspart phone-section - The phone section.
 * @csspart change-phone-button - "Change phone number".
 * @csspart recovery-section - The recovery codes section.
 * @csspart recovery-codes-button - "View recovery codes" (or "Get new recovery codes").
 * @csspart browsers-section - The trusted browsers section.
 * @csspart trusted-browsers-button - Opens the trusted browsers.
 * @csspart disable-section - The disable section.
 * @csspart danger-button - A destructive action.
 * @csspart disable-button - "Disable two-factor authentication".
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
      });
    return this.journeys;
  }

  protected override async begin(session: SessionView) {
    this.go(session.twoFactor.enabled ? SetupScreen.manage : SetupScreen.intro);
  }

  private async reloadSession(): Promise<SessionView | undefined> {
    const session = await this.run(() => this.api.get<SessionView>('/session'));
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
        this.api.post<{ enabled?: true; recoveryCodes?: string[]; phoneChanged?: true }>(
          '/phone/verify',
          { code },
        ),
      () => this.verifyPhone(code),
    );
    if (!answer) return void this.codeRejected();
    const session = await this.reloadSession();
    const maskedPhone = session?.twoFactor.maskedPhone ?? this.sent?.maskedPhone ?? '';
    if (answer.phoneChanged) {
      this.changingPhone = false;
      emit(this, 'tfa-phone-changed', { maskedPhone });
      return this.go(SetupScreen.phoneChanged);
    }
    emit(this, 'tfa-enabled', { maskedPhone });
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
    return (
      current ||
      this.defaultCountry.toUpperCase() ||
      this.session?.defaultCountry ||
      countryOfLocale(navigator.languages) ||
      ''
    );
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
        return renderIntroScreen(context, () => this.go(SetupScreen.phone));
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
          links: button(context, 'link', 'change-number', t('changeNumber'), () =>
            this.go(SetupScreen.phone),
          ),
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
          text: t('doneText', { phone: session?.twoFactor.maskedPhone ?? '' }),
          action: { name: 'done', label: t('done'), onClick: () => this.go(SetupScreen.manage) },
        });
      case SetupScreen.manage:
        if (!session) return nothing;
        return later?.renderManageScreen(context, {
          twoFactor: session.twoFactor,
          enabledOn: session.twoFactor.enabledAt
            ? this.formatDate(session.twoFactor.enabledAt)
            : '',
          onChangePhone: () => void this.manage?.requireStepUp('change-phone'),
          onRecoveryCodes: () =>
            void this.manage?.requireStepUp(
              session.twoFactor.recoveryCodesViewable ? 'view-codes' : 'regenerate-codes',
            ),
          onTrustedBrowsers: () => void this.manage?.showBrowsers(),
          onDisable: () => this.go(SetupScreen.confirmDisable),
        });
      case SetupScreen.stepUp:
        return later?.renderCodeScreen(context, {
          name: 'step-up',
          heading: t('stepUpHeading'),
          sentTo: t('stepUpText', { phone: this.sent?.maskedPhone ?? '' }),
          codeLength: this.sent?.codeLength ?? 6,
          webOtp: true,
          resendCountdown: this.resend,
          status: this.status,
          onSubmit: (code) => void this.manage?.verifyStepUp({ code }),
          onResend: () => void this.manage?.resendStepUp(),
          links: button(context, 'link', 'use-recovery-code', t('useRecoveryCode'), () =>
            this.go(SetupScreen.stepUpRecovery),
          ),
        });
      case SetupScreen.stepUpRecovery:
        return later?.renderRecoveryCodeEntryScreen(context, {
          name: 'step-up-recovery',
          heading: t('stepUpHeading'),
          onSubmit: (recoveryCode) => void this.manage?.verifyStepUp({ recoveryCode }),
          onUseCode: () => this.go(SetupScreen.stepUp),
        });
      case SetupScreen.viewRecoveryCodes:
        return later?.renderRecoveryCodesScreen(context, {
          name: 'view-recovery-codes',
          heading: t('viewCodesHeading'),
          codes: this.manage?.codeList ?? [],
          siteName: session?.tenant.name ?? '',
          gate: false,
          saved: false,
          copied: this.copied,
          onSavedChange: () => {},
          onCopied: () => {
            this.copied = true;
          },
          onContinue: () => this.go(SetupScreen.manage),
          continueLabel: t('back'),
          more: html`<button
            type="button"
            part="button secondary-button regenerate-button"
            aria-describedby="regenerate-warning"
            ?disabled=${this.busy}
            @click=${() => void this.manage?.proceed('regenerate-codes')}
          >
            ${t('regenerateRecoveryCodes')}
          </button>
          <p id="regenerate-warning" part="hint">${t('regenerateWarning')}</p>`,
        });
      case SetupScreen.trustedBrowsers:
        return later?.renderTrustedBrowsersScreen(context, {
          browsers: this.manage?.browsers ?? [],
          formatDate: (iso) => this.formatDate(iso),
          status: this.status,
          onRevoke: (browser) => void this.manage?.revokeBrowser(browser),
          onRevokeAll: () => void this.manage?.revokeBrowser(),
          onBack: () => this.go(SetupScreen.manage),
        });
      case SetupScreen.confirmDisable:
        return later?.renderConfirmDisableScreen(context, {
          onConfirm: () => void this.manage?.requireStepUp('disable'),
          onCancel: () => this.go(SetupScreen.manage),
        });
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
