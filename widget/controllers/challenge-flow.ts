import type { ChallengeAnswer, Method, SessionView } from '../api-types.ts';
import { ChallengeScreen } from '../challenge-screen.ts';
import { emit } from '../events.ts';
import { renderCodeScreen } from '../screens/code-screen.ts';
import { renderMessageScreen } from '../screens/message-screen.ts';
import type { ScreenContext } from '../screens/screen-context.ts';
import { ElementFlow } from './element-flow.ts';
import { redraws } from './flow-controller.ts';

type Pending = Extract<ChallengeAnswer, { status: 'pending' }>;
type Verified = Extract<ChallengeAnswer, { status: 'verified' }>;

/** A code that could not be sent: the step stays open, with its countdown and other ways out. */
const NOT_SENT = ['rate_limited', 'delivery_failed', 'unavailable', 'country_not_allowed'];

/** How long "Signed in" shows before `tfa-verified`, so the user sees what happened. */
const VERIFIED_PAUSE_MS = 400;

/**
 * The sign-in step of `<two-factor-challenge>` (and the email check at sign-up): the code asked
 * for, the other ways out (another method, a recovery code), and the answer it ends with.
 */
export class ChallengeFlow extends ElementFlow<ChallengeScreen> {
  @redraws private pending: Pending | undefined;
  @redraws private verified: Verified | undefined;
  @redraws private trust = false;
  @redraws private status = '';
  private announced = false;

  protected override readonly firstLoadScreens: ReadonlySet<ChallengeScreen> = new Set([
    ChallengeScreen.emailCode,
    ChallengeScreen.smsCode,
    ChallengeScreen.verified,
  ]);

  protected override readonly screens = {
    ...this.commonScreens(),
    'email-code': (context: ScreenContext) =>
      renderCodeScreen(context, {
        name: 'email-code',
        heading: this.signUp()
          ? context.t('verifyEmailHeading')
          : context.t('challengeEmailHeading'),
        sentTo: this.sentTo(),
        codeLength: this.pending?.codeLength ?? 6,
        webOtp: false,
        resendCountdown: this.resend,
        status: this.status,
        onSubmit: (code) => void this.verifyCode(code),
        onResend: () => void this.resendCode(),
      }),
    'sms-code': (context: ScreenContext) =>
      renderCodeScreen(context, {
        name: 'sms-code',
        heading: context.t('challengeSmsHeading'),
        sentTo: this.sentTo(),
        codeLength: this.pending?.codeLength ?? 6,
        webOtp: true,
        resendCountdown: this.resend,
        status: this.status,
        onSubmit: (code) => void this.verifyCode(code),
        onResend: () => void this.resendCode(),
        options: this.trustOption(context),
        links: this.links(context),
      }),
    'app-code': (context: ScreenContext) => {
      const links = this.links(context);
      return (
        links &&
        this.later.module?.renderAppCodeScreen(context, {
          name: 'app-code',
          heading: context.t('challengeAppHeading'),
          codeLength: this.pending?.codeLength ?? 6,
          onSubmit: (code) => void this.verifyCode(code),
          options: this.trustOption(context),
          links,
        })
      );
    },
    'recovery-code': (context: ScreenContext) => {
      const app = this.pending?.step === 'totp';
      return this.later.module?.renderRecoveryCodeEntryScreen(context, {
        name: 'recovery-code',
        heading: context.t('recoveryHeadingChallenge'),
        onSubmit: (recoveryCode) => void this.verifyRecoveryCode(recoveryCode),
        onUseCode: () => this.show(app ? ChallengeScreen.appCode : ChallengeScreen.smsCode),
        useCodeLabel: app ? context.t('useAppInstead') : undefined,
        options: this.trustOption(context),
      });
    },
    'new-recovery-codes': (context: ScreenContext) =>
      this.later.module?.renderNewRecoveryCodesScreen(
        context,
        this.newCodesOptions(
          this.verified?.newRecoveryCodes ?? [],
          () => {
            if (this.verified) this.finish({ ...this.verified, newRecoveryCodes: [] });
          },
          true,
        ),
      ),
    verified: (context: ScreenContext) =>
      renderMessageScreen(context, {
        name: 'verified',
        heading: this.signUp() ? context.t('emailConfirmedHeading') : context.t('signedInHeading'),
      }),
  };

  protected override async begin(_session: SessionView) {
    const answer = await this.run(() => this.api.post<ChallengeAnswer>('/challenge'));
    if (answer) this.advance(answer);
    else await this.notSent();
    // The first code screen is in the first load; the other ways out follow it.
    this.later.load().catch(() => {});
  }

  private signUp() {
    return this.session?.purpose === 'verify-email';
  }

  private show(screen: ChallengeScreen) {
    this.status = '';
    this.moveTo(screen);
  }

