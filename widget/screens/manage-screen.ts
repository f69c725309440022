import { html } from 'lit';
import type { SessionView } from '../api-types.ts';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

export interface ManageScreenOptions {
  twoFactor: SessionView['twoFactor'];
  enabledOn: string;
  onChangePhone: () => void;
  onRecoveryCodes: () => void;
  onTrustedBrowsers: () => void;
  onDisable: () => void;
}

/** Two-factor on: the phone, recovery codes, trusted browsers, and the way out. */
export function renderManageScreen(context: ScreenContext, options: ManageScreenOptions) {
  const { t } = context;
  const { twoFactor } = options;
  return screen(context, 'manage', t('manageHeading'), [
    html`<p part="text status-text">
      ${t('manageOn', { phone: twoFactor.maskedPhone ?? '' })}
      ${options.enabledOn ? t('manageSince', { date: options.enabledOn }) : ''}
    </p>`,
    alertRegion(context),
    html`<div part="section phone-section">
      ${button(context, 'secondary', 'change-phone', t('changePhone'), options.onChangePhone)}
    </div>`,
    html`<div part="section recovery-section">
      <h3 part="subheading" aria-level=${context.headingLevel + 1}>${t('recoveryCodes')}</h3>
      ${paragraph(t('recoveryRemaining', { count: twoFactor.recoveryCodesRemaining }), 'hint')}
      ${button(
        context,
        'secondary',
        'recovery-codes',
        twoFactor.recoveryCodesViewable ? t('viewRecoveryCodes') : t('regenerateRecoveryCodes'),
        options.onRecoveryCodes,
      )}
    </div>`,
    html`<div part="section browsers-section">
      <h3 part="subheading" aria-level=${context.headingLevel + 1}>${t('trustedBrowsers')}</h3>
      ${button(context, 'secondary', 'trusted-browsers', t('trustedBrowsers'), options.onTrustedBrowsers)}
    </div>`,
    html`<div part="section disable-section">
      ${button(context, 'danger', 'disable', t('disable'), options.onDisable)}
    </div>`,
  ]);
}
