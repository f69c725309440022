import { html } from 'lit';
import type { TotpEnrolment } from '../api-types.ts';
import { renderAppCodeForm } from './app-code-form.ts';
import { type QrDrawing, renderQrCode } from './qr-code.ts';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

export interface AuthenticatorAppScreenOptions {
  enrolment: TotpEnrolment;
  qrCode: QrDrawing;
  copied: boolean;
  onCopied: () => void;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}

/** `JBSWY3DPEHPK3PXP…` → `['JBSW', 'Y3DP', …]`: easier to read out and to type. */
export function keyGroups(secret: string) {
  return secret.match(/.{1,4}/g) ?? [];
}

/**
 * Adding an authenticator app: the QR code to scan, the key to type where scanning is not
 * possible (with Copy), the `otpauth://` link for the app on this phone, then its first code.
 */
export function renderAuthenticatorAppScreen(
  context: ScreenContext,
  options: AuthenticatorAppScreenOptions,
) {
  const { t } = context;
  const { enrolment } = options;
  const copy = async () => {
    await navigator.clipboard.writeText(enrolment.secret);
    options.onCopied();
  };
  return screen(context, 'authenticator-app', t('appHeading'), [
    // Focus starts on the heading: the code field comes after the QR code and the key.
    html`<div data-read-first>${paragraph(t('appScanText'))}</div>`,
    renderQrCode(options.qrCode, t('appQrLabel')),
    paragraph(t('appKeyText')),
    html`<div part="app-key">
      <code part="totp-key" translate="no"
        >${keyGroups(enrolment.secret).map(
          (group) => html`<span part="key-group">${group}</span> `,
        )}</code
      >
      ${button(context, 'secondary', 'copy-key', options.copied ? t('copied') : t('copy'), () => {
        copy().catch(() => {});
      })}
    </div>`,
    html`<a part="open-app-link" href=${enrolment.otpauthUri}>${t('openInApp')}</a>`,
    paragraph(t('appCodeText')),
    renderAppCodeForm(context, {
      name: 'authenticator-app',
      codeLength: enrolment.digits,
      onSubmit: options.onSubmit,
    }),
    context.retry ? alertRegion(context) : html``,
    html`<div part="actions secondary-actions">
      ${button(context, 'link', 'cancel', t('cancel'), options.onCancel)}
    </div>`,
  ]);
}
