import { html } from '../html.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords.ts';
import { formError, textField } from './form-parts.ts';
import { setupElement } from './two-factor-elements.ts';

/**
 * A sentence that holds only while two-factor is on. `<two-factor-setup>` shows the state itself;
 * demo.js shows or hides these as it reports `tfa-enabled` and `tfa-disabled`.
 */
function whileTwoFactorOn(enabled: boolean, text: string) {
  return html`<span data-while-two-factor-on ${!enabled && html`hidden`}>${text}</span>`;
}

/** The card of two-factor is the element alone: its screens have their own heading and words. */
export function securityPage(input: {
  twoFactorEnabled: boolean;
  server: string;
  token: string;
  passwordError?: string;
}) {
  const on = input.twoFactorEnabled;
  return html`<h1 id="page-title">Security settings</h1>
  <div class="grid-2">
    <div class="card">
      ${setupElement({ server: input.server, token: input.token })}
    </div>
    <div class="stack">
      <section class="card" aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <p>Changing your password signs you out everywhere${whileTwoFactorOn(on, ' and stops trusting your browsers')}.</p>
        <form method="post" action="/settings/password" class="stack">
          ${formError(input.passwordError)}
          ${textField({ name: 'current', label: 'Current password', type: 'password', autocomplete: 'current-password', maxlength: PASSWORD_MAX_LENGTH })}
          ${textField({ name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN_LENGTH} characters.`, minlength: PASSWORD_MIN_LENGTH, maxlength: PASSWORD_MAX_LENGTH })}
          ${textField({ name: 'confirm', label: 'New password again', type: 'password', autocomplete: 'new-password', minlength: PASSWORD_MIN_LENGTH, maxlength: PASSWORD_MAX_LENGTH })}
          <button type="submit" class="button">Change password</button>
        </form>
      </section>
      <section class="card" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">Sign out everywhere</h2>
        <p>Ends every session of your account, on every device${whileTwoFactorOn(on, ', and the next sign-in asks for a code again on every browser')}.</p>
        <form method="post" action="/settings/sign-out-everywhere">
          <button type="submit" class="button button-danger">Sign out everywhere</button>
        </form>
      </section>
    </div>
  </div>`;
}
