import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import '../controls/code-field.ts';
import { CODE_FIELD_PARTS, type TfaCodeField } from '../controls/code-field.ts';
import { button, type ScreenContext, submitHandler } from './screen-context.ts';

export interface AppCodeFormOptions {
  /** Keys the field: a new screen starts with an empty one. */
  name: string;
  codeLength: number;
  onSubmit: (code: string) => void;
  /** Below the field: "Trust this browser". */
  options?: TemplateResult | typeof nothing;
}

/**
 * The code an authenticator app shows: the same field as a code sent by text, with nothing to
 * resend and no WebOTP (no message to read it from).
 */
export function renderAppCodeForm(context: ScreenContext, options: AppCodeFormOptions) {
  const { t } = context;
  const submit = (code: string) => {
    if (code.length === options.codeLength) options.onSubmit(code);
  };
  return html`<form
    part="form code-form"
    novalidate
    @submit=${submitHandler((form) =>
      submit((form.querySelector('tfa-code-field') as TfaCodeField).value),
    )}
    @tfa-code-complete=${(event: CustomEvent<{ code: string }>) => submit(event.detail.code)}
  >
    ${keyed(
      options.name,
      html`<tfa-code-field
        exportparts=${CODE_FIELD_PARTS.join(', ')}
        .t=${t}
        .length=${options.codeLength}
        .error=${context.retry ? '' : context.error}
        ?disabled=${context.busy}
      ></tfa-code-field>`,
    )}
    ${options.options ?? nothing}
    <div part="actions">${button(context, 'primary', 'verify', t('verify'), undefined, 'submit')}</div>
  </form>`;
}
