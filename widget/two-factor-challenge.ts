import { ChallengeScreen } from './challenge-screen.ts';
import { ChallengeFlow } from './controllers/challenge-flow.ts';
import { define } from './define.ts';
import { TwoFactorElement } from './two-factor-element.ts';

export { ChallengeScreen };

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
  protected override readonly flow: ChallengeFlow = new ChallengeFlow(this);
}

define('two-factor-challenge', TwoFactorChallenge);

declare global {
  interface HTMLElementTagNameMap {
    'two-factor-challenge': TwoFactorChallenge;
  }
}
