import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CountdownController } from '../controllers/countdown-controller.ts';
import '../controls/code-field.ts';
import { CODE_FIELD_PARTS, type TfaCodeField } from '../controls/code-field.ts';
import {
  alertRegion,
  button,
  paragraph,
  type ScreenContext,
  screen,
  submitHandler,
} from './screen-context.ts';

export interface CodeScreenOptions {
  /** The screen's own part: `code`, `step-up`, `email-code`, `sms-code`. */
  name: string;
  heading: string;
  /** "We sent a code to +33 •• •• •• 78." */
  sentTo: string;
  codeLength: number;
  /** SMS codes only: read the code from the message where the browser can. */
  webOtp: boolean;
  resendCountdown: CountdownController;
  /** A sentence after a resend, for the status region. */
  status?: string;
  onSubmit: (code: string) => void;
  onResend: () => void;
  /** Below the field: "Trust this browser". */
  options?: TemplateResult | typeof nothing;
  /** Other ways out: "Change number", "Use a recovery code instead". */
  links?: TemplateResult | typeof nothing;
}

/** Enter a code sent by SMS or email, with resend after a visible countdown. */
export function renderCodeScreen(context: ScreenContext, options: CodeScreenOptions) {
  const { t } = context;
  const countdown = options.resendCountdown;
  const codeField = (form: HTMLFormElement) => form.querySelector('tfa-code-field') as TfaCodeField;
  const submit = (code: string) => {
    if (code.length === options.codeLength) options.onSubmit(code);
  };
  return screen(context, options.name, options.heading, [
    paragraph(options.sentTo),
    html`<form
      part="form code-form"
      novalidate
      @submit=${submitHandler((form) => submit(codeField(form).value))}
      @tfa-code-complete=${(event: CustomEvent<{ code: string }>) => submit(event.detail.code)}
    >
      ${keyed(
        // A new field per screen: the SMS step must not start with the email step's code in it.
        options.name,
        html`<tfa-code-field
          exportparts=${CODE_FIELD_PARTS.join(', ')}
          .t=${t}
          .length=${options.codeLength}
          .error=${context.retry ? '' : context.error}
          ?disabled=${context.busy}
          ?web-otp=${options.webOtp}
        ></tfa-code-field>`,
      )}
      ${options.options ?? nothing}
      <div part="actions">${button(context, 'primary', 'verify', t('verify'), undefined, 'submit')}</div>
    </form>`,
    context.retry ? alertRegion(context) : nothing,
    html`<p part="status" role="status">${options.status ?? ''}</p>`,
    html`<div part="actions secondary-actions">
      <button
        type="button"
        part="button link-button resend-button"
        ?disabled=${context.busy || countdown.remaining > 0}
        @click=${options.onResend}
      >
        ${countdown.remaining > 0 ? t('resendIn', { time: countdown.label }) : t('resend')}
      </button>
      ${options.links ?? nothing}
    </div>`,
  ]);
}
