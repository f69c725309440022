import {
  type CodeSent,
  type Method,
  methodsOf,
  type RecoveryCodeList,
  type StepUpVerified,
  type TrustedBrowser,
} from '../api-types.ts';
import { emit } from '../events.ts';
import type { ScreenContext } from '../screens/screen-context.ts';
import { SetupScreen } from '../setup-screen.ts';
import { AuthenticatorAppJourney } from './authenticator-app-journey.ts';
import {
  type ManageScreen,
  removeMethod,
  renderManageScreens,
  switchPreferred,
} from './manage-screens.ts';
import type { SetupFlow } from './setup-flow.ts';

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

  constructor(readonly flow: SetupFlow) {
    this.app = new AuthenticatorAppJourney(flow);
  }

  /** The screens of this chunk: settings, method choice, the app, the step-up by the app. */
  render(screen: ManageScreen, context: ScreenContext) {
    return renderManageScreens(this, screen, context);
  }

  /**
   * The methods a step-up may use: the user's that the site allows, or all of them when it allows
   * none (as the server decides, so that a change of policy locks no one out).
   */
  get stepUpMethods(): Method[] {
    const session = this.flow.session;
    const own = session ? methodsOf(session.twoFactor) : [];
    const allowed = own.filter((method) => session?.allowedMethods?.includes(method) ?? true);
    return allowed.length ? allowed : own;
  }

  /** The app when it is the only allowed method, or preferred. */
  private stepUpByApp() {
    const methods = this.stepUpMethods;
    return (
      methods.includes('totp') &&
      (!methods.includes('sms') || this.flow.session?.twoFactor.preferredMethod === 'totp')
    );
  }

  private stepUpHolds() {
    const until = this.flow.session?.stepUpValidUntil;
    return (
      until !== null && until !== undefined && Date.parse(until) - Date.now() > STEP_UP_MARGIN_MS
    );
  }

  async requireStepUp(intent: Intent): Promise<void> {
    this.intent = intent;
    this.smsSent = false;
    if (this.stepUpHolds()) return this.proceed(intent);
    // No text message when the app is asked first, or the phone is not allowed (or not there).
    if (this.stepUpByApp()) return this.flow.show(SetupScreen.stepUpApp);
    return this.stepUpBySms();
  }

  /** The step-up by a code sent to the phone. */
  async stepUpBySms(): Promise<void> {
    const { flow } = this;
    const sent = await flow.run(
      () => flow.api.post<CodeSent>('/step-up'),
      () => this.stepUpBySms(),
    );
    if (!sent) return;
    this.smsSent = true;
    flow.codeSent(sent);
    flow.show(SetupScreen.stepUp);
  }

  resendStepUp(): Promise<void> {
    return this.flow.resendFrom('/step-up', () => this.resendStepUp());
  }

  async verifyStepUp(
    proof: { code: string; method?: Method } | { recoveryCode: string },
  ): Promise<void> {
    const { flow } = this;
    const answer = await flow.run(
      () => flow.api.post<StepUpVerified>('/step-up/verify', proof),
      () => this.verifyStepUp(proof),
    );
    if (!answer) return 'code' in proof ? flow.codeRejected() : undefined;
    const session = flow.session;
    if (session) flow.session = { ...session, stepUpValidUntil: answer.validUntil };
    const intent = this.intent ?? 'change-phone';
    if (answer.newRecoveryCodes) {
      emit(flow.host, 'tfa-recovery-codes-regenerated', {
        count: answer.newRecoveryCodes.length,
      });
      return flow.showNewCodes(answer.newRecoveryCodes, () => void this.proceed(intent));
    }
    await this.proceed(intent);
  }

  /** From the recovery code back to the code it replaced: the text message sent, or the app. */
  backToCode() {
    this.flow.show(this.smsSent ? SetupScreen.stepUp : SetupScreen.stepUpApp);
  }

  /** A step-up that lapsed while the user was busy: ask for it again. */
  stepUpLapsed(intent: Intent) {
    if (this.flow.lastErrorCode !== 'step_up_required') return;
    const session = this.flow.session;
    if (session) this.flow.session = { ...session, stepUpValidUntil: null };
    void this.requireStepUp(intent);
  }

  async proceed(intent: Intent): Promise<void> {
    const { flow } = this;
    switch (intent) {
      case 'change-phone':
      case 'add-phone':
        return flow.changePhone();
      case 'add-app':
        if (!(await this.app.start())) this.stepUpLapsed(intent);
        return;
      case 'remove-phone':
      case 'remove-app':
        return removeMethod(this, intent === 'remove-app' ? 'totp' : 'sms');
      case 'view-codes': {
        const list = await flow.run(
          () => flow.api.get<RecoveryCodeList>('/recovery-codes'),
          () => this.proceed(intent),
        );
        if (!list) return this.stepUpLapsed(intent);
        this.codeList = list.codes;
        this.copied = false;
        return flow.show(SetupScreen.viewRecoveryCodes);
      }
      case 'regenerate-codes': {
        const list = await flow.run(
          () => flow.api.post<RecoveryCodeList>('/recovery-codes'),
          () => this.proceed(intent),
        );
        if (!list) return this.stepUpLapsed(intent);
        emit(flow.host, 'tfa-recovery-codes-regenerated', { count: list.codes.length });
        await flow.reloadSession();
        return flow.showNewCodes(
          list.codes.map((entry) => entry.code),
          () => flow.show(SetupScreen.manage),
        );
      }
      case 'disable': {
        const done = await flow.run(
          async () => {
            await flow.api.delete('/two-factor');
            return true;
          },
          () => this.proceed(intent),
        );
        if (!done) return this.stepUpLapsed(intent);
        emit(flow.host, 'tfa-disabled', {});
        await flow.reloadSession();
        return flow.show(SetupScreen.disabled);
      }
      default:
        throw new Error(`Unknown intent: ${intent satisfies never}`);
    }
  }

  /** Counts the trusted browsers for the settings row, quietly: the row says nothing until then. */
  async countBrowsers(): Promise<void> {
    const list = await this.flow.api
      .get<{ browsers: TrustedBrowser[] }>('/trusted-browsers')
      .catch(() => undefined);
    if (!list) return;
    this.browsers = list.browsers;
    this.flow.host.requestUpdate();
  }

  switchPreferred() {
    return switchPreferred(this);
  }

  async showBrowsers(status = ''): Promise<void> {
    const { flow } = this;
    const list = await flow.run(
      () => flow.api.get<{ browsers: TrustedBrowser[] }>('/trusted-browsers'),
      () => this.showBrowsers(status),
    );
    if (!list) return;
    this.browsers = list.browsers;
    if (flow.screen !== SetupScreen.trustedBrowsers) flow.show(SetupScreen.trustedBrowsers);
    flow.status = status;
  }

  async revokeBrowser(browser?: TrustedBrowser): Promise<void> {
    const { flow } = this;
    const path = browser
      ? `/trusted-browsers/${encodeURIComponent(browser.id)}`
      : '/trusted-browsers';
    const done = await flow.run(
      async () => {
        await flow.api.delete(path);
        return true;
      },
      () => this.revokeBrowser(browser),
    );
    if (!done) return;
    await this.showBrowsers(browser ? flow.t('browserRevoked', { label: browser.label }) : '');
  }
}
