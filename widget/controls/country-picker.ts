import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { define } from '../define.ts';
import { emit } from '../events.ts';
import { type Translate, translator } from '../i18n/catalogue.ts';
import type { Country } from '../phone/countries.ts';
import { baseStyles } from '../styles/base.styles.ts';
import { countryPickerStyles } from './country-picker.styles.ts';
import { acceptedNames, codeList, countriesIn, searchCountries } from './country-search.ts';

export { COUNTRY_PICKER_PARTS } from './control-parts.ts';
export { codeList, searchCountries };

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
 * @csspart dial-code - A country's `+dial` code: in an option, and after the selected country.
 * @csspart country-dial-code - A country's `+dial` code (specific name).
 * @csspart hint - The message when the search finds no country: none matches, or it is not accepted.
 * @csspart country-no-match - The message when the search finds no country (specific name).
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
      if (changed.has('locale')) this.#everyCountry = undefined;
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

  /** The selected country's name; its dial code is shown apart, so a long name never hides it. */
  #displayText(country: Country | undefined) {
    return country?.name ?? '';
  }

  /** Every country, to tell a search for one the site does not accept from a mistyped one. */
  #everyCountry: Country[] | undefined;

  /** What the hint says when the search finds no country offered. */
  #noMatchText() {
    const query = this.query ?? '';
    if (this.countries.length > 0 && query.trim()) {
      this.#everyCountry ??= countriesIn(this.locale, []);
      const [outside] = searchCountries(this.#everyCountry, query);
      if (outside)
        return this.t('countryNotAccepted', {
          country: outside.name,
          accepted: acceptedNames(this.list, this.locale),
        });
    }
    return this.t('countryNoMatch');
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
    const showSelected = this.query === null && current !== undefined;
    return html`
      <label id="label" part="label country-label" for="input">${this.t('countryLabel')}</label>
      <div class="field ${showSelected ? 'has-selected' : ''}">
        ${
          showSelected
            ? html`<span class="selected-flag" part="flag country-flag" aria-hidden="true">${current.flag}</span>
                <span id="selected-dial-code" class="selected-dial-code" part="dial-code country-dial-code"
                  ><bdi dir="ltr">+${current.dialCode}</bdi></span
                >`
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
          aria-describedby=${showSelected ? 'selected-dial-code search-hint' : 'search-hint'}
          placeholder=${this.t('countryChoose')}
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
                      <span part="dial-code country-dial-code" dir="ltr">+${country.dialCode}</span>
                    </li>
                  `,
                )
              : nothing
          }
        </ul>
        <div class="no-match" part="hint country-no-match" role="status">${
          this.open && this.results.length === 0 ? this.#noMatchText() : nothing
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
