import { html, nothing } from 'lit';
import type { Translate } from '../i18n/catalogue.ts';

/** "Trust this browser for N days", or nothing when the site turned trust off (0 days). */
export function renderTrustBrowserOption(
  t: Translate,
  days: number,
  checked: boolean,
  onChange: (checked: boolean) => void,
) {
  if (days <= 0) return nothing;
  return html`<label part="checkbox-label trust-label">
    <input
      type="checkbox"
      part="checkbox trust-checkbox"
      .checked=${checked}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
    />
    ${t('trustBrowser', { days })}
  </label>`;
}
