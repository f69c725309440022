import { html, nothing, type TemplateResult } from 'lit';
import { renderAppCodeForm } from './app-code-form.ts';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

export interface AppCodeScreenOptions {
  /** The screen's own part: `app-code` (sign-in), `step-up-app`. */
  name: string;
  heading: string;
  codeLength: number;
  onSubmit: (code: string) => void;
  /** Below the field: "Trust this browser". */
  options?: TemplateResult | typeof nothing;
  /** Other ways out: "Use another method", "Use a recovery code instead". */
  links: TemplateResult | typeof nothing;
}

/** The code from the authenticator app: nothing was sent, so nothing to resend. */
export function renderAppCodeScreen(context: ScreenContext, options: AppCodeScreenOptions) {
  return screen(context, options.name, options.heading, [
    paragraph(context.t('stepUpAppText')),
    renderAppCodeForm(context, options),
    context.retry ? alertRegion(context) : nothing,
    html`<div part="actions secondary-actions">${options.links}</div>`,
  ]);
}

/**
 * The ways out under a second-factor code: "Use another method" when the user has one, and
 * "Use a recovery code instead".
 */
export function secondFactorLinks(
  context: ScreenContext,
  onOtherMethod: (() => void) | undefined,
  onRecoveryCode: () => void,
) {
  const { t } = context;
  return html`${
    onOtherMethod
      ? button(context, 'link', 'use-another-method', t('useAnotherMethod'), onOtherMethod)
      : nothing
  }
  ${button(context, 'link', 'use-recovery-code', t('useRecoveryCode'), onRecoveryCode)}`;
}
