import { html, LitElement, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../define.ts';
import { emit } from '../events.ts';
import { type Translate, translator } from '../i18n/catalogue.ts';
import { baseStyles } from '../styles/base.styles.ts';
import { codeFieldStyles } from './code-field.styles.ts';

export const CODE_FIELD_PARTS = [
  'code-field',
  'label',
  'code-label',
  'input',
  'code-input',
  'error',
  'code-error',
];

interface OtpCredential extends Credential {
  code: string;
}

/**
 * @summary A one-time code field: one real input, digits only, paste and SMS autofill, WebOTP.
 *
 * @csspart code-field - The wrapper.
 * @csspart label - The label (also `code-label`).
 * @csspart input - The input (also `code-input`).
 * @csspart error - The error message under the input (also `code-error`).
 *
 * @fires tfa-code-complete - All digits are in: `detail.code`. Bubbles, not composed: the elements handle it.
 */
export class TfaCodeField extends LitElement {
  static override styles = [baseStyles, codeFieldStyles];

  /** Number of digits. */
  @property({ type: Number }) length = 6;
  /** The label text; defaults to "6-digit code". */
  @property() label = '';
  /** An error message shown under the input and linked to it. */
  @property() error = '';
  /** Disables the input while a request runs. */
  @property({ type: Boolean }) disabled = false;
  /** Reads the code from an incoming SMS where the browser has WebOTP (SMS codes only). */
  @property({ type: Boolean, attribute: 'web-otp' }) webOtp = false;
  /** Messages; English by default. */
  @property({ attribute: false }) t: Translate = translator({});

  @query('input') private input!: HTMLInputElement;
  private webOtpAbort: AbortController | undefined;
  private lastCompleted = '';

  /** The digits typed so far. */
  get value() {
    return this.input?.value ?? '';
  }

  override focus() {
    this.input?.focus();
  }

  clear() {
    if (this.input) this.input.value = '';
    this.lastCompleted = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.webOtp) this.listenForSms();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.webOtpAbort?.abort();
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('webOtp') && this.webOtp && this.isConnected && !this.webOtpAbort)
      this.listenForSms();
  }

  /** WebOTP (https://wicg.github.io/web-otp/): the SMS ends with `@host #123456`. */
  private listenForSms() {
    if (!('OTPCredential' in window)) return;
    this.webOtpAbort = new AbortController();
    navigator.credentials
      .get({
        otp: { transport: ['sms'] },
        signal: this.webOtpAbort.signal,
      } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as OtpCredential | null)?.code;
        if (!code || !this.input) return;
        this.input.value = code.replace(/\D/g, '').slice(0, this.length);
        this.completeIfFull();
      })
      .catch(() => {});
  }

  // No `maxlength`: it would cut a pasted "123 456" before the separators are dropped here.
  private onInput() {
    const digits = this.input.value.replace(/\D/g, '').slice(0, this.length);
    if (digits !== this.input.value) this.input.value = digits;
    this.completeIfFull();
  }

  private completeIfFull() {
    const code = this.input.value;
    if (code.length !== this.length) {
      this.lastCompleted = '';
      return;
    }
    if (code === this.lastCompleted) return;
    this.lastCompleted = code;
    emit(this, 'tfa-code-complete', { code });
  }

  override render() {
    return html`<div part="code-field">
      <label part="label code-label" for="code">
        ${this.label || this.t('codeLabel', { length: this.length })}
      </label>
      <input
        id="code"
        part="input code-input"
        type="text"
        inputmode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9]*"
        spellcheck="false"
        ?disabled=${this.disabled}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.error ? 'code-error' : undefined)}
        @input=${this.onInput}
      />
      <p id="code-error" part="error code-error" role="alert">${this.error}</p>
    </div>`;
  }
}

define('tfa-code-field', TfaCodeField);

declare global {
  interface HTMLElementTagNameMap {
    'tfa-code-field': TfaCodeField;
  }
}
