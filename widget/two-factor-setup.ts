import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type {
  CodeSent,
  RecoveryCodeList,
  SessionView,
  StepUpVerified,
  TrustedBrowser,
} from './api-types.ts';
import { CountdownController } from './controllers/countdown-controller.ts';
import { impossibleScreen } from './controllers/flow-controller.ts';
import { TfaCodeField } from './controls/code-field.ts';
import { define } from './define.ts';
import { emit } from './events.ts';
import { countryOfLocale } from './phone/countries.ts';
import { renderCodeScreen } from './screens/code-screen.ts';
import { renderCommonScreen } from './screens/common-screens.ts';
import { renderConfirmDisableScreen } from './screens/confirm-disable-screen.ts';
import { renderIntroScreen } from './screens/intro-screen.ts';
import { renderManageScreen } from './screens/manage-screen.ts';
import { renderMessageScreen } from './screens/message-screen.ts';
import { renderPhoneScreen } from './screens/phone-screen.ts';
import { renderRecoveryCodeEntryScreen } from './screens/recovery-code-entry-screen.ts';
import { renderRecoveryCodesScreen } from './screens/recovery-codes-screen.ts';
import type { ScreenContext } from './screens/screen-context.ts';
import { renderTrustedBrowsersScreen } from './screens/trusted-browsers-screen.ts';
import { TwoFactorElement } from './two-factor-element.ts';

export const SetupScreen = {
  intro: 'intro',
  phone: 'phone',
  code: 'code',
  newRecoveryCodes: 'new-recovery-codes',
  done: 'done',
  manage: 'manage',
  stepUp: 'step-up',
  stepUpRecovery: 'step-up-recovery',
  viewRecoveryCodes: 'view-recovery-codes',
  trustedBrowsers: 'trusted-browsers',
  confirmDisable: 'confirm-disable',
  disabled: 'disabled',
  phoneChanged: 'phone-changed',
} as const;
export type SetupScreen = (typeof SetupScreen)[keyof typeof SetupScreen];

/** What a step-up unlocks. */
type Intent = 'change-phone' | 'view-codes' | 'regenerate-codes' | 'disable';

/** Step-up must still hold this long when an action starts, or it is asked again first. */
const STEP_UP_MARGIN_MS = 30_000;

/**
 * @summary Turns SMS two-factor authentication on for the signed-in user, then manages it.
 *
 * @fires tfa-enabled - Two-factor is on: `{maskedPhone}`.
 * @fires tfa-disabled - Two-factor is off.
 * @fires tfa-phone-changed - A verified new number replaced the old one: `{maskedPhone}`.
 * @fires tfa-recovery-codes-regenerated - A new set replaced the old one: `{count}`.
 * @fires tfa-step-change - The screen changed: `{from, to}`.
 * @fires tfa-error - A request failed: `{code, message}`.
 * @fires tfa-session-expired - The widget session expired.
 *
 * @csspart base - The element's box.
 * @csspart screen - Each screen; also `<name>-screen`, e.g. `phone-screen`, `manage-screen`.
 * @csspart heading - The screen's heading.
 */
export class TwoFactorSetup extends TwoFactorElement<SetupScreen> {
  @state() private accessor sent: CodeSent | undefined;
  @state() private accessor newCodes: string[] = [];
  @state() private accessor codeList: RecoveryCodeList['codes'] = [];
  @state() private accessor browsers: TrustedBrowser[] = [];
  @state() private accessor saved = false;
  @state() private accessor copied = false;
  @state() private accessor status = '';
  private changingPhone = false;
  private intent: Intent | undefined;
  /** Where to go once a new set of codes is saved. */
  private afterNewCodes: () => void = () => this.flow.go(SetupScreen.done);
  private readonly resend = new CountdownController(this);

  protected override async begin(session: SessionView) {
    this.flow.go(session.twoFactor.enabled ? SetupScreen.manage : SetupScreen.intro);
  }

  private async reloadSession(): Promise<SessionView | undefined> {
    const session = await this.run(() => this.api.get<SessionView>('/session'));
    if (session) this.session = session;
    return session;
  }

  private go(screen: SetupScreen) {
    this.error = '';
    this.retry = undefined;
    this.status = '';
    this.flow.go(screen);
  }

  // --- turning on, and changing the phone ---

