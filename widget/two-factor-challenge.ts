import { state } from 'lit/decorators.js';
import type { ChallengeAnswer, Method, SessionView } from './api-types.ts';
import { impossibleScreen } from './controllers/flow-controller.ts';
import { define } from './define.ts';
import { emit } from './events.ts';
import { renderCodeScreen } from './screens/code-screen.ts';
import { renderCommonScreen } from './screens/common-screens.ts';
import { renderMessageScreen } from './screens/message-screen.ts';
import { TwoFactorElement } from './two-factor-element.ts';

export const ChallengeScreen = {
  emailCode: 'email-code',
  smsCode: 'sms-code',
  appCode: 'app-code',
  recoveryCode: 'recovery-code',
  newRecoveryCodes: 'new-recovery-codes',
  verified: 'verified',
} as const;
export type ChallengeScreen = (typeof ChallengeScreen)[keyof typeof ChallengeScreen];

type Pending = Extract<ChallengeAnswer, { status: 'pending' }>;

/** A code that could not be sent: the step stays open, with its countdown and other ways out. */
const NOT_SENT = ['rate_limited', 'delivery_failed', 'unavailable', 'country_not_allowed'];
type Verified = Extract<ChallengeAnswer, { status: 'verified' }>;

/** How long "Signed in" shows before `tfa-verified`, so the user sees what happened. */
const VERIFIED_PAUSE_MS = 400;

/**
 * Parts and custom properties shared with `<two-factor-setup>` are documented on `TwoFactorElement`
 * and inherited by this element's manifest entry; those below are this element's own.
 *
 * @summary The sign-in step after the password (email passcode and/or SMS code, trusted
 * browsers, recovery codes), and the email check at sign-up (`purpose` of the session).
 *
 * @tagname two-factor-challenge
 *
 * @fires tfa-verified - Done: `{resultToken, via}`; send the token to your backend to redeem.
 * @fires tfa-step-change - The screen changed: `{from, to}`.
 * @fires tfa-error - A request failed: `{code, message}`.
 * @fires tfa-session-expired - The widget session expired.
 *
 * @csspart email-code-screen - The passcode sent by email (sign-in, or the email check at sign-up).
 * @csspart sms-code-screen - The code sent by SMS.
 * @csspart app-code-screen - The code from the authenticator app (nothing is sent).
 * @csspart use-another-method-button - "Use another method": the app instead of a text message, or back.
 * @csspart recovery-code-screen - A recovery code instead of the SMS code.
 * @csspart verified-screen - "Signed in" or "Email confirmed".
 * @csspart trust-label - "Trust this browser for 30 days" (hidden when the site turned trust off).
 * @csspart trust-checkbox - Its checkbox.
 */
export class TwoFactorChallenge extends TwoFactorElement<ChallengeScreen> {
  @state() private pending: Pending | undefined;
  @state() private verified: Verified | undefined;
  @state() private trust = false;
  @state() private saved = false;
  @state() private copied = false;
  @state() private status = '';
  private announced = false;

  protected override async begin(_session: SessionView) {
    const answer = await this.run(() => this.api.post<ChallengeAnswer>('/challenge'));
    if (answer) this.advance(answer);
    else await this.notSent();
    // The first code screen is in the first load; the other ways out follow it.
    this.later.load().catch(() => {});
  }

  protected override readonly firstLoadScreens: ReadonlySet<ChallengeScreen> = new Set([
    ChallengeScreen.emailCode,
    ChallengeScreen.smsCode,
    ChallengeScreen.verified,
  ]);

  private go(screen: ChallengeScreen) {
    this.status = '';
    this.moveTo(screen);
  }

