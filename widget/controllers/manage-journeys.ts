import type { ApiClient } from '../api-client.ts';
import {
  type CodeSent,
  type Method,
  methodsOf,
  type RecoveryCodeList,
  type SessionView,
  type StepUpVerified,
  type TrustedBrowser,
} from '../api-types.ts';
import { emit } from '../events.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { ScreenContext } from '../screens/screen-context.ts';
import { SetupScreen } from '../setup-screen.ts';
import { AuthenticatorAppJourney } from './authenticator-app-journey.ts';
import type { CountdownController } from './countdown-controller.ts';
import { impossibleScreen } from './flow-controller.ts';
import { removeMethod, renderManageScreens, switchPreferred } from './manage-screens.ts';

/** What a step-up unlocks. */
export type Intent =
  | 'change-phone'
  | 'add-phone'
  | 'remove-phone'
  | 'add-app'
  | 'remove-app'
  | 'view-codes'
  | 'regenerate-codes'
  | 'disable';

/** Step-up must still hold this long when an action starts, or it is asked again first. */
const STEP_UP_MARGIN_MS = 30_000;

/** What the journeys need from `<two-factor-setup>`, which keeps its request handling protected. */
export interface ManageHost {
  readonly element: HTMLElement & { requestUpdate(): void };
  run<T>(action: () => Promise<T>, again: () => unknown): Promise<T | undefined>;
  api(): ApiClient;
  t(): Translate;
  session(): SessionView | undefined;
  setSession(session: SessionView): void;
  reloadSession(): Promise<SessionView | undefined>;
  lastErrorCode(): string;
  screen(): string;
  go(screen: SetupScreen): void;
  setStatus(status: string): void;
  codeSent(sent: CodeSent): void;
  codeRejected(): void;
  showNewCodes(codes: string[], then: () => void): void;
  changePhone(): void;
  formatDate(iso: string): string;
  /** The status line of the current screen ("Removed: Text message."). */
  status(): string;
  /** The last code sent by text, and the wait before another. */
  sent(): CodeSent | undefined;
  readonly resend: CountdownController;
}

/**
 * Managing two-factor once it is on: step-up before a sensitive change, then the change (phone,
 * recovery codes, disable), and the trusted browsers.
 */
export class ManageJourneys {
  /** The recovery codes shown after a step-up, used ones included. */
  codeList: RecoveryCodeList['codes'] = [];
  browsers: TrustedBrowser[] | undefined;
  /** Whether the viewed recovery codes were copied. */
  copied = false;
  readonly app: AuthenticatorAppJourney;
  private intent: Intent | undefined;
  /** Whether this step-up sent a text message, to go back to from the recovery code. */
  smsSent = false;

  constructor(readonly host: ManageHost) {
    this.app = new AuthenticatorAppJourney(host);
  }

  /** The screens of this chunk: settings, method choice, the app, the step-up by the app. */
  render(screen: SetupScreen, context: ScreenContext) {
    return renderManageScreens(this, screen, context);
  }

  /** The user's methods, and the step-up's first: the app when it is asked first or alone. */
  get methods(): Method[] {
    const twoFactor = this.host.session()?.twoFactor;
    return twoFactor ? methodsOf(twoFactor) : [];
  }

  private stepUpByApp() {
    const twoFactor = this.host.session()?.twoFactor;
    const methods = this.methods;
    return (
      methods.includes('totp') &&
      (!methods.includes('sms') || twoFactor?.preferredMethod === 'totp')
    );
  }

  private stepUpHolds() {
    const until = this.host.session()?.stepUpValidUntil;
    return (
      until !== null && until !== undefined && Date.parse(until) - Date.now() > STEP_UP_MARGIN_MS
    );
  }

  async requireStepUp(intent: Intent): Promise<void> {
    this.intent = intent;
    this.smsSent = false;
    if (this.stepUpHolds()) return this.proceed(intent);
    // No text message for a user who has the app and asks for it first, or has no phone.
    if (this.stepUpByApp()) return this.host.go(SetupScreen.stepUpApp);
    return this.stepUpBySms();
  }

  /** The step-up by a code sent to the phone. */
  async stepUpBySms(): Promise<void> {
    const host = this.host;
    const sent = await host.run(
      () => host.api().post<CodeSent>('/step-up'),
      () => this.stepUpBySms(),
    );
    if (!sent) return;
    this.smsSent = true;
    host.codeSent(sent);
    host.go(SetupScreen.stepUp);
  }

  async resendStepUp(): Promise<void> {
    const host = this.host;
    const sent = await host.run(
      () => host.api().post<CodeSent>('/step-up'),
      () => this.resendStepUp(),
    );
    if (!sent) return;
    host.codeSent(sent);
    host.setStatus(host.t()('codeResent'));
  }

