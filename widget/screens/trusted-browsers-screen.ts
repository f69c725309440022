import { html } from 'lit';
import type { TrustedBrowser } from '../api-types.ts';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

export interface TrustedBrowsersScreenOptions {
  browsers: TrustedBrowser[];
  formatDate: (iso: string) => string;
  status: string;
  onRevoke: (browser: TrustedBrowser) => void;
  onRevokeAll: () => void;
  onBack: () => void;
}

/** Browsers that skip the code at sign-in, each revocable, or all at once. */
export function renderTrustedBrowsersScreen(
  context: ScreenContext,
  options: TrustedBrowsersScreenOptions,
) {
  const { t } = context;
  const { browsers } = options;
  return screen(context, 'trusted-browsers', t('browsersHeading'), [
    paragraph(t('browsersText')),
    browsers.length === 0
      ? paragraph(t('browsersEmpty'), 'text browsers-empty')
      : html`<ul part="list browser-list">
          ${browsers.map(
            (browser) => html`<li part="list-item browser">
              <span part="browser-label">
                ${browser.label}${browser.current ? html` · <strong>${t('thisBrowser')}</strong>` : ''}
              </span>
              <span part="hint browser-last-used">
                ${t('browserLastUsed', { date: options.formatDate(browser.lastUsedAt) })}
              </span>
              <button
                type="button"
                part="button link-button revoke-button"
                aria-label="${t('revoke')}: ${browser.label}"
                ?disabled=${context.busy}
                @click=${() => options.onRevoke(browser)}
              >
                ${t('revoke')}
              </button>
            </li>`,
          )}
        </ul>`,
    html`<p part="status" role="status">${options.status}</p>`,
    alertRegion(context),
    html`<div part="actions">
      ${browsers.length > 1 ? button(context, 'secondary', 'revoke-all', t('revokeAll'), options.onRevokeAll) : ''}
      ${button(context, 'primary', 'back', t('back'), options.onBack)}
    </div>`,
  ]);
}