  private advance(answer: ChallengeAnswer) {
    if (answer.status === 'verified') return this.finish(answer);
    this.pending = answer;
    if (answer.resendAt) this.resend.start(answer.resendAt);
    this.show(
      answer.step === 'email'
        ? ChallengeScreen.emailCode
        : answer.step === 'totp'
          ? ChallengeScreen.appCode
          : ChallengeScreen.smsCode,
    );
  }

  /** "Use another method": the app instead of a text message, or the other way round. */
  private async switchMethod(method: Method): Promise<void> {
    const answer = await this.run(
      () => this.api.post<Pending>('/challenge/method', { method }),
      () => this.switchMethod(method),
    );
    if (answer) this.advance(answer);
  }

  /** The second step's other ways out: another method the user has, and a recovery code. */
  private links(context: ScreenContext) {
    const { pending } = this;
    const asked = pending?.step === 'totp' ? 'totp' : 'sms';
    const other = pending?.methods?.find((method) => method !== asked);
    return this.later.module?.secondFactorLinks(
      context,
      other && (() => void this.switchMethod(other)),
      () => this.show(ChallengeScreen.recoveryCode),
    );
  }

  private trustOption(context: ScreenContext) {
    return this.later.module?.renderTrustBrowserOption(
      context.t,
      this.session?.trustBrowserDays ?? 0,
      this.trust,
      (trust) => {
        this.trust = trust;
      },
    );
  }

  private finish(answer: Verified) {
    this.verified = answer;
    if (answer.newRecoveryCodes?.length) {
      this.freshCodes();
      return this.show(ChallengeScreen.newRecoveryCodes);
    }
    this.show(ChallengeScreen.verified);
    if (this.announced) return;
    this.announced = true;
    setTimeout(
      () => emit(this.host, 'tfa-verified', { resultToken: answer.resultToken, via: answer.via }),
      VERIFIED_PAUSE_MS,
    );
  }

  private trustAsked() {
    return this.trust && (this.session?.trustBrowserDays ?? 0) > 0;
  }

  private async verifyCode(code: string): Promise<void> {
    const sms = this.pending?.step === 'sms' || this.pending?.step === 'totp';
    const answer = await this.run(
      () =>
        this.api.post<ChallengeAnswer>('/challenge/verify', {
          code,
          ...(sms && this.trustAsked() ? { trustBrowser: true } : {}),
        }),
      () => this.verifyCode(code),
    );
    if (answer) return this.advance(answer);
    // A second submit of a code that passed: the other answer moves on, or the session says where.
    if (this.lastErrorCode === 'already_verified') {
      this.error = '';
      if (!this.verified) await this.start();
      return;
    }
    await this.notSent();
    await this.codeRejected();
  }

  /**
   * When a code could not be sent (a send limit, the provider), the step it was for: after a right
   * email code, the SMS step, whose recovery-code way out then works.
   */
  private async notSent() {
    const { error, lastErrorCode } = this;
    if (!NOT_SENT.includes(lastErrorCode)) return;
    const session = await this.run(() => this.api.get<SessionView>('/session', this.newLoad()));
    const progress = session?.challenge;
    const step = progress?.steps.find((candidate) => !progress.completedSteps.includes(candidate));
    if (step && step !== this.pending?.step) {
      this.pending = undefined;
      this.show(step === 'email' ? ChallengeScreen.emailCode : ChallengeScreen.smsCode);
    }
    this.error = error;
  }

  private async verifyRecoveryCode(recoveryCode: string): Promise<void> {
    if (!recoveryCode) {
      this.error = this.t('error.required_code');
      return;
    }
    const answer = await this.run(
      () =>
        this.api.post<Verified>('/challenge/recovery', {
          recoveryCode,
          ...(this.trustAsked() ? { trustBrowser: true } : {}),
        }),
      () => this.verifyRecoveryCode(recoveryCode),
    );
    if (answer) this.finish(answer);
  }

  private async resendCode(): Promise<void> {
    const answer = await this.run(
      () => this.api.post<Pending>('/challenge/resend'),
      () => this.resendCode(),
    );
    if (!answer) return;
    this.pending = answer;
    if (answer.resendAt) this.resend.start(answer.resendAt);
    this.status = this.t('codeResent');
  }

  /** Where the code went, or that none could be sent; on the email step, what comes next. */
  private sentTo() {
    const { t, pending } = this;
    const sent = pending
      ? t('codeSentTo', { destination: pending.maskedDestination ?? '' })
      : t('codeNotSent');
    const smsNext = pending?.step === 'email' && this.session?.challenge?.steps.includes('sms');
    return smsNext ? `${sent} ${t('smsStepNext')}` : sent;
  }
}