  private advance(answer: ChallengeAnswer) {
    if (answer.status === 'verified') return this.finish(answer);
    this.pending = answer;
    if (answer.resendAt) this.resend.start(answer.resendAt);
    this.go(
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

  /** The second step's other method, when the user has one. */
  private otherMethod(): Method | undefined {
    const { pending } = this;
    const asked = pending?.step === 'totp' ? 'totp' : 'sms';
    return pending?.methods?.find((method) => method !== asked);
  }

  private finish(answer: Verified) {
    this.verified = answer;
    if (answer.newRecoveryCodes?.length) {
      this.saved = false;
      this.copied = false;
      return this.go(ChallengeScreen.newRecoveryCodes);
    }
    this.go(ChallengeScreen.verified);
    if (this.announced) return;
    this.announced = true;
    setTimeout(
      () => emit(this, 'tfa-verified', { resultToken: answer.resultToken, via: answer.via }),
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
    const session = await this.run(() =>
      this.api.get<SessionView>('/session', this.flow.newLoad()),
    );
    const progress = session?.challenge;
    const step = progress?.steps.find((candidate) => !progress.completedSteps.includes(candidate));
    if (step && step !== this.pending?.step) {
      this.pending = undefined;
      this.go(step === 'email' ? ChallengeScreen.emailCode : ChallengeScreen.smsCode);
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

  protected override renderScreen() {
    const context = this.context;
    const { t } = context;
    const screen = this.flow.screen;
    const later = this.later.module;
    const signUp = this.session?.purpose === 'verify-email';
    const other = this.otherMethod();
    const links = later?.secondFactorLinks(
      context,
      other && (() => void this.switchMethod(other)),
      () => this.go(ChallengeScreen.recoveryCode),
    );
    const trustOption = later?.renderTrustBrowserOption(
      t,
      this.session?.trustBrowserDays ?? 0,
      this.trust,
      (trust) => {
        this.trust = trust;
      },
    );
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
      case ChallengeScreen.emailCode:
        return renderCodeScreen(context, {
          name: 'email-code',
          heading: signUp ? t('verifyEmailHeading') : t('challengeEmailHeading'),
          sentTo: this.sentTo(),
          codeLength: this.pending?.codeLength ?? 6,
          webOtp: false,
          resendCountdown: this.resend,
          status: this.status,
          onSubmit: (code) => void this.verifyCode(code),
          onResend: () => void this.resendCode(),
        });
      case ChallengeScreen.smsCode:
        return renderCodeScreen(context, {
          name: 'sms-code',
          heading: t('challengeSmsHeading'),
          sentTo: this.sentTo(),
          codeLength: this.pending?.codeLength ?? 6,
          webOtp: true,
          resendCountdown: this.resend,
          status: this.status,
          onSubmit: (code) => void this.verifyCode(code),
          onResend: () => void this.resendCode(),
          options: trustOption,
          links,
        });
      case ChallengeScreen.appCode:
        if (!links) return undefined;
        return later?.renderAppCodeScreen(context, {
          name: 'app-code',
          heading: t('challengeAppHeading'),
          codeLength: this.pending?.codeLength ?? 6,
          onSubmit: (code) => void this.verifyCode(code),
          options: trustOption,
          links,
        });
      case ChallengeScreen.recoveryCode:
        return later?.renderRecoveryCodeEntryScreen(context, {
          name: 'recovery-code',
          heading: t('recoveryHeadingChallenge'),
          onSubmit: (recoveryCode) => void this.verifyRecoveryCode(recoveryCode),
          onUseCode: () =>
            this.go(
              this.pending?.step === 'totp' ? ChallengeScreen.appCode : ChallengeScreen.smsCode,
            ),
          useCodeLabel: this.pending?.step === 'totp' ? t('useAppInstead') : undefined,
          options: trustOption,
        });
      case ChallengeScreen.newRecoveryCodes:
        return later?.renderNewRecoveryCodesScreen(context, {
          codes: this.verified?.newRecoveryCodes ?? [],
          lastCodeUsed: true,
          siteName: this.session?.tenant.name ?? '',
          saved: this.saved,
          copied: this.copied,
          onSavedChange: (saved) => {
            this.saved = saved;
          },
          onCopied: () => {
            this.copied = true;
          },
          onContinue: () => {
            if (this.verified) this.finish({ ...this.verified, newRecoveryCodes: [] });
          },
        });
      case ChallengeScreen.verified:
        return renderMessageScreen(context, {
          name: 'verified',
          heading: signUp ? t('emailConfirmedHeading') : t('signedInHeading'),
        });
      default:
        return impossibleScreen(screen);
    }
  }
}

define('two-factor-challenge', TwoFactorChallenge);

declare global {
  interface HTMLElementTagNameMap {
    'two-factor-challenge': TwoFactorChallenge;
  }
}
