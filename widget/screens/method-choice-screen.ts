import { html } from 'lit';
import type { Method } from '../api-types.ts';
import { methodName } from './manage-screen.ts';
import { alertRegion, button, type ScreenContext, screen } from './screen-context.ts';

/** Text message or authenticator app, where the site allows both: each with what it means. */
export function renderMethodChoiceScreen(
  context: ScreenContext,
  onChoose: (method: Method) => void,
  onCancel: () => void,
) {
  const { t } = context;
  const choice = (method: Method, name: string, hint: string) =>
    html`<button
      type="button"
      part="button secondary-button method-button ${name}-method-button"
      ?disabled=${context.busy}
      @click=${() => onChoose(method)}
    >
      ${methodName(t, method)}
      <span part="hint method-hint">${hint}</span>
    </button>`;
  return screen(context, 'method-choice', t('methodChoiceHeading'), [
    alertRegion(context),
    html`<div part="methods-choice">
      ${choice('sms', 'sms', t('smsMethodHint'))} ${choice('totp', 'app', t('appMethodHint'))}
    </div>`,
    html`<div part="actions secondary-actions">
      ${button(context, 'link', 'cancel', t('cancel'), onCancel)}
    </div>`,
  ]);
}
