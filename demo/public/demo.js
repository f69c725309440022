// The demo clinic's only script. Everything else works without it; the elements need it to hand
// their results to the backend and to renew an expired widget session.

// A form error is read out first: focus moves to it when the page loads.
document.querySelector('[data-focus-on-load]')?.focus();

/** Asks the demo backend (same origin, session cookie) for a fresh widget session token. */
async function freshToken(purpose) {
  const response = await fetch('/api/widget-token', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ purpose }),
  });
  if (!response.ok) throw new Error(`widget token: HTTP ${response.status}`);
  return (await response.json()).token;
}

for (const name of ['two-factor-challenge', 'two-factor-setup']) {
  customElements.whenDefined(name).then(() => {
    for (const element of document.querySelectorAll(`${name}[data-token-purpose]`)) {
      element.tokenProvider = () => freshToken(element.dataset.tokenPurpose);
    }
  });
}

// A verified challenge: post its result token to the backend, which redeems it server-side.
for (const element of document.querySelectorAll('two-factor-challenge[data-result-form]')) {
  element.addEventListener('tfa-verified', (event) => {
    const form = document.getElementById(element.dataset.resultForm);
    if (!form) return;
    form.elements.resultToken.value = event.detail.resultToken;
    form.submit();
  });
}

// Changes made in <two-factor-setup> are announced, and the summary above it is fetched again, so
// it never contradicts the element.
const announcements = {
  'tfa-enabled': 'Two-factor authentication is now on.',
  'tfa-disabled': 'Two-factor authentication is now off.',
  'tfa-phone-changed': 'Your phone number is changed.',
  'tfa-method-added': 'A sign-in method was added.',
  'tfa-method-removed': 'A sign-in method was removed.',
  'tfa-recovery-codes-regenerated': '',
};
const status = document.getElementById('two-factor-status');

async function refreshSummary() {
  const summary = document.getElementById('two-factor-summary');
  const response = await fetch('/settings/security/summary', { credentials: 'same-origin' });
  if (summary && response.ok) summary.outerHTML = await response.text();
}

for (const element of document.querySelectorAll('two-factor-setup')) {
  for (const [type, text] of Object.entries(announcements)) {
    element.addEventListener(type, () => {
      if (status && text) status.textContent = text;
      refreshSummary().catch(() => {});
    });
  }
  // Trusted browsers stopped on the element's list show when it goes back to the settings.
  element.addEventListener('tfa-step-change', (event) => {
    if (event.detail.from === 'trusted-browsers') refreshSummary().catch(() => {});
  });
}

// Errors are shown by the element itself; they are logged here for whoever reads the console.
document.addEventListener('tfa-error', (event) => {
  console.warn('two-factor element error:', event.detail?.code);
});
