import { html, nothing, type TemplateResult } from 'lit';
import {
  alertRegion,
  button,
  type ScreenContext,
  screen,
  submitHandler,
} from './screen-context.ts';

export interface RecoveryCodeEntryOptions {
  name: string;
  heading: string;
  onSubmit: (recoveryCode: string) => void;
  /** Back to the code sent by SMS. */
  onUseCode: () => void;
  /** The way back, when the code is not one sent by text: "Use your authenticator app instead". */
  useCodeLabel?: string;
  options?: TemplateResult | typeof nothing;
}

/** One field for a recovery code, with or without dashes, any case (the server normalises). */
export function renderRecoveryCodeEntryScreen(
  context: ScreenContext,
  options: RecoveryCodeEntryOptions,
) {
  const { t } = context;
  const submit = (form: HTMLFormElement) => {
    const input = form.querySelector('input[name="recovery-code"]') as HTMLInputElement;
    options.onSubmit(input.value.trim());
  };
  return screen(context, options.name, options.heading, [
    html`<form part="form recovery-form" novalidate @submit=${submitHandler(submit)}>
      <div part="field">
        <label part="label recovery-code-label" for="recovery-code">${t('recoveryCodeLabel')}</label>
        <input
          id="recovery-code"
          name="recovery-code"
          part="input recovery-code-input"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          aria-describedby="recovery-code-hint"
          aria-invalid=${context.error ? 'true' : 'false'}
          ?disabled=${context.busy}
        />
        <p id="recovery-code-hint" part="hint">${t('recoveryCodeHint')}</p>
        ${alertRegion(context)}
      </div>
      ${options.options ?? nothing}
      <div part="actions">
        ${button(context, 'primary', 'verify', t('verify'), undefined, 'submit')}
        ${button(context, 'link', 'use-code', options.useCodeLabel ?? t('useCodeInstead'), options.onUseCode)}
      </div>
    </form>`,
  ]);
}
