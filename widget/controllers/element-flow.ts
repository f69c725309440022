import { html, nothing, type PropertyValues } from 'lit';
import { ApiClient, ApiError, isAborted } from '../api-client.ts';
import type { SessionView } from '../api-types.ts';
import type { TfaCodeField } from '../controls/code-field.ts';
import { emit } from '../events.ts';
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
} from '../i18n/catalogue.ts';
import { renderCommonScreen } from '../screens/common-screens.ts';
import type { NewRecoveryCodesOptions } from '../screens/recovery-codes-screen.ts';
import type { ScreenContext } from '../screens/screen-context.ts';
import type { TwoFactorElement } from '../two-factor-element.ts';
import { CountdownController } from './countdown-controller.ts';
import { FlowController, redraws } from './flow-controller.ts';
import { LaterScreens } from './later-screens.ts';

/** Screens every element has, besides its own. */
export type CommonScreen = 'loading' | 'expired' | 'locked' | 'unavailable';

/** Draws one screen. */
export type ScreenRender = (context: ScreenContext) => unknown;

/**
 * What an element's flow owns besides the current screen: the session, the language, the
 * requests (each aborted when its screen is left) with the one way of handling a failed one, and
 * the map from each screen to what draws it. The element keeps its attributes and styles.
 */
export abstract class ElementFlow<Screen extends string> extends FlowController<
  Screen | CommonScreen
