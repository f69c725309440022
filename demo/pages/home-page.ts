import { html } from '../html.ts';

export function signedOutHome() {
  return html`<section class="hero" aria-labelledby="page-title">
    <h1 id="page-title">Care close to home</h1>
    <p class="lead">Book appointments, read your results and message your care team, all in one
      place.</p>
    <p class="actions">
      <a class="button" href="/sign-up">Create an account</a>
      <a class="button button-secondary" href="/sign-in">Sign in</a>
    </p>
  </section>
  <section aria-labelledby="services-title">
    <h2 id="services-title">Our services</h2>
    <ul class="cards">
      <li class="card"><h3>General practice</h3><p>Same-week appointments with your family doctor.</p></li>
      <li class="card"><h3>Lab results</h3><p>Your test results online as soon as they are ready.</p></li>
      <li class="card"><h3>Vaccinations</h3><p>Travel and seasonal vaccines, walk-in on Saturdays.</p></li>
    </ul>
  </section>`;
}

export function signedInHome(input: { name: string; twoFactorEnabled: boolean | undefined }) {
  const protection =
    input.twoFactorEnabled === undefined
      ? html`<p>We could not check your two-factor authentication just now.</p>`
      : input.twoFactorEnabled
        ? html`<p>Two-factor authentication is on. Your account asks for a code on new browsers.</p>`
        : html`<p>Two-factor authentication is off. Turn it on to keep your health records safe
            even if someone learns your password.</p>`;
  return html`<h1 id="page-title">Hello, ${input.name}</h1>
  <div class="grid-2">
    <section class="card" aria-labelledby="appointments-title">
      <h2 id="appointments-title">Your next appointment</h2>
      <p>No appointment booked. Call us on 01 23 45 67 89 to book one.</p>
    </section>
    <section class="card" aria-labelledby="protect-title">
      <h2 id="protect-title">Account security</h2>
      ${protection}
      <p><a class="button" href="/settings/security">Security settings</a></p>
    </section>
  </div>`;
}
