import { html } from '../html.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords.ts';
import { formError, textField } from './form-parts.ts';
import { privacySummary } from './privacy-page.ts';
import { challengeElement } from './two-factor-elements.ts';

const steps = ['Email', 'Confirm email', 'Privacy', 'Your details'] as const;

/** "Step 2 of 4" as text and as an ordered list, the current step marked for assistive tech. */
function progress(current: number) {
  return html`<ol class="steps" aria-label="Sign-up progress">
    ${steps.map(
      (label, index) =>
        html`<li ${index === current ? html`aria-current="step" class="current"` : ''}>${label}</li>`,
    )}
  </ol>`;
}

export function emailStep(input: { email?: string; error?: string }) {
  return html`<section class="card narrow" aria-labelledby="page-title">
    ${progress(0)}
    <h1 id="page-title">Create your account</h1>
    <p>We will email you a code to confirm that the address is yours.</p>
    <form method="post" action="/sign-up" class="stack">
      ${formError(input.error)}
      ${textField({ name: 'email', label: 'Email address', type: 'email', value: input.email ?? '', autocomplete: 'email', invalid: Boolean(input.error) })}
      <button type="submit" class="button">Send me a code</button>
    </form>
    <p>Already a patient? <a href="/sign-in">Sign in</a>.</p>
  </section>`;
}

export function verifyStep(input: {
  email: string;
  server: string;
  token: string;
  error?: string;
}) {
  return html`<section class="card narrow" aria-labelledby="page-title">
    ${progress(1)}
    <h1 id="page-title">Create your account</h1>
    ${formError(input.error)}
    ${challengeElement({ server: input.server, token: input.token, purpose: 'verify-email', resultAction: '/sign-up/verify' })}
    <p>Not <strong>${input.email}</strong>? <a href="/sign-up">Use another address</a></p>
  </section>`;
}

export function privacyStep(input: { error?: string }) {
  return html`<section class="card narrow" aria-labelledby="page-title">
    ${progress(2)}
    <h1 id="page-title">Our privacy policy</h1>
    ${privacySummary()}
    <form method="post" action="/sign-up/privacy" class="stack">
      ${formError(input.error)}
      <div class="checkbox">
        <input type="checkbox" id="field-accept" name="accept" value="yes" required
          ${input.error ? html`aria-invalid="true" aria-describedby="form-error"` : ''}>
        <label for="field-accept">I have read and accept the <a href="/privacy" target="_blank">privacy policy</a> (opens in a new tab).</label>
      </div>
      <button type="submit" class="button">Continue</button>
    </form>
  </section>`;
}

export function detailsStep(input: { email: string; name?: string; error?: string }) {
  return html`<section class="card narrow" aria-labelledby="page-title">
    ${progress(3)}
    <h1 id="page-title">Your details</h1>
    <p>Your account will use <strong>${input.email}</strong>.</p>
    <form method="post" action="/sign-up/details" class="stack">
      ${formError(input.error)}
      ${textField({ name: 'name', label: 'Full name', value: input.name ?? '', autocomplete: 'name', maxlength: 100 })}
      ${textField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN_LENGTH} characters.`, minlength: PASSWORD_MIN_LENGTH, maxlength: PASSWORD_MAX_LENGTH })}
      ${textField({ name: 'confirm', label: 'Password again', type: 'password', autocomplete: 'new-password', minlength: PASSWORD_MIN_LENGTH, maxlength: PASSWORD_MAX_LENGTH })}
      <button type="submit" class="button">Create my account</button>
    </form>
  </section>`;
}

/** Shown only after the address was proved, so it tells nothing to someone who does not own it. */
export function alreadyRegistered(input: { email: string }) {
  return html`<section class="card narrow" aria-labelledby="page-title">
    <h1 id="page-title">You already have an account</h1>
    <p>There is already an account for <strong>${input.email}</strong>. Sign in with it instead.</p>
    <p><a class="button" href="/sign-in">Sign in</a></p>
  </section>`;
}
