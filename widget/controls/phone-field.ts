import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { define } from '../define.ts';
import { emit } from '../events.ts';
import { type Translate, translator } from '../i18n/catalogue.ts';
import {
  type Country,
  countryList,
  countryOfInternational,
  dialCodeOf,
} from '../phone/countries.ts';
import { baseStyles } from '../styles/base.styles.ts';
import { COUNTRY_PICKER_PARTS, PHONE_FIELD_PARTS } from './control-parts.ts';
import './country-picker.ts';
import { acceptedNames, codeList, countriesIn } from './country-search.ts';
import { phoneFieldStyles } from './phone-field.styles.ts';

export { PHONE_FIELD_PARTS };

/** What `tfa-phone-input` carries and `value` returns. */
export interface PhoneValue {
  /** ISO 3166-1 alpha-2 code of the number's country. */
  country: string;
  /** The national number, digits only. */
  number: string;
}

type FormatNational = (input: string, country: string) => string;

// The formatting rules are a ~50 KB table: fetched the first time someone types, shared by all.
let formatNational: FormatNational | undefined;
let loading: Promise<FormatNational> | undefined;

function loadFormatter() {
  loading ??= import('../phone/format-national.ts').then(
    (module) => {
      formatNational = module.formatNational;
      return module.formatNational;
    },
    (error: unknown) => {
      loading = undefined; // Try again on the next keystroke.
      throw error;
    },
  );
  return loading;
}

/** `+33 6…` or `0033 6…`: the digits after the international prefix. */
const internationalPattern = /^\s*(?:\+|00)([\d\s().-]*)$/;

/**
 * A phone number field: a country calling-code picker and the national number, formatted as it is
 * typed. Typing or pasting an international number (`+33 6 12…`, `0033 6 12…`) switches the
 * country and keeps the national part; one from a country not offered names those that are.
 *
 * @summary A country picker and a national phone number that formats as you type.
 *
 * @csspart phone-field - The wrapper around the picker, the number and the error.
 * @csspart label - Each visible label (the picker's and the number's).
 * @csspart phone-label - The number's visible label.
 * @csspart input - Each text input (the picker's and the number's).
 * @csspart phone-input - The number input.
 * @csspart error - The error message.
 * @csspart phone-error - The error message (specific name).
 * @csspart country-label - The picker's label (exported from `tfa-country-picker`).
 * @csspart country-input - The picker's combobox input (exported).
 * @csspart listbox - The picker's popup list (exported).
 * @csspart country-listbox - The picker's popup list (exported, specific name).
 * @csspart option - A country in the list (exported).
 * @csspart country-option - A country in the list (exported, specific name).
 * @csspart flag - A country's flag emoji (exported).
 * @csspart country-flag - A country's flag emoji (exported, specific name).
 * @csspart dial-code - A country's `+dial` code (exported).
 * @csspart country-dial-code - A country's `+dial` code (exported, specific name).
 * @csspart hint - The picker's "no country matches" message (exported).
 * @csspart country-no-match - The picker's "no country matches" message (exported, specific name).
 *
 * @fires tfa-phone-input - The country or the number changed; `detail: {country, number}`. Bubbles, not composed.
 */
export class TfaPhoneField extends LitElement {
  static override styles = [baseStyles, phoneFieldStyles];

  /**
   * The number's country, an ISO code. When empty: `defaultCountry`, else the only country
   * offered, else none, and the picker asks for one (the browser's language says nothing sure of
   * where the phone is, and a wrong guess can text a stranger).
   */
  @property() country = '';

  /** The country to start with when `country` is not set, an ISO code. */
  @property({ attribute: 'default-country' }) defaultCountry = '';

  /** The language of the country names, a BCP 47 tag. */
  @property() locale = 'en';

  /** The countries offered, as ISO codes; empty offers every country. */
  @property({ converter: codeList }) countries: string[] = [];

  /** Countries listed first in the picker, in this order, as ISO codes. */
  @property({ converter: codeList }) preferred: string[] = [];

  /** The message lookup for labels and messages; English by default. */
  @property({ attribute: false }) t: Translate = translator({});

  /** An error message shown under the field and linked to the number input; empty for none. */
  @property() error = '';

  /** The field's own message (a country not offered, or none chosen), shown before `error`. */
  @state() private problem = '';

  /** Whether the field is disabled. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The number input's text, as shown. */
  @state() private text = '';

  /** The countries an international number may switch to. */
  private candidates: Country[] = [];

  /** Every country, to name one that is not offered. */
  private everyCountry: Country[] = [];

  private lastEmitted = '';

  /** The national number as typed, digits only. */
  get number() {
    return this.text.replace(/\D/g, '');
  }

  /** The country and the national number. */
  get value(): PhoneValue {
    return { country: this.country, number: this.number };
  }

