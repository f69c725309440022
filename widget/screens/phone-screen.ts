import { html, nothing } from 'lit';
import type { CountdownController } from '../controllers/countdown-controller.ts';
import { PHONE_FIELD_PARTS } from '../controls/control-parts.ts';
import type { TfaPhoneField } from '../controls/phone-field.ts';
import {
  alertRegion,
  button,
  paragraph,
  type ScreenContext,
  screen,
  submitHandler,
} from './screen-context.ts';

export interface PhoneScreenOptions {
  heading: string;
  locale: string;
  country: string;
  countries: string[];
  preferred: string[];
  /** Until a code may be sent again: the send button counts down, then comes back. */
  wait: CountdownController;
  onSubmit: (phone: { country: string; number: string }) => void;
  onCancel?: () => void;
}

let phoneField: Promise<unknown> | undefined;

/**
 * Fetches the phone field (the picker, the calling codes): out of the first load, which the
 * challenge shares and the setup's first screen does not need. The setup asks for it once its
 * first screen shows.
 */
export function loadPhoneField() {
  phoneField ??= import('../controls/phone-field.ts').catch((error: unknown) => {
    phoneField = undefined; // Try again on the next render (the network came back).
    throw error;
  });
  return phoneField;
}

/** Country code and mobile number; the server validates and sends the code. */
export function renderPhoneScreen(context: ScreenContext, options: PhoneScreenOptions) {
  const { t } = context;
  loadPhoneField().catch(() => {});
  const { remaining, label } = options.wait;
  const submit = (form: HTMLFormElement) => {
    const field = form.querySelector('tfa-phone-field') as TfaPhoneField;
    if (customElements.get('tfa-phone-field') && field.checkCountry())
      options.onSubmit(field.value);
  };
  return screen(context, 'phone', options.heading, [
    paragraph(t('phoneText')),
    html`<form part="form phone-form" novalidate @submit=${submitHandler(submit)}>
      <tfa-phone-field
        aria-busy="true"
        exportparts=${PHONE_FIELD_PARTS.join(', ')}
        .t=${t}
        .locale=${options.locale}
        .defaultCountry=${options.country}
        .countries=${options.countries}
        .preferred=${options.preferred}
        .error=${context.retry ? '' : context.error}
        ?disabled=${context.busy}
      ></tfa-phone-field>
      ${context.retry ? alertRegion(context) : nothing}
      <div part="actions">
        ${button(
          { busy: context.busy || remaining > 0 },
          'primary',
          'send-code',
          remaining ? t('sendCodeIn', { time: label }) : t('sendCode'),
          undefined,
          'submit',
        )}
        ${options.onCancel ? button(context, 'secondary', 'cancel', t('cancel'), options.onCancel) : nothing}
      </div>
    </form>`,
  ]);
}
