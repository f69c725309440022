import { html } from '../html.ts';
import { PASSWORD_MAX_LENGTH } from '../passwords.ts';
import { formError, notice, textField } from './form-parts.ts';
import { challengeElement } from './two-factor-elements.ts';

export function signInForm(input: { email?: string; error?: string; notice?: string }) {
  return html`<section class="card narrow" aria-labelledby="page-title">
    <h1 id="page-title">Sign in</h1>
    ${notice(input.notice)}
    <form method="post" action="/sign-in" class="stack">
      ${formError(input.error)}
      ${textField({ name: 'email', label: 'Email address', type: 'email', value: input.email ?? '', autocomplete: 'username', invalid: Boolean(input.error) })}
      ${textField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', maxlength: PASSWORD_MAX_LENGTH, invalid: Boolean(input.error) })}
      <button type="submit" class="button">Sign in</button>
    </form>
    <p>New here? <a href="/sign-up">Create an account</a>.</p>
  </section>`;
}

export function twoFactorStep(input: { server: string; token: string; error?: string }) {
  return html`<section class="card narrow" aria-labelledby="page-title">
    <h1 id="page-title">Confirm it is you</h1>
    ${formError(input.error)}
    <p>Two-factor authentication is on for your account.</p>
    ${challengeElement({ server: input.server, token: input.token, purpose: 'sign-in', resultAction: '/sign-in/verify' })}
    <form method="post" action="/sign-out" class="inline-form">
      <button type="submit" class="button-link">Cancel and sign out</button>
    </form>
  </section>`;
}
