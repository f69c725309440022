import type { CodeSent, SessionView } from '../api-types.ts';
import { emit } from '../events.ts';
import { countryOfMaskedPhone } from '../phone/countries.ts';
import { renderIntroScreen } from '../screens/intro-screen.ts';
import { renderMessageScreen } from '../screens/message-screen.ts';
import { renderPhoneScreen } from '../screens/phone-screen.ts';
import { button, type ScreenContext } from '../screens/screen-context.ts';
import { SetupScreen } from '../setup-screen.ts';
import { type CommonScreen, ElementFlow, type ScreenRender } from './element-flow.ts';
import { redraws } from './flow-controller.ts';
import type { ManageJourneys } from './manage-journeys.ts';
import type { ManageScreen } from './manage-screens.ts';

/**
 * Turning two-factor on in `<two-factor-setup>` (the phone and its code, or the app), then
 * managing it: the journeys of the later chunk draw the management screens.
 */
export class SetupFlow extends ElementFlow<SetupScreen> {
  /** The last code sent by text, and the wait before another. */
  @redraws sent: CodeSent | undefined;
  @redraws private newCodes: string[] = [];
  /** The status line of the current screen ("Removed: Text message."). */
  @redraws status = '';
  private changingPhone = false;
  /** Where to go once a new set of codes is saved. */
  private afterNewCodes: () => void = () => this.show(SetupScreen.done);
  private journeys: ManageJourneys | undefined;

  protected override readonly firstLoadScreens: ReadonlySet<SetupScreen> = new Set([
    SetupScreen.intro,
    SetupScreen.phone,
    SetupScreen.done,
    SetupScreen.disabled,
    SetupScreen.phoneChanged,
  ]);

  /** The screens of the management journeys, drawn by the later chunk. */
  private readonly managed = (screen: ManageScreen) => (context: ScreenContext) =>
    this.manage?.render(screen, context);

  protected override readonly screens: Record<SetupScreen | CommonScreen, ScreenRender> = {
    ...this.commonScreens(),
    intro: (context) => renderIntroScreen(context, () => void this.turnOn()),
    phone: (context) =>
      renderPhoneScreen(context, {
        heading: this.changingPhone ? context.t('changePhoneHeading') : context.t('phoneHeading'),
        locale: this.language,
        country: this.pickerCountry(),
        countries: this.offeredCountries(),
        preferred: this.host.preferredCountries,
        wait: this.resend,
        onSubmit: (phone) => void this.sendCode(phone),
        onCancel: this.changingPhone
          ? () => {
              this.changingPhone = false;
              this.show(SetupScreen.manage);
            }
          : undefined,
      }),
    code: (context) =>
      this.later.module?.renderCodeScreen(context, {
        name: 'code',
        heading: context.t('codeHeading'),
        sentTo: context.t('codeSentTo', { destination: this.sent?.maskedPhone ?? '' }),
        codeLength: this.sent?.codeLength ?? 6,
        webOtp: true,
        resendCountdown: this.resend,
        status: this.status,
        onSubmit: (code) => void this.verifyPhone(code),
        onResend: () => void this.resendPhoneCode(),
        // The resend wait is the number's: a corrected number is sent at once.
        links: button(context, 'link', 'change-number', context.t('changeNumber'), () => {
          this.resend.end();
          this.show(SetupScreen.phone);
        }),
      }),
    'new-recovery-codes': (context) =>
      this.later.module?.renderNewRecoveryCodesScreen(
        context,
        this.newCodesOptions(this.newCodes, () => {
          this.newCodes = [];
          this.afterNewCodes();
        }),
      ),
    done: (context) =>
      renderMessageScreen(context, {
        name: 'done',
        heading: context.t('doneHeading'),
        text: this.session?.twoFactor.maskedPhone
          ? context.t('doneText', { phone: this.session.twoFactor.maskedPhone })
          : context.t('appDoneText'),
        action: this.doneAction(context, SetupScreen.manage),
      }),
    manage: this.managed(SetupScreen.manage),
    'method-choice': this.managed(SetupScreen.methodChoice),
    'authenticator-app': this.managed(SetupScreen.authenticatorApp),
    'step-up': this.managed(SetupScreen.stepUp),
    'step-up-app': this.managed(SetupScreen.stepUpApp),
    'step-up-recovery': this.managed(SetupScreen.stepUpRecovery),
    'view-recovery-codes': this.managed(SetupScreen.viewRecoveryCodes),
    'trusted-browsers': this.managed(SetupScreen.trustedBrowsers),
    'confirm-disable': this.managed(SetupScreen.confirmDisable),
    disabled: (context) =>
      renderMessageScreen(context, {
        name: 'disabled',
        heading: context.t('disabledHeading'),
        text: context.t('disabledText'),
        action: this.doneAction(context, SetupScreen.intro),
      }),
    'phone-changed': (context) =>
      renderMessageScreen(context, {
        name: 'phone-changed',
        heading: context.t('phoneChangedHeading'),
        text: context.t('phoneChangedText', { phone: this.session?.twoFactor.maskedPhone ?? '' }),
        action: this.doneAction(context, SetupScreen.manage),
      }),
  };