  async verifyStepUp(
    proof: { code: string; method?: Method } | { recoveryCode: string },
  ): Promise<void> {
    const host = this.host;
    const answer = await host.run(
      () => host.api().post<StepUpVerified>('/step-up/verify', proof),
      () => this.verifyStepUp(proof),
    );
    if (!answer) return 'code' in proof ? host.codeRejected() : undefined;
    const session = host.session();
    if (session) host.setSession({ ...session, stepUpValidUntil: answer.validUntil });
    const intent = this.intent ?? 'change-phone';
    if (answer.newRecoveryCodes) {
      emit(host.element, 'tfa-recovery-codes-regenerated', {
        count: answer.newRecoveryCodes.length,
      });
      return host.showNewCodes(answer.newRecoveryCodes, () => void this.proceed(intent));
    }
    await this.proceed(intent);
  }

  /** From the recovery code back to the code it replaced: the text message sent, or the app. */
  backToCode() {
    this.host.go(this.smsSent ? SetupScreen.stepUp : SetupScreen.stepUpApp);
  }

  /** A step-up that lapsed while the user was busy: ask for it again. */
  stepUpLapsed(intent: Intent) {
    if (this.host.lastErrorCode() !== 'step_up_required') return;
    const session = this.host.session();
    if (session) this.host.setSession({ ...session, stepUpValidUntil: null });
    void this.requireStepUp(intent);
  }

  async proceed(intent: Intent): Promise<void> {
    const host = this.host;
    switch (intent) {
      case 'change-phone':
      case 'add-phone':
        return host.changePhone();
      case 'add-app':
        if (!(await this.app.start())) this.stepUpLapsed(intent);
        return;
      case 'remove-phone':
      case 'remove-app':
        return removeMethod(this, intent === 'remove-app' ? 'totp' : 'sms');
      case 'view-codes': {
        const list = await host.run(
          () => host.api().get<RecoveryCodeList>('/recovery-codes'),
          () => this.proceed(intent),
        );
        if (!list) return this.stepUpLapsed(intent);
        this.codeList = list.codes;
        this.copied = false;
        return host.go(SetupScreen.viewRecoveryCodes);
      }
      case 'regenerate-codes': {
        const list = await host.run(
          () => host.api().post<RecoveryCodeList>('/recovery-codes'),
          () => this.proceed(intent),
        );
        if (!list) return this.stepUpLapsed(intent);
        emit(host.element, 'tfa-recovery-codes-regenerated', { count: list.codes.length });
        await host.reloadSession();
        return host.showNewCodes(
          list.codes.map((entry) => entry.code),
          () => host.go(SetupScreen.manage),
        );
      }
      case 'disable': {
        const done = await host.run(
          async () => {
            await host.api().delete('/two-factor');
            return true;
          },
          () => this.proceed(intent),
        );
        if (!done) return this.stepUpLapsed(intent);
        emit(host.element, 'tfa-disabled', {});
        await host.reloadSession();
        return host.go(SetupScreen.disabled);
      }
      default:
        return impossibleScreen(intent);
    }
  }

  /** Counts the trusted browsers for the settings row, quietly: the row says nothing until then. */
  async countBrowsers(): Promise<void> {
    const list = await this.host
      .api()
      .get<{ browsers: TrustedBrowser[] }>('/trusted-browsers')
      .catch(() => undefined);
    if (!list) return;
    this.browsers = list.browsers;
    this.host.element.requestUpdate();
  }

  switchPreferred() {
    return switchPreferred(this);
  }

  async showBrowsers(status = ''): Promise<void> {
    const host = this.host;
    const list = await host.run(
      () => host.api().get<{ browsers: TrustedBrowser[] }>('/trusted-browsers'),
      () => this.showBrowsers(status),
    );
    if (!list) return;
    this.browsers = list.browsers;
    if (host.screen() !== SetupScreen.trustedBrowsers) host.go(SetupScreen.trustedBrowsers);
    host.setStatus(status);
    host.element.requestUpdate();
  }

  async revokeBrowser(browser?: TrustedBrowser): Promise<void> {
    const host = this.host;
    const path = browser
      ? `/trusted-browsers/${encodeURIComponent(browser.id)}`
      : '/trusted-browsers';
    const done = await host.run(
      async () => {
        await host.api().delete(path);
        return true;
      },
      () => this.revokeBrowser(browser),
    );
    if (!done) return;
    await this.showBrowsers(browser ? host.t()('browserRevoked', { label: browser.label }) : '');
  }
}
