import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ElementFlow } from './controllers/element-flow.ts';
import type { Strings } from './i18n/catalogue.ts';
import { baseStyles } from './styles/base.styles.ts';
import { tokenStyles } from './styles/tokens.styles.ts';

/** `countries="FR BE CH"` or `"FR,BE,CH"` → `['FR', 'BE', 'CH']`. */
const countryList = {
  fromAttribute: (value: string | null) =>
    (value ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((code) => code.toUpperCase()),
  toAttribute: (value: string[]) => value.join(' '),
};

/**
 * What `<two-factor-setup>` and `<two-factor-challenge>` share: attributes and styles. Each
 * element's flow (`controllers/*-flow.ts`) owns its state, its requests and what draws each
 * screen. The parts and custom properties below are inherited by both elements' manifest entries.
 *
 * @csspart base - The element's box, around the current screen.
 * @csspart screen - Every screen; each also has its own name, e.g. `manage-screen`.
 * @csspart loading-screen - The screen while the session loads.
 * @csspart error-screen - The session could not be loaded (e.g. the network): with "Try again".
 * @csspart expired-screen - The widget session expired: "Reload the page".
 * @csspart locked-screen - Too many wrong codes: says until when.
 * @csspart unavailable-screen - The page's origin is not allowed by the site's settings.
 * @csspart new-recovery-codes-screen - A new set of recovery codes to save.
 * @csspart heading - The screen's heading; it takes focus when the screen changes.
 * @csspart text - A paragraph of the screen.
 * @csspart hint - A secondary line: a field's hint, codes remaining, a warning.
 * @csspart alert - The region holding a failed request's message and "Try again".
 * @csspart error - An error message (alert region or under a field).
 * @csspart status - A polite status line, e.g. "A new code was sent".
 * @csspart form - Every form.
 * @csspart field - A label, input and hint together.
 * @csspart label - Every visible field label.
 * @csspart input - Every text input.
 * @csspart checkbox-label - The label wrapping a checkbox.
 * @csspart checkbox - Every checkbox.
 * @csspart actions - A row of buttons.
 * @csspart secondary-actions - The row of other ways out under a code form (resend, …).
 * @csspart button - Every button.
 * @csspart primary-button - The screen's main action.
 * @csspart secondary-button - A secondary action.
 * @csspart link-button - A button that looks like a link.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart reload-button - "Reload the page" on the expired screen (with `tokenProvider`: a fresh session).
 * @csspart code-form - The form around the one-time code field.
 * @csspart code-field - The one-time code field's wrapper (exported from `tfa-code-field`).
 * @csspart code-label - The code field's label (exported).
 * @csspart code-input - The code input: one real input, styled as boxes (exported).
 * @csspart code-error - The message under the code input (exported).
 * @csspart verify-button - Submits a code or a recovery code.
 * @csspart resend-button - "Resend code", with its countdown.
 * @csspart use-recovery-code-button - Switches from the SMS code to a recovery code.
 * @csspart recovery-form - The form to enter a recovery code.
 * @csspart recovery-code-label - The recovery code input's label.
 * @csspart recovery-code-input - The recovery code input.
 * @csspart use-code-button - Back from the recovery code to the SMS code.
 * @csspart list - Every list (recovery codes, trusted browsers).
 * @csspart list-item - Every item of a list.
 * @csspart recovery-codes - The list of recovery codes.
 * @csspart recovery-code - One recovery code.
 * @csspart recovery-actions - The copy, download and print buttons.
 * @csspart copy-button - Copies the codes.
 * @csspart download-button - Downloads the codes as a `.txt` file.
 * @csspart print-button - Prints the codes.
 * @csspart saved-label - "I have saved my recovery codes".
 * @csspart saved-checkbox - Its checkbox, which gates Continue.
 * @csspart continue-button - Continue after the recovery codes.
 *
 * @cssproperty [--tfa-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font of all text.
 * @cssproperty [--tfa-font-size=1rem] - Base font size; the rest scales from it.
 * @cssproperty [--tfa-color-text=#1b1f24] - Text colour (dark: `#e6edf3`).
 * @cssproperty [--tfa-color-muted=#57606a] - Hints and secondary text (dark: `#9da7b3`).
 * @cssproperty [--tfa-color-background=#ffffff] - Background of the element and inputs (dark: `#0d1117`).
 * @cssproperty [--tfa-color-surface=#f6f8fa] - Background of secondary buttons and list items (dark: `#161b22`).
 * @cssproperty [--tfa-color-border=#8c959f] - Borders of inputs and buttons (dark: `#6e7681`).
 * @cssproperty [--tfa-color-primary=#0b5cad] - Primary buttons and links (dark: `#58a6ff`).
 * @cssproperty [--tfa-color-on-primary=#ffffff] - Text on primary buttons (dark: `#0d1117`).
 * @cssproperty [--tfa-color-danger=#b42318] - Errors and the disable button (dark: `#ff7b72`).
 * @cssproperty [--tfa-color-success=#1a7f37] - Status lines ("A new code was sent") (dark: `#3fb950`).
 * @cssproperty [--tfa-color-focus=#0b5cad] - The focus ring (dark: `#58a6ff`).
 * @cssproperty [--tfa-radius=0.5rem] - Corner radius of inputs, buttons and boxes.
 * @cssproperty [--tfa-spacing=1rem] - The base gap; smaller and larger gaps derive from it.
 * @cssproperty [--tfa-max-width=28rem] - Maximum width of the element.
 * @cssproperty [--tfa-transition-duration=150ms] - Length of transitions; `0ms` under reduced motion.
 */
export abstract class TwoFactorElement<Screen extends string> extends LitElement {
  static override styles = [tokenStyles, baseStyles];

  /** Base URL of the two-factor server, e.g. `https://2fa.clinic.example`. */
  @property() server = '';
  /** The widget session token (`wst_…`) your backend minted for this user. */
  @property() token = '';
  /**
   * The language when the session names none: `en`, `fr`, `de`, `es`, `it`, `pt-BR`, `nl`, `pl`,
   * `ar` or `zh-CN` (`fr-CA` or `pt` match too); else the browser's, else English.
   */
  @property() locale = '';
  /** Country preselected in the picker (ISO 3166 alpha-2); defaults to the site's, then the browser's. */
  @property({ attribute: 'default-country' }) defaultCountry = '';
  /** Countries offered in the picker, e.g. `FR BE CH`; within those the site allows. */
  @property({ converter: countryList }) countries: string[] = [];
  /** Countries listed first in the picker, e.g. `FR BE`. */
  @property({ attribute: 'preferred-countries', converter: countryList })
  preferredCountries: string[] = [];
  /** Replaces any message of the catalogue, e.g. `{ introHeading: 'Protect your account' }`. */
  @property({ attribute: false }) strings: Partial<Strings> = {};
  /** The level of the screens' headings in your page's outline: 2 (`<h2>`) unless you say, 1–5. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Called for a fresh token when the session expires; without it the element asks for a reload. */
  @property({ attribute: false }) tokenProvider: (() => Promise<string>) | undefined;

  /** The session, the requests and the screens. */
  protected abstract readonly flow: ElementFlow<Screen>;

  protected override willUpdate(changed: PropertyValues<this>) {
    this.flow.propertiesChanged(changed);
  }

  override render() {
    return this.flow.render();
  }
}