  /** Managing two-factor, from the later screens' chunk: there whenever a management screen is. */
  private get manage(): ManageJourneys | undefined {
    const later = this.later.module;
    this.journeys ??= later && new later.ManageJourneys(this);
    return this.journeys;
  }

  /** A new number, after the step-up: the phone screen, with the current number's country. */
  changePhone() {
    // The step-up code's wait is not the new number's.
    this.resend.start(new Date(0));
    this.changingPhone = true;
    this.show(SetupScreen.phone);
  }

  protected override async begin(session: SessionView) {
    this.show(session.twoFactor.enabled ? SetupScreen.manage : SetupScreen.intro);
  }

  private doneAction(context: ScreenContext, next: SetupScreen) {
    return { name: 'done', label: context.t('done'), onClick: () => this.show(next) };
  }

  /** "Turn on": the choice where the site allows both methods, else the one it allows. */
  private async turnOn() {
    const allowed = this.session?.allowedMethods ?? ['sms'];
    if (!allowed.includes('totp')) return this.show(SetupScreen.phone);
    if (allowed.includes('sms')) return this.show(SetupScreen.methodChoice);
    await this.later.load();
    await this.manage?.app.start();
  }

  show(screen: SetupScreen) {
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
    this.show(SetupScreen.code);
  }

  codeSent(sent: CodeSent) {
    this.sent = sent;
    this.resend.start(sent.resendAt);
  }

  private resendPhoneCode(): Promise<void> {
    return this.resendFrom('/phone/resend', () => this.resendPhoneCode());
  }

  /** Asks `path` for a new text message; the countdown and the status line follow its answer. */
  async resendFrom(path: string, again: () => unknown): Promise<void> {
    const sent = await this.run(() => this.api.post<CodeSent>(path), again);
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
      this.show(SetupScreen.manage);
      this.status = this.t('methodAdded', { method: this.t('smsMethod') });
      emit(this.host, 'tfa-method-added', { method: 'sms' });
      return;
    }
    const maskedPhone = session?.twoFactor.maskedPhone ?? this.sent?.maskedPhone ?? '';
    if (answer.phoneChanged) {
      this.changingPhone = false;
      emit(this.host, 'tfa-phone-changed', { maskedPhone });
      return this.show(SetupScreen.phoneChanged);
    }
    emit(this.host, 'tfa-enabled', { maskedPhone, method: 'sms' });
    this.showNewCodes(answer.recoveryCodes ?? [], () => this.show(SetupScreen.done));
  }

  showNewCodes(codes: string[], then: () => void) {
    this.newCodes = codes;
    this.freshCodes();
    this.afterNewCodes = then;
    this.show(SetupScreen.newRecoveryCodes);
  }

  private pickerCountry() {
    // A new number is most likely in the same country as the one it replaces.
    const current = this.changingPhone
      ? countryOfMaskedPhone(this.session?.twoFactor.maskedPhone)
      : undefined;
    return current || this.host.defaultCountry.toUpperCase() || this.session?.defaultCountry || '';
  }

  private offeredCountries() {
    const allowed = this.session?.allowedCountries ?? [];
    const countries = this.host.countries;
    if (countries.length === 0) return allowed;
    return allowed.length === 0 ? countries : countries.filter((c) => allowed.includes(c));
  }
}
