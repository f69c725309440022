import { html } from '../html.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords.ts';
import type { UserStatus } from '../two-factor-client.ts';
import { formError, textField } from './form-parts.ts';
import { setupElement } from './two-factor-elements.ts';

/** The user's two-factor state as the partner API tells it; demo.js swaps in a fresh copy. */
export function statusSummary(status: UserStatus) {
  const { twoFactor } = status;
  return html`<dl class="status-list" id="two-factor-summary">
    <div><dt>Two-factor authentication</dt><dd>${twoFactor.enabled ? 'On' : 'Off'}</dd></div>
    ${
      twoFactor.enabled
        ? html`<div><dt>Phone</dt><dd>${twoFactor.phone?.masked ?? '—'}</dd></div>
          <div><dt>Authenticator app</dt><dd>${twoFactor.totp ? 'On' : '—'}</dd></div>
          <div><dt>Recovery codes left</dt><dd>${status.recoveryCodesRemaining}</dd></div>`
        : ''
    }
    <div><dt>Trusted browsers</dt><dd>${status.trustedBrowsers}</dd></div>
  </dl>`;
}

export function securityPage(input: {
  status: UserStatus;
  server: string;
  token: string;
  passwordError?: string;
}) {
  return html`<h1 id="page-title">Security settings</h1>
  <div class="grid-2">
    <section class="card" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-factor authentication</h2>
      <p>Ask for a code, by text message or from an authenticator app, when you sign in on a new browser.</p>
      ${statusSummary(input.status)}
      ${setupElement({ server: input.server, token: input.token })}
    </section>
    <div class="stack">
      <section class="card" aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <p>Changing your password signs you out everywhere and stops trusting your browsers.</p>
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
        <p>Ends every session of your account, on every device, and the next sign-in asks for a
          code again on every browser.</p>
        <form method="post" action="/settings/sign-out-everywhere">
          <button type="submit" class="button button-danger">Sign out everywhere</button>
        </form>
      </section>
    </div>
  </div>`;
}