  get #input() {
    return this.renderRoot.querySelector<HTMLInputElement>('#number');
  }

  /** Moves focus to the number input. */
  override focus(options?: FocusOptions) {
    this.#input?.focus(options);
  }

  override connectedCallback() {
    super.connectedCallback();
    // A screen that draws the field before its code has loaded marks it busy until now.
    this.removeAttribute('aria-busy');
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!this.hasUpdated || changed.has('countries')) {
      this.candidates = countryList('en', { allowed: this.countries });
      this.everyCountry = this.countries.length > 0 ? countryList('en') : this.candidates;
    }
    if (!this.#allowed(this.country)) this.country = this.#defaultCountry();
    if (changed.has('country')) this.text = this.#format(this.text);
  }

  #allowed(country: string | undefined): country is string {
    if (!country || !dialCodeOf(country)) return false;
    return this.countries.length === 0 || this.countries.includes(country);
  }

  #defaultCountry() {
    const only = this.countries.length === 1 ? this.countries[0] : undefined;
    return [this.defaultCountry.toUpperCase(), only].find((c) => this.#allowed(c)) ?? '';
  }

  /**
   * Whether the number may be sent: a country is chosen, and the number is not one from a
   * country not offered. If not, says so and moves focus to what to fix. For the form around the
   * field, before it sends the number.
   */
  checkCountry() {
    if (this.problem && this.country) this.focus();
    else if (!this.country) {
      this.problem = this.t('countryRequired');
      this.renderRoot.querySelector<HTMLElement>('tfa-country-picker')?.focus();
    }
    return !this.problem;
  }

  /** The national format of `text` for the current country, once the rules are loaded. */
  #format(text: string) {
    if (!formatNational || internationalPattern.test(text) || !text || !this.country) return text;
    return formatNational(text, this.country);
  }

  /** The country and national digits of an international number, if `text` is one. */
  #international(text: string, complete: boolean) {
    const digits = internationalPattern.exec(text)?.[1]?.replace(/\D/g, '');
    this.problem = '';
    if (!digits) return undefined;
    const country = countryOfInternational(digits, this.candidates, this.country);
    if (!country) {
      this.#notOffered(digits, complete);
      return undefined;
    }
    const national = digits.slice(country.dialCode.length);
    // While typing, wait for a digit past the calling code before switching.
    return national || complete ? { country: country.code, national } : undefined;
  }

  /** An international number from a country not offered: names the countries that are. */
  #notOffered(digits: string, complete: boolean) {
    const country = countryOfInternational(digits, this.everyCountry);
    if (!country || (digits.length === country.dialCode.length && !complete)) return;
    const named = (codes: string[]) => countriesIn(this.locale, codes);
    this.problem = this.t('countryNotAccepted', {
      country: named([country.code])[0]?.name ?? country.code,
      accepted: acceptedNames(named(this.countries), this.locale),
    });
  }

  #onInput(event: Event) {
    const input = event.target as HTMLInputElement;
    const international = this.#international(input.value, false);
    if (international) {
      this.country = international.country;
      this.text = this.#format(international.national);
    } else {
      // Reformatting moves the caret to the end, so a mid-number edit is left as typed.
      const atEnd = input.selectionStart === input.value.length;
      this.text = atEnd ? this.#format(input.value) : input.value;
    }
    if (!formatNational) void this.#loadAndReformat();
    this.#emit();
  }

  /** The input is in this shadow root, so the form around the element gets no implicit submission. */
  #onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    this.#onChange(event);
    this.closest('form')?.requestSubmit();
  }

  #onChange(event: Event) {
    const international = this.#international((event.target as HTMLInputElement).value, true);
    if (!international) return;
    this.country = international.country;
    this.text = this.#format(international.national);
    this.#emit();
  }

  async #loadAndReformat() {
    try {
      await loadFormatter();
    } catch {
      return; // Offline: the digits stay as typed.
    }
    const input = this.#input;
    const editing =
      input !== null &&
      this.shadowRoot?.activeElement === input &&
      input.selectionStart !== input.value.length;
    if (!editing) this.text = this.#format(this.text);
  }

  #onCountryChange(event: CustomEvent<{ country: string }>) {
    this.country = event.detail.country;
    if (this.problem === this.t('countryRequired')) this.problem = '';
    this.#emit();
  }

  #emit() {
    const key = `${this.country} ${this.number}`;
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    emit(this, 'tfa-phone-input', this.value);
  }

  protected override render() {
    const error = this.problem || this.error;
    return html`
      <div part="phone-field">
        <tfa-country-picker
          class="country"
          exportparts=${COUNTRY_PICKER_PARTS.join(', ')}
          .value=${this.country}
          .locale=${this.locale}
          .countries=${this.countries}
          .preferred=${this.preferred}
          .t=${this.t}
          ?disabled=${this.disabled}
          @tfa-country-change=${this.#onCountryChange}
        ></tfa-country-picker>
        <div class="number">
          <label part="label phone-label" for="number">${this.t('phoneLabel')}</label>
          <input
            id="number"
            part="input phone-input"
            type="tel"
            autocomplete="tel-national"
            inputmode="tel"
            .value=${live(this.text)}
            ?disabled=${this.disabled}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${error ? 'error' : nothing}
            @input=${this.#onInput}
            @change=${this.#onChange}
            @keydown=${this.#onKeydown}
          />
        </div>
        ${error ? html`<p id="error" part="error phone-error" role="alert">${error}</p>` : nothing}
      </div>
    `;
  }
}

define('tfa-phone-field', TfaPhoneField);

declare global {
  interface HTMLElementTagNameMap {
    'tfa-phone-field': TfaPhoneField;
  }
}
