import { html } from '../html.ts';

export function privacySummary() {
  return html`<div class="policy">
    <p>The demo clinic keeps your name, email address and a hash of your password to run your
      account. Our two-factor service keeps your mobile number, encrypted, to send you sign-in
      codes, and a record of security events on your account.</p>
    <p>We never sell your data, and we use it only to provide your care and keep your account
      safe. You can ask us to erase your account at any time.</p>
  </div>`;
}

export function privacyPage() {
  return html`<article class="card" aria-labelledby="page-title">
    <h1 id="page-title">Privacy policy</h1>
    ${privacySummary()}
    <h2>Two-factor authentication</h2>
    <p>When you turn on two-factor authentication, a code is sent by text message to your phone
      each time you sign in on a browser you have not chosen to trust. Your recovery codes let you
      in if you lose your phone; keep them somewhere safe.</p>
  </article>`;
}