> {
  @redraws session: SessionView | undefined;
  @redraws busy = false;
  /** The message of the last failed request, shown in the screen's alert region. */
  @redraws error = '';
  /** A failed request that may work when tried again (the network). */
  @redraws retry: (() => void) | undefined;
  /** When a lock or a rate limit ends, for the locked screen. */
  @redraws private waitUntil: Date | undefined;
  /** The last failed request, for journeys that react to one (a lapsed step-up, a dead code). */
  lastError: ApiError | undefined;
  /**
   * What to do again with a fresh session from `tokenProvider` instead of starting over, while a
   * request that needs no earlier step runs (sending a code to the number just typed).
   */
  resume: (() => unknown) | undefined;
  /** Until a new code may be sent: the resend wait, or a send limit's. */
  readonly resend: CountdownController;
  /** The code of the screens after the first ones, fetched when first needed. */
  readonly later: LaterScreens;
  /** The active language's messages; none until its chunk is there. */
  @redraws private catalogue: Partial<Strings> | undefined;
  @redraws private activeLocale: Locale = 'en';
  private started = false;
  /** Whether the new set of recovery codes on screen was marked saved, and copied. */
  @redraws private codesSaved = false;
  @redraws private codesCopied = false;
  /** The latest request: it alone clears the busy state when it ends. */
  private requests = 0;

  /** What draws each screen. */
  protected abstract readonly screens: Record<Screen | CommonScreen, ScreenRender>;
  /** The element's screens drawn from the first load; the others wait for `later`. */
  protected abstract readonly firstLoadScreens: ReadonlySet<Screen>;

  constructor(override readonly host: TwoFactorElement<Screen>) {
    super(host, 'loading');
    this.resend = new CountdownController(host);
    this.later = new LaterScreens(host, () => this.activeLocale);
  }

  /** Starts the element's journey once the session is loaded. */
  protected abstract begin(session: SessionView): Promise<void>;

  /** A new set of recovery codes is about to show: nothing of it is saved or copied yet. */
  protected freshCodes() {
    this.codesSaved = false;
    this.codesCopied = false;
  }

  /** What the new-recovery-codes screen takes, this flow keeping its checkbox and copy state. */
  protected newCodesOptions(
    codes: string[],
    onContinue: () => void,
    lastCodeUsed?: boolean,
  ): NewRecoveryCodesOptions {
    return {
      codes,
      lastCodeUsed,
      siteName: this.session?.tenant.name ?? '',
      saved: this.codesSaved,
      copied: this.codesCopied,
      onSavedChange: (saved) => {
        this.codesSaved = saved;
      },
      onCopied: () => {
        this.codesCopied = true;
      },
      onContinue,
    };
  }

  get lastErrorCode() {
    return this.lastError?.code ?? '';
  }

  /** Message lookup in the active language, with the page's `strings` on top. */
  get t(): Translate {
    return translator(
      { ...this.catalogue, ...this.later.strings },
      this.host.strings,
      this.activeLocale,
      this.later.module?.formatPlurals,
    );
  }

  /** What every screen gets: messages, the busy state, the last failure, the heading level. */
  get context(): ScreenContext {
    const { t, busy, error, retry } = this;
    return { t, busy, error, retry, headingLevel: this.host.headingLevel };
  }

  get language(): Locale {
    return this.activeLocale;
  }

  /** The widget API; its requests are aborted when the screen they were made on is left. */
  get api() {
    return new ApiClient({ server: this.host.server, token: this.host.token, signal: this.signal });
  }

  /** The loading, expired, locked and unavailable screens, for the element's map. */
  protected commonScreens(): Record<CommonScreen, ScreenRender> {
    const draw = (screen: CommonScreen) => (context: ScreenContext) =>
      renderCommonScreen(context, screen, {
        waitUntil: this.waitUntil ? this.formatTime(this.waitUntil) : '',
        onRetry: () => void this.start(),
        onRenew: () => this.renew(),
      });
    return {
      loading: draw('loading'),
      expired: draw('expired'),
      locked: draw('locked'),
      unavailable: draw('unavailable'),
    };
  }

  hostConnected() {
    // Back on the page after leaving it, which aborted its requests: start again.
    if (this.started) void this.start();
  }

  /** From the element's `willUpdate`. */
  propertiesChanged(changed: PropertyValues) {
    const { server, token } = this.host;
    if (changed.has('locale') && this.session) void this.useLanguage();
    // A new token is a new session: start over, unless what the user was doing resumes with it.
    // (A new `server` is used by the next request.)
    if ((changed.has('token') || !this.started) && server && token && !this.resume) {
      this.started = true;
      void this.start();
    }
  }

  /** Moves to `screen` once its code is there, with "Try again" when it cannot be fetched. */
  moveTo(screen: Screen) {
    this.error = '';
    this.retry = undefined;
    if (this.later.module || this.firstLoadScreens.has(screen)) return this.go(screen);
    this.busy = true;
    this.later
      .load()
      .then(
        () => this.go(screen),
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
  async start() {
    this.error = '';
    this.go('loading');
    const signal = this.newLoad();
    // The messages first, so that a failure to load the session can be told.
    await this.useLanguage();
    const session = await this.run(() => this.api.get<SessionView>('/session', signal));
    if (!session || signal.aborted) return;
    this.session = session;
    await this.useLanguage();
    if (!signal.aborted) await this.begin(session);
  }

  /** The session again (after a change), replacing an older load still on its way. */
  async reloadSession(): Promise<SessionView | undefined> {
    const session = await this.run(() => this.api.get<SessionView>('/session', this.newLoad()));
    if (session) this.session = session;
    return session;
  }

  private async useLanguage() {
    const locale = negotiateLocale({
      session: this.session?.locale,
      attribute: this.host.locale,
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

  /** The element's content: the current screen, drawn by its entry in the map. */
  render() {
    // Nothing to say before the messages are there: an empty busy box, for a moment.
    const busy = this.busy || !this.catalogue;
    return html`<div
      part="base"
      lang=${this.language}
      dir=${directionOf(this.language)}
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${this.catalogue ? this.screens[this.screen](this.context) : nothing}
    </div>`;
  }

  /**
   * Runs one request with the busy state and the error handling every screen shares. Resolves
   * to undefined when it failed; the screen stays where it is with the message shown. `again` is
   * the whole operation, which "Try again" repeats after a network failure (by default: start over).
   */
  async run<T>(action: () => Promise<T>, again?: () => unknown): Promise<T | undefined> {
    const request = ++this.requests;
    this.busy = true;
    this.error = '';
    this.retry = undefined;
    this.lastError = undefined;
    try {
      return await action();
    } catch (error) {
      // Aborted: its screen was left, or a newer load replaced it. Nothing to tell.
      if (isAborted(error)) return undefined;
      if (!(error instanceof ApiError)) throw error;
      await this.handleFailure(error, again ?? (() => this.start()));
      return undefined;
    } finally {
      if (request === this.requests) this.busy = false;
    }
  }

  /** The message for a failed request, with attempts left or when to retry. */
  describe(error: ApiError) {
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
    emit(this.host, 'tfa-error', { code: error.code, message: error.message });
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
        return this.go('locked');
      }
      case 'origin_not_allowed':
        return this.go('unavailable');
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
  async codeRejected() {
    const { code = '', details = {} } = this.lastError ?? {};
    const field = this.host.renderRoot.querySelector<TfaCodeField>('tfa-code-field');
    const dead = code === 'code_expired' || details.attemptsRemaining === 0;
    if (code.startsWith('code_') || dead) field?.clear();
    // The server holds no resend wait for a code that can no longer work: ask for one at once.
    if (dead) this.resend.end();
    // Focus once the field is enabled again, after the request.
    await this.host.updateComplete;
    await field?.updateComplete;
    field?.focus();
  }

  private async sessionExpired() {
    const host = this.host;
    emit(host, 'tfa-session-expired', {});
    const resume = this.resume;
    if (!host.tokenProvider) return this.go('expired');
    try {
      // Setting the token starts the journey again with the fresh session, or resumes it.
      host.token = await host.tokenProvider();
    } catch {
      return this.go('expired');
    }
    if (!resume) return;
    const session = await this.run(() => this.api.get<SessionView>('/session', this.newLoad()));
    this.resume = undefined;
    if (session) this.session = session;
    if (session) await resume();
  }

  /** "Reload the page", or, with a `tokenProvider`, another try at a fresh session. */
  private renew() {
    if (this.host.tokenProvider) void this.sessionExpired();
    else location.reload();
  }

  private secondsFromNow(seconds: number) {
    return new Date(Date.now() + seconds * 1000);
  }

  /** A time of day, with the date when it is not today. */
  private formatTime(date: Date) {
    const today = new Date().toDateString() === date.toDateString();
    return new Intl.DateTimeFormat(this.activeLocale, {
      ...(today ? {} : { dateStyle: 'medium' }),
      timeStyle: 'short',
    }).format(date);
  }

  formatDate(iso: string) {
    const date = new Intl.DateTimeFormat(this.activeLocale, { dateStyle: 'long' }).format(
      new Date(iso),
    );
    // French writes the first of the month as an ordinal: « le 1er décembre ».
    return this.activeLocale === 'fr' ? date.replace(/^1 /, '1er ') : date;
  }
}
