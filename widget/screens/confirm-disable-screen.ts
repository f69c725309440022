import { html } from 'lit';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

/** "Disable two-factor authentication?" with "Yes, disable" and a way back. */
export function renderConfirmDisableScreen(
  context: ScreenContext,
  { onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void },
) {
  const { t } = context;
  return screen(context, 'confirm-disable', t('disableHeading'), [
    paragraph(t('disableText')),
    alertRegion(context),
    html`<div part="actions">
      ${button(context, 'danger', 'confirm-disable', t('disableConfirm'), onConfirm)}
      ${button(context, 'secondary', 'cancel', t('cancel'), onCancel)}
    </div>`,
  ]);
}
