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

// The page's words that hold only while two-factor is on follow the element, with no reload.
for (const element of document.querySelectorAll('two-factor-setup')) {
  for (const [type, on] of [
    ['tfa-enabled', true],
    ['tfa-disabled', false],
  ]) {
    element.addEventListener(type, () => {
      for (const words of document.querySelectorAll('[data-while-two-factor-on]')) {
        words.hidden = !on;
      }
    });
  }
}

// Errors are shown by the element itself; they are logged here for whoever reads the console.
document.addEventListener('tfa-error', (event) => {
  console.warn('two-factor element error:', event.detail?.code);
});
