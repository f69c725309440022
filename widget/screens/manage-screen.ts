import { html, nothing, type TemplateResult } from 'lit';
import { type Method, methodsOf, type SessionView } from '../api-types.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

/** What a row of the settings list can start. */
export type ManageAction =
  | 'change-phone'
  | 'add-phone'
  | 'remove-phone'
  | 'add-app'
  | 'remove-app'
  | 'switch-preferred'
  | 'recovery-codes'
  | 'trusted-browsers'
  | 'disable';

export interface ManageScreenOptions {
  twoFactor: SessionView['twoFactor'];
  /** The methods the site allows: a missing one of these gets "Add". */
  allowedMethods: Method[];
  /** When two-factor was turned on, and the app added, as the page's language writes dates. */
  enabledOn: string;
  appAddedOn: string;
  /** How many browsers skip the code, once known. */
  trustedBrowsers: number | undefined;
  /** "Removed: Text message." after a change. */
  status: string;
  on: (action: ManageAction) => void;
}

export function methodName(t: Translate, method: Method) {
  return method === 'sms' ? t('smsMethod') : t('appMethod');
}

/**
 * Two-factor on, as a settings list: each method and fact on a row with its actions at the end
 * (the phone, the app, which is asked first, recovery codes, trusted browsers), then the way out,
 * quiet, at the bottom.
 */
export function renderManageScreen(context: ScreenContext, options: ManageScreenOptions) {
  const { t, headingLevel } = context;
  const { twoFactor, on } = options;
  const methods = methodsOf(twoFactor);
  const action = (name: ManageAction, label: string, row: string) =>
    html`<button
      type="button"
      part="button link-button ${name}-button"
      aria-describedby="${row}-label"
      ?disabled=${context.busy}
      @click=${() => on(name)}
    >
      ${label}
    </button>`;
  const subheading = (text: string) =>
    html`<h3 part="heading subheading" aria-level=${headingLevel + 1}>${text}</h3>`;
  const rows: TemplateResult[] = [];
  const phoneOn = methods.includes('sms');
  const appOn = methods.includes('totp');
  if (phoneOn || options.allowedMethods.includes('sms'))
    rows.push(
      row(
        'phone',
        t('smsMethod'),
        phoneOn
          ? html`<span part="masked-phone" dir="ltr">${twoFactor.maskedPhone ?? ''}</span>`
          : t('notSetUp'),
        phoneOn
          ? [
              action('change-phone', t('change'), 'phone'),
              appOn ? action('remove-phone', t('remove'), 'phone') : nothing,
            ]
          : action('add-phone', t('add'), 'phone'),
      ),
    );
  if (appOn || options.allowedMethods.includes('totp'))
    rows.push(
      row(
        'app',
        t('appMethod'),
        appOn
          ? options.appAddedOn
            ? t('appAddedOn', { date: options.appAddedOn })
            : ''
          : t('notSetUp'),
        appOn
          ? phoneOn
            ? action('remove-app', t('remove'), 'app')
            : nothing
          : action('add-app', t('add'), 'app'),
      ),
    );
  if (phoneOn && appOn)
    rows.push(
      row(
        'preferred',
        t('askedFirst'),
        methodName(t, twoFactor.preferredMethod ?? 'sms'),
        action('switch-preferred', t('change'), 'preferred'),
      ),
    );
  const browsers = options.trustedBrowsers;
  return screen(context, 'manage', t('manageHeading'), [
    options.enabledOn
      ? paragraph(t('manageOnSince', { date: options.enabledOn }), 'text status-text')
      : nothing,
    html`<p part="status" role="status">${options.status}</p>`,
    alertRegion(context),
    subheading(t('methodsHeading')),
    html`<ul part="settings">
      ${rows}
    </ul>`,
    subheading(t('moreHeading')),
    html`<ul part="settings">
      ${row(
        'recovery',
        t('recoveryCodes'),
        t('recoveryLeft', { count: twoFactor.recoveryCodesRemaining }),
        action(
          'recovery-codes',
          twoFactor.recoveryCodesViewable ? t('view') : t('replace'),
          'recovery',
        ),
      )}
      ${row(
        'browsers',
        t('trustedBrowsers'),
        browsers === undefined ? '' : t('browsersCount', { count: browsers }),
        action('trusted-browsers', t('manageBrowsers'), 'browsers'),
      )}
    </ul>`,
    html`<div part="danger-zone">
      ${button(context, 'danger', 'disable', t('disable'), () => on('disable'))}
    </div>`,
  ]);
}

function row(name: string, label: string, value: unknown, actions: unknown) {
  return html`<li part="setting ${name}-setting">
    <span part="setting-text">
      <span part="setting-label" id="${name}-label">${label}</span>
      ${value ? html`<span part="setting-value">${value}</span>` : nothing}
    </span>
    <span part="setting-actions">${actions}</span>
  </li>`;
}
