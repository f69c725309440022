import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { emit } from '../events.ts';
import { directionOf, matchLocale, type Translate, translator } from '../i18n/catalogue.ts';
import { type Country, countryList, countryOfInternational } from '../phone/countries.ts';
import { baseStyles } from '../styles/base.styles.ts';
import { countryPickerStyles } from './country-picker.styles.ts';

/** Every part the picker exposes, for a parent's `exportparts`. */
export const COUNTRY_PICKER_PARTS = [
  'label',
  'country-label',
  'input',
  'country-input',
  'listbox',
  'country-listbox',
  'option',
  'country-option',
  'flag',
  'country-flag',
  'dial-code',
  'country-dial-code',
  'hint',
  'country-no-match',
] as const;

/** Attribute converter for lists of ISO codes: `FR DE, es` ⇄ `['FR', 'DE', 'ES']`. */
export const codeList = {
  fromAttribute: (value: string | null) =>
    value
      ? value
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((code) => code.toUpperCase())
      : [],
  toAttribute: (value: string[]) => value.join(' '),
};

/** Lower case, accents dropped, words separated by single spaces: `Côte d’Ivoire` → `cote d ivoire`. */
function normalise(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/**
 * The countries matching what the user typed: a dial code (`33`, `+33`, its prefix), an ISO code
 * (`fr`), or the start of any word of the name, ignoring case and accents. Exact codes come first.
 */
export function searchCountries(countries: Country[], query: string): Country[] {
  const text = query.trim();
  if (/^\+?[\d\s]*$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (!digits) return countries;
    const exact = countries.filter((country) => country.dialCode === digits);
    // Among the countries sharing +1 or +44, the code's main country (US, GB) leads.
    const main = countryOfInternational(digits, exact);
    return [
      ...(main ? [main] : []),
      ...exact.filter((country) => country !== main),
      ...countries.filter(
        (country) => country.dialCode.startsWith(digits) && !exact.includes(country),
      ),
    ];
  }
  const needle = normalise(text);
  if (!needle) return countries;
  const rank = (country: Country) => {
    if (needle.length === 2 && country.code.toLowerCase() === needle) return 0;
    const name = normalise(country.name);
    if (name.startsWith(needle)) return 1;
    return ` ${name}`.includes(` ${needle}`) ? 2 : -1;
  };
  return countries
    .map((country) => ({ country, rank: rank(country) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map(({ country }) => country);
}

/** What was inserted into `before` to give `after`. */
function typedInto(before: string, after: string) {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return after.slice(start, after.length - end);
}

function countriesIn(locale: string, allowed: string[], preferred: string[]) {
  try {
    return countryList(locale, { allowed, preferred });
  } catch {
    // An invalid language tag: English names rather than no picker at all.
    return countryList('en', { allowed, preferred });
  }
}

function define(name: string, elementClass: CustomElementConstructor) {
  if (!customElements.get(name)) customElements.define(name, elementClass);
}

/**
 * A country calling-code picker: an ARIA 1.2 editable combobox with a listbox popup and list
 * autocomplete (WAI-ARIA APG), searchable by country name, ISO code or dial code.
 *
 * @summary Picks the country of a phone number, by name, ISO code or dial code.
 *
 * @csspart label - The visible label.
 * @csspart country-label - The visible label (specific name).
 * @csspart input - The combobox text input.
 * @csspart country-input - The combobox text input (specific name).
 * @csspart listbox - The popup list of countries.
 * @csspart country-listbox - The popup list of countries (specific name).
 * @csspart option - One country in the list.
 * @csspart country-option - One country in the list (specific name).
 * @csspart flag - A country's flag emoji, in the input and in each option.
 * @csspart country-flag - A country's flag emoji (specific name).
 * @csspart dial-code - A country's `+dial` code in an option.
 * @csspart country-dial-code - A country's `+dial` code (specific name).
 * @csspart hint - The "no country matches" message.
 * @csspart country-no-match - The "no country matches" message (specific name).
 *
 * @fires tfa-country-change - The user picked another country; `detail: {country}` is its ISO code. Bubbles, not composed.
 */
export class TfaCountryPicker extends LitElement {
  static override styles = [baseStyles, countryPickerStyles];

  /** The selected country: an ISO 3166-1 alpha-2 code such as `FR`. */
  @property({ reflect: true }) value = '';

  /** The language of the country names, a BCP 47 tag. */
  @property() locale = 'en';

  /** The countries offered, as ISO codes; empty offers every country. */
  @property({ converter: codeList }) countries: string[] = [];

  /** Countries listed first, in this order, as ISO codes. */
  @property({ converter: codeList }) preferred: string[] = [];

  /** The message lookup for the label and messages; English by default. */
  @property({ attribute: false }) t: Translate = translator({});

  /** Whether the picker is disabled. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private open = false;

  /** What the user typed; null while the input shows the selected country. */
  @state() private query: string | null = null;

  @state() private activeIndex = -1;

  /** Whether the user moved to the active option with the arrow keys (Tab then picks it). */
  private navigated = false;

  private list: Country[] = [];

  private results: Country[] = [];

  get #input() {
    return this.renderRoot.querySelector<HTMLInputElement>('#input');
  }

  /** Moves focus to the text input. */
  override focus(options?: FocusOptions) {
    this.#input?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (
      !this.hasUpdated ||
      changed.has('locale') ||
      changed.has('countries') ||
      changed.has('preferred')
    ) {
      this.list = countriesIn(this.locale, this.countries, this.preferred);
      this.#filter();
    }
    if (changed.has('disabled') && this.disabled) this.#close();
  }

  protected override updated() {
    if (this.open && this.activeIndex >= 0) this.#scrollToActive();
  }

  #current() {
    if (!this.value) return undefined;
    return (
      this.list.find((country) => country.code === this.value) ??
      countriesIn(this.locale, [this.value], [])[0]
    );
  }

  #displayText(country: Country | undefined) {
    if (!country) return '';
    // A left-to-right mark holds `+` before the digits in a right-to-left name: `(+20)`, not `(20+)`.
    const mark = directionOf(matchLocale(this.locale) ?? 'en') === 'rtl' ? '\u200e' : '';
    return `${country.name} (${mark}+${country.dialCode})`;
  }

  #filter() {
    this.results = this.query === null ? this.list : searchCountries(this.list, this.query);
  }

  #openList(activateCurrent: boolean) {
    this.open = true;
    this.#filter();
    const current = this.results.findIndex((country) => country.code === this.value);
    this.activeIndex = activateCurrent ? Math.max(current, 0) : -1;
    this.navigated = activateCurrent;
  }

  #close() {
    this.open = false;
    this.activeIndex = -1;
    this.navigated = false;
  }

  #pick(country: Country) {
    this.#close();
    this.query = null;
    if (country.code === this.value) return;
    this.value = country.code;
    emit(this, 'tfa-country-change', { country: country.code });
  }

  #move(step: number) {
    const count = this.results.length;
    if (count === 0) return;
    // Wraps around, like the APG example.
    this.activeIndex =
      this.activeIndex === -1
        ? step > 0
          ? 0
          : count - 1
        : (this.activeIndex + step + count) % count;
    this.navigated = true;
  }

  #onInput(event: InputEvent) {
    const text = (event.target as HTMLInputElement).value;
    if (this.query !== null) this.query = text;
    else if (event.inputType.startsWith('delete')) this.query = '';
    // The selected country's text is one block: what is typed into it replaces it.
    else this.query = event.data ?? typedInto(this.#displayText(this.#current()), text);
    this.open = true;
    this.#filter();
    // Automatic selection: the first match is highlighted, so Enter takes it.
    this.activeIndex = this.query.trim() && this.results.length > 0 ? 0 : -1;
    this.navigated = false;
  }

  #onKeydown(event: KeyboardEvent) {
    if (this.disabled) return;
    const active = this.open ? this.results[this.activeIndex] : undefined;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (event.altKey) {
          if (down && !this.open) this.#openList(false);
          else if (!down && this.open) {
            if (active && this.navigated) this.#pick(active);
            else this.#close();
          }
        } else if (!this.open) this.#openList(true);
        else this.#move(down ? 1 : -1);
        return;
      }
      case 'Home':
      case 'End':
        if (!this.open || this.results.length === 0) return;
        event.preventDefault();
        this.activeIndex = event.key === 'Home' ? 0 : this.results.length - 1;
        this.navigated = true;
        return;
      case 'Enter':
        if (!this.open) return;
        event.preventDefault();
        if (active) this.#pick(active);
        else if (this.results.length > 0) this.#close();
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.#close();
        } else if (this.query !== null) {
          event.preventDefault();
          this.query = null;
        }
        return;
      case 'Tab':
        if (active && this.navigated) this.#pick(active);
        return;
    }
  }

  #onClick() {
    if (this.open || this.disabled) return;
    this.#openList(true);
    this.#input?.select();
  }

  #onBlur() {
    this.#close();
    this.query = null;
  }

  #scrollToActive() {
    const listbox = this.renderRoot.querySelector<HTMLElement>('#listbox');
    const option = listbox?.children[this.activeIndex] as HTMLElement | undefined;
    if (!listbox || !option) return;
    // Within the listbox only: scrollIntoView would also scroll the partner's page.
    if (this.activeIndex === 0) listbox.scrollTop = 0;
    else if (option.offsetTop < listbox.scrollTop) listbox.scrollTop = option.offsetTop;
    else if (option.offsetTop + option.offsetHeight > listbox.scrollTop + listbox.clientHeight)
      listbox.scrollTop = option.offsetTop + option.offsetHeight - listbox.clientHeight;
  }

  protected override render() {
    const current = this.#current();
    const listed = this.open && this.results.length > 0;
    const active = listed ? this.results[this.activeIndex] : undefined;
    const showFlag = this.query === null && current !== undefined;
    return html`
      <label id="label" part="label country-label" for="input">${this.t('countryLabel')}</label>
      <div class="field ${showFlag ? 'has-flag' : ''}">
        ${
          showFlag
            ? html`<span class="selected-flag" part="flag country-flag" aria-hidden="true">${current.flag}</span>`
            : nothing
        }
        <input
          id="input"
          part="input country-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${listed ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${active ? `option-${active.code}` : nothing}
          aria-describedby="search-hint"
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          .value=${live(this.query ?? this.#displayText(current))}
          ?disabled=${this.disabled}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @click=${this.#onClick}
          @blur=${this.#onBlur}
        />
        <ul
          id="listbox"
          role="listbox"
          part="listbox country-listbox"
          aria-labelledby="label"
          ?hidden=${!listed}
          @mousedown=${(event: MouseEvent) => event.preventDefault()}
        >
          ${
            listed
              ? this.results.map(
                  // Every attribute and text of an option is bound, so options are reused by position.
                  (country, index) => html`
                    <li
                      id="option-${country.code}"
                      role="option"
                      part="option country-option"
                      aria-selected=${index === this.activeIndex ? 'true' : 'false'}
                      ?data-current=${country.code === this.value}
                      @click=${() => this.#pick(country)}
                    >
                      <span part="flag country-flag" aria-hidden="true">${country.flag}</span>
                      <span class="name">${country.name}</span>
                      <span part="dial-code country-dial-code">+${country.dialCode}</span>
                    </li>
                  `,
                )
              : nothing
          }
        </ul>
        <div class="no-match" part="hint country-no-match" role="status">${
          this.open && this.results.length === 0 ? this.t('countryNoMatch') : nothing
        }</div>
      </div>
      <span id="search-hint" class="visually-hidden">${this.t('countrySearch')}</span>
    `;
  }
}

define('tfa-country-picker', TfaCountryPicker);

declare global {
  interface HTMLElementTagNameMap {
    'tfa-country-picker': TfaCountryPicker;
  }
}
