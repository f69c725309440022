import { html } from '../html.ts';

const fallback = (server: string) =>
  html`<p class="element-fallback">Loading the verification step… If nothing appears, the
    two-factor service at <code>${server}</code> may be down, or scripts may be turned off.</p>`;

/**
 * `<two-factor-challenge>` and the hidden form its `tfa-verified` result is posted through
 * (demo.js fills `resultToken` and submits): the backend redeems it before it grants anything.
 * `data-token-purpose` tells demo.js which fresh token to fetch when the session expires.
 */
export function challengeElement(input: {
  server: string;
  token: string;
  purpose: 'sign-in' | 'verify-email';
  resultAction: string;
}) {
  return html`<two-factor-challenge server="${input.server}" token="${input.token}" locale="en"
      data-token-purpose="${input.purpose}" data-result-form="two-factor-result">${fallback(input.server)}</two-factor-challenge>
    <form id="two-factor-result" method="post" action="${input.resultAction}" hidden>
      <input type="hidden" name="resultToken" value="">
    </form>`;
}

/**
 * `<two-factor-setup>`; demo.js gives it a `tokenProvider`. The element's screens say what changed;
 * demo.js updates only the page's own words that depend on it.
 */
export function setupElement(input: { server: string; token: string }) {
  return html`<two-factor-setup server="${input.server}" token="${input.token}" locale="en"
      data-token-purpose="setup">${fallback(input.server)}</two-factor-setup>`;
}