  private async sendCode(phone: { country: string; number: string }): Promise<void> {
    if (!phone.number) {
      this.error = this.t('error.required_phone');
      return;
    }
    const sent = await this.run(
      () => this.api.post<CodeSent>('/phone', phone),
      () => this.sendCode(phone),
    );
    if (!sent) return this.stepUpLapsed('change-phone');
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
    if (!answer) return this.codeRejected();
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

  private codeRejected() {
    const field = this.renderRoot.querySelector('tfa-code-field');
    if (field instanceof TfaCodeField) {
      field.clear();
      field.focus();
    }
  }

  private showNewCodes(codes: string[], then: () => void) {
    this.newCodes = codes;
    this.saved = false;
    this.copied = false;
    this.afterNewCodes = then;
    this.go(SetupScreen.newRecoveryCodes);
  }

  // --- step-up before sensitive changes ---

  private stepUpHolds() {
    const until = this.session?.stepUpValidUntil;
    return (
      until !== null && until !== undefined && Date.parse(until) - Date.now() > STEP_UP_MARGIN_MS
    );
  }

  private async requireStepUp(intent: Intent): Promise<void> {
    this.intent = intent;
    if (this.stepUpHolds()) return this.proceed(intent);
    const sent = await this.run(
      () => this.api.post<CodeSent>('/step-up'),
      () => this.requireStepUp(intent),
    );
    if (!sent) return;
    this.codeSent(sent);
    this.go(SetupScreen.stepUp);
  }

  private async resendStepUp(): Promise<void> {
    const sent = await this.run(
      () => this.api.post<CodeSent>('/step-up'),
      () => this.resendStepUp(),
    );
    if (!sent) return;
    this.codeSent(sent);
    this.status = this.t('codeResent');
  }

  private async verifyStepUp(proof: { code: string } | { recoveryCode: string }): Promise<void> {
    const answer = await this.run(
      () => this.api.post<StepUpVerified>('/step-up/verify', proof),
      () => this.verifyStepUp(proof),
    );
    if (!answer) return 'code' in proof ? this.codeRejected() : undefined;
    if (this.session) this.session = { ...this.session, stepUpValidUntil: answer.validUntil };
    const intent = this.intent ?? 'change-phone';
    if (answer.newRecoveryCodes) {
      emit(this, 'tfa-recovery-codes-regenerated', { count: answer.newRecoveryCodes.length });
      return this.showNewCodes(answer.newRecoveryCodes, () => void this.proceed(intent));
    }
    await this.proceed(intent);
  }

  /** A step-up that lapsed while the user was busy: ask for it again. */
  private stepUpLapsed(intent: Intent) {
    if (this.lastErrorCode !== 'step_up_required') return;
    if (this.session) this.session = { ...this.session, stepUpValidUntil: null };
    void this.requireStepUp(intent);
  }

  private async proceed(intent: Intent): Promise<void> {
    switch (intent) {
      case 'change-phone':
        this.changingPhone = true;
        return this.go(SetupScreen.phone);
      case 'view-codes': {
        const list = await this.run(
          () => this.api.get<RecoveryCodeList>('/recovery-codes'),
          () => this.proceed(intent),
        );
        if (!list) return this.stepUpLapsed(intent);
        this.codeList = list.codes;
        return this.go(SetupScreen.viewRecoveryCodes);
      }
      case 'regenerate-codes': {
        const list = await this.run(
          () => this.api.post<RecoveryCodeList>('/recovery-codes'),
          () => this.proceed(intent),
        );
        if (!list) return this.stepUpLapsed(intent);
        emit(this, 'tfa-recovery-codes-regenerated', { count: list.codes.length });
        await this.reloadSession();
        return this.showNewCodes(
          list.codes.map((entry) => entry.code),
          () => this.go(SetupScreen.manage),
        );
      }
      case 'disable': {
        const done = await this.run(
          async () => {
            await this.api.delete('/two-factor');
            return true;
          },
          () => this.proceed(intent),
        );
        if (!done) return this.stepUpLapsed(intent);
        emit(this, 'tfa-disabled', {});
        await this.reloadSession();
        return this.go(SetupScreen.disabled);
      }
      default:
        return impossibleScreen(intent);
    }
  }

  // --- trusted browsers ---

  private async showBrowsers(status = ''): Promise<void> {
    const list = await this.run(
      () => this.api.get<{ browsers: TrustedBrowser[] }>('/trusted-browsers'),
      () => this.showBrowsers(status),
    );
    if (!list) return;
    this.browsers = list.browsers;
    if (this.flow.screen !== SetupScreen.trustedBrowsers) this.go(SetupScreen.trustedBrowsers);
    this.status = status;
  }

  private async revokeBrowser(browser?: TrustedBrowser): Promise<void> {
    const path = browser
      ? `/trusted-browsers/${encodeURIComponent(browser.id)}`
      : '/trusted-browsers';
    const done = await this.run(
      async () => {
        await this.api.delete(path);
        return true;
      },
      () => this.revokeBrowser(browser),
    );
    if (!done) return;
    await this.showBrowsers(browser ? this.t('browserRevoked', { label: browser.label }) : '');
  }

  // --- rendering ---

  private get context(): ScreenContext {
    return { t: this.t, busy: this.busy, error: this.error, retry: this.retry };
  }

  private pickerCountry() {
    return (
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

  override render() {
    return html`<div part="base" lang=${this.language} aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.renderScreen()}
    </div>`;
  }

  private renderScreen() {
    const context = this.context;
    const { t } = context;
    const screen = this.flow.screen;
    const session = this.session;
    switch (screen) {
      case 'loading':
      case 'expired':
      case 'locked':
      case 'unavailable':
        return renderCommonScreen(context, screen, {
          waitUntil: this.waitUntil ? this.formatTime(this.waitUntil) : '',
          onRetry: () => void this.start(),
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
          onSubmit: (phone) => void this.sendCode(phone),
          onCancel: this.changingPhone
            ? () => {
                this.changingPhone = false;
                this.go(SetupScreen.manage);
              }
            : undefined,
        });
      case SetupScreen.code:
        return renderCodeScreen(context, {
          name: 'code',
          heading: t('codeHeading'),
          sentTo: t('codeSentTo', { destination: this.sent?.maskedPhone ?? '' }),
          codeLength: this.sent?.codeLength ?? 6,
          webOtp: true,
          resendCountdown: this.resend,
          status: this.status,
          onSubmit: (code) => void this.verifyPhone(code),
          onResend: () => void this.resendPhoneCode(),
          links: html`<button
            type="button"
            part="button link-button change-number-button"
            @click=${() => this.go(SetupScreen.phone)}
          >
            ${t('changeNumber')}
          </button>`,
        });
      case SetupScreen.newRecoveryCodes:
        return renderRecoveryCodesScreen(context, {
          name: 'recovery-codes',
          heading: t('recoveryHeading'),
          codes: this.newCodes.map((code) => ({ code, used: false })),
          siteName: session?.tenant.name ?? '',
          gate: true,
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
          continueLabel: t('continue'),
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
        return renderManageScreen(context, {
          twoFactor: session.twoFactor,
          enabledOn: session.twoFactor.enabledAt
            ? this.formatDate(session.twoFactor.enabledAt)
            : '',
          onChangePhone: () => void this.requireStepUp('change-phone'),
          onRecoveryCodes: () =>
            void this.requireStepUp(
              session.twoFactor.recoveryCodesViewable ? 'view-codes' : 'regenerate-codes',
            ),
          onTrustedBrowsers: () => void this.showBrowsers(),
          onDisable: () => this.go(SetupScreen.confirmDisable),
        });
      case SetupScreen.stepUp:
        return renderCodeScreen(context, {
          name: 'step-up',
          heading: t('stepUpHeading'),
          sentTo: t('stepUpText', { phone: this.sent?.maskedPhone ?? '' }),
          codeLength: this.sent?.codeLength ?? 6,
          webOtp: true,
          resendCountdown: this.resend,
          status: this.status,
          onSubmit: (code) => void this.verifyStepUp({ code }),
          onResend: () => void this.resendStepUp(),
          links: html`<button
            type="button"
            part="button link-button use-recovery-code-button"
            @click=${() => this.go(SetupScreen.stepUpRecovery)}
          >
            ${t('useRecoveryCode')}
          </button>`,
        });
      case SetupScreen.stepUpRecovery:
        return renderRecoveryCodeEntryScreen(context, {
          name: 'step-up-recovery',
          heading: t('stepUpHeading'),
          onSubmit: (recoveryCode) => void this.verifyStepUp({ recoveryCode }),
          onUseCode: () => this.go(SetupScreen.stepUp),
        });
      case SetupScreen.viewRecoveryCodes:
        return renderRecoveryCodesScreen(context, {
          name: 'view-recovery-codes',
          heading: t('viewCodesHeading'),
          codes: this.codeList,
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
            @click=${() => void this.proceed('regenerate-codes')}
          >
            ${t('regenerateRecoveryCodes')}
          </button>
          <p id="regenerate-warning" part="hint">${t('regenerateWarning')}</p>`,
        });
      case SetupScreen.trustedBrowsers:
        return renderTrustedBrowsersScreen(context, {
          browsers: this.browsers,
          formatDate: (iso) => this.formatDate(iso),
          status: this.status,
          onRevoke: (browser) => void this.revokeBrowser(browser),
          onRevokeAll: () => void this.revokeBrowser(),
          onBack: () => this.go(SetupScreen.manage),
        });
      case SetupScreen.confirmDisable:
        return renderConfirmDisableScreen(context, {
          onConfirm: () => void this.requireStepUp('disable'),
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
