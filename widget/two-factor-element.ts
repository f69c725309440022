import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClient, ApiError, isAborted } from './api-client.ts';
import type { SessionView } from './api-types.ts';
import { CountdownController } from './controllers/countdown-controller.ts';
import { FlowController } from './controllers/flow-controller.ts';
import { LaterScreens } from './controllers/later-screens.ts';
import type { TfaCodeField } from './controls/code-field.ts';
import { emit } from './events.ts';
import {
  directionOf,
  errorKey,
  type Locale,
  loadStrings,
  negotiateLocale,
  type StringKey,
  type Strings,
  type Translate,
  translator,
} from './i18n/catalogue.ts';
import type { ScreenContext } from './screens/screen-context.ts';
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

/** Screens every element has, besides its own. */
export type CommonScreen = 'loading' | 'expired' | 'locked' | 'unavailable';

/**
 * What `<two-factor-setup>` and `<two-factor-challenge>` share: attributes, the API client, the
 * session, language, the current screen, and one way of handling a failed request. The parts and
 * custom properties below are inherited by both elements' manifest entries.
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

  @state() protected session: SessionView | undefined;
  @state() protected busy = false;
  /** The message of the last failed request, shown in the screen's alert region. */
  @state() protected error = '';
  /** A failed request that may work when tried again (the network). */
  @state() protected retry: (() => void) | undefined;
  /** When a lock or a rate limit ends, for the locked screen. */
  @state() protected waitUntil: Date | undefined;
  /** The last failed request, for journeys that react to one (a lapsed step-up, a dead code). */
  protected lastError: ApiError | undefined;
  protected get lastErrorCode() {
    return this.lastError?.code ?? '';
  }
  /**
   * What to do again with a fresh session from `tokenProvider` instead of starting over, while a
   * request that needs no earlier step runs (sending a code to the number just typed).
   */
  protected resume: (() => unknown) | undefined;
  /** Until a new code may be sent: the resend wait, or a send limit's. */
  protected readonly resend = new CountdownController(this);
  /** The active language's messages; none until its chunk is there. */
  @state() private catalogue: Partial<Strings> | undefined;
  @state() private activeLocale: Locale = 'en';

  protected readonly flow: FlowController<Screen | CommonScreen>;
  /** The code of the screens after the first ones, fetched when first needed. */
  protected readonly later = new LaterScreens(this, () => this.activeLocale);
  /** The element's screens drawn from the first load; the others wait for `later`. */
  protected abstract readonly firstLoadScreens: ReadonlySet<Screen>;
  private started = false;

  constructor() {
    super();
    this.flow = new FlowController<Screen | CommonScreen>(this, 'loading');
  }

  /** Message lookup in the active language, with the page's `strings` on top. */
  protected get t(): Translate {
    return translator(
      { ...this.catalogue, ...this.later.strings },
      this.strings,
      this.activeLocale,
      this.later.module?.formatPlurals,
    );
  }

  /** What every screen gets: messages, the busy state, the last failure, the heading level. */
  protected get context(): ScreenContext {
    const { t, busy, error, retry, headingLevel } = this;
    return { t, busy, error, retry, headingLevel };
  }

  protected get language(): Locale {
    return this.activeLocale;
  }

  protected get api() {
    return new ApiClient({ server: this.server, token: this.token });
  }

  /** Starts the element's journey once the session is loaded. */
  protected abstract begin(session: SessionView): Promise<void>;

  override connectedCallback() {
    super.connectedCallback();
    if (this.started) void this.start();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('locale') && this.session) void this.useLanguage();
    // A new token is a new session: start over, unless what the user was doing resumes with it.
    // (A new `server` is used by the next request.)
    if ((changed.has('token') || !this.started) && this.server && this.token && !this.resume) {
      this.started = true;
      void this.start();
    }
  }

  /** Moves to `screen` once its code is there, with "Try again" when it cannot be fetched. */
  protected moveTo(screen: Screen) {
    this.error = '';
    this.retry = undefined;
    if (this.later.module || this.firstLoadScreens.has(screen)) return this.flow.go(screen);
    this.busy = true;
    this.later
      .load()
      .then(
        () => this.flow.go(screen),
        () => {
          this.error = this.t('error.network_error');
          this.retry = () => this.moveTo(screen);
        },
      )
      .finally(() => {
        this.busy = false;
      });
  }

  /** Loads the session, then hands over to the element's journey. */
  protected async start() {
    this.error = '';
    this.flow.go('loading');
    const signal = this.flow.newLoad();
    // The messages first, so that a failure to load the session can be told.
    await this.useLanguage();
    const session = await this.run(() => this.api.get<SessionView>('/session', signal));
    if (!session || signal.aborted) return;
    this.session = session;
    await this.useLanguage();
    if (!signal.aborted) await this.begin(session);
  }

  private async useLanguage() {
    const locale = negotiateLocale({
      session: this.session?.locale,
      attribute: this.locale,
      browser: navigator.languages,
    });
    if (this.catalogue && locale === this.activeLocale) return;
    // A chunk that fails to load leaves the page in English rather than blank.
    for (const candidate of new Set<Locale>([locale, 'en'])) {
      try {
        this.catalogue = await loadStrings(candidate);
        await this.later.speak(candidate);
        this.activeLocale = candidate;
        return;
      } catch {}
    }
  }

  override render() {
    // Nothing to say before the messages are there: an empty busy box, for a moment.
    const busy = this.busy || !this.catalogue;
    return html`<div
      part="base"
      lang=${this.language}
      dir=${directionOf(this.language)}
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${this.catalogue ? this.renderScreen() : nothing}
    </div>`;
  }

  /** The current screen. */
  protected abstract renderScreen(): unknown;

  /**
   * Runs one request with the busy state and the error handling every screen shares. Resolves
   * to undefined when it failed; the screen stays where it is with the message shown. `again` is
   * the whole operation, which "Try again" repeats after a network failure (by default: start over).
   */
  protected async run<T>(action: () => Promise<T>, again?: () => unknown): Promise<T | undefined> {
    this.busy = true;
    this.error = '';
    this.retry = undefined;
    this.lastError = undefined;
    let aborted = false;
    try {
      return await action();
    } catch (error) {
      // Aborted by a newer load, which now owns the busy state.
      aborted = isAborted(error);
      if (aborted) return undefined;
      if (!(error instanceof ApiError)) throw error;
      await this.handleFailure(error, again ?? (() => this.start()));
      return undefined;
    } finally {
      if (!aborted) this.busy = false;
    }
  }

  /** The message for a failed request, with attempts left or when to retry. */
  protected describe(error: ApiError) {
    const t = this.t;
    const base = t(errorKey(error.code, { ...this.catalogue, ...this.later.strings }));
    const attempts = error.details.attemptsRemaining;
    if (error.code === 'invalid_code' && typeof attempts === 'number')
      return attempts > 0
        ? `${base} ${t('attemptsRemaining', { count: attempts })}`
        : t('codeTriesUsed');
    // Which send limit refused, in plain words; the resend countdown says how long to wait.
    const limit = error.details.limit ?? (error.details.resendAt && 'resend-wait');
    if (error.code === 'rate_limited') return t(`limit.${limit}` as StringKey) || base;
    return base;
  }

  private async handleFailure(error: ApiError, again: () => unknown) {
    this.lastError = error;
    emit(this, 'tfa-error', { code: error.code, message: error.message });
    // Which limit refused is said in the later screens' messages, which a first screen may lack.
    if (error.code === 'rate_limited' && !this.later.module)
      await this.later.load().catch(() => {});
    if (error.code === 'rate_limited')
      this.resend.start(this.secondsFromNow(error.retryAfterSeconds ?? 0));
    switch (error.code) {
      case 'session_expired':
      case 'unauthorized':
        return this.sessionExpired();
      case 'locked': {
        const until = error.details.lockedUntil;
        this.waitUntil =
          typeof until === 'string'
            ? new Date(until)
            : this.secondsFromNow(error.retryAfterSeconds ?? 900);
        return this.flow.go('locked');
      }
      case 'origin_not_allowed':
        return this.flow.go('unavailable');
      case 'network_error':
        this.retry = () => void again();
        this.error = this.describe(error);
        return;
      default:
        this.error = this.describe(error);
    }
  }

  /**
   * After a refused code, the field keeps the focus, and the digits to correct unless the code
   * can no longer work (expired, replaced, out of attempts).
   */
  protected async codeRejected() {
    const { code = '', details = {} } = this.lastError ?? {};
    const field = this.renderRoot.querySelector<TfaCodeField>('tfa-code-field');
    const dead = code === 'code_expired' || details.attemptsRemaining === 0;
    if (code.startsWith('code_') || dead) field?.clear();
    // The server holds no resend wait for a code that can no longer work: ask for one at once.
    if (dead) this.resend.end();
    // Focus once the field is enabled again, after the request.
    await this.updateComplete;
    await field?.updateComplete;
    field?.focus();
  }

  private async sessionExpired() {
    emit(this, 'tfa-session-expired', {});
    const resume = this.resume;
    if (!this.tokenProvider) return this.flow.go('expired');
    try {
      // Setting the token starts the journey again with the fresh session, or resumes it.
      this.token = await this.tokenProvider();
    } catch {
      return this.flow.go('expired');
    }
    if (!resume) return;
    const session = await this.run(() =>
      this.api.get<SessionView>('/session', this.flow.newLoad()),
    );
    this.resume = undefined;
    if (session) this.session = session;
    if (session) await resume();
  }

  /** "Reload the page", or, with a `tokenProvider`, another try at a fresh session. */
  protected renew() {
    if (this.tokenProvider) void this.sessionExpired();
    else location.reload();
  }

  protected secondsFromNow(seconds: number) {
    return new Date(Date.now() + seconds * 1000);
  }

  /** A time of day, with the date when it is not today. */
  protected formatTime(date: Date) {
    const today = new Date().toDateString() === date.toDateString();
    return new Intl.DateTimeFormat(this.activeLocale, {
      ...(today ? {} : { dateStyle: 'medium' }),
      timeStyle: 'short',
    }).format(date);
  }

  protected formatDate(iso: string) {
    const date = new Intl.DateTimeFormat(this.activeLocale, { dateStyle: 'long' }).format(
      new Date(iso),
    );
    // French writes the first of the month as an ordinal: « le 1er décembre ».
    return this.activeLocale === 'fr' ? date.replace(/^1 /, '1er ') : date;
  }
}
