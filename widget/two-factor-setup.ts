import { SetupFlow } from './controllers/setup-flow.ts';
import { define } from './define.ts';
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
  protected override readonly flow: SetupFlow = new SetupFlow(this);
}

define('two-factor-setup', TwoFactorSetup);

declare global {
  interface HTMLElementTagNameMap {
    'two-factor-setup': TwoFactorSetup;
  }
}
