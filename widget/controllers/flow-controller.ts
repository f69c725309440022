import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.ts';

/**
 * A field of a flow whose change redraws the element, as Lit's `@state` does on an element.
 * (Legacy decorator, like Lit's: `useDefineForClassFields` is off, so field initializers set it.)
 */
export function redraws(proto: object, name: string) {
  const key = Symbol(name);
  Object.defineProperty(proto, name, {
    get(this: Record<symbol, unknown>) {
      return this[key];
    },
    set(this: Record<symbol, unknown> & { host: ReactiveControllerHost }, value: unknown) {
      this[key] = value;
      this.host.requestUpdate();
    },
  });
}

/**
 * The current screen of a multi-step element, as a named state. Moving on dispatches
 * `tfa-step-change`, aborts whatever the old screen was waiting for (a WebOTP read, a request) and
 * moves focus to the new screen's code field or heading so screen readers announce it (WCAG 2.4.3).
 */
export class FlowController<Screen extends string> implements ReactiveController {
  private aborter = new AbortController();
  private loader = new AbortController();
  private moved = false;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    public screen: Screen,
  ) {
    host.addController(this);
  }

  /** Aborted when the screen changes or the element leaves the page. */
  get signal() {
    return this.aborter.signal;
  }

  /**
   * The signal of a new load of the element's state (`GET /session`). It aborts the load before,
   * so an older answer never lands after a newer one; leaving the page aborts it too.
   */
  newLoad() {
    this.loader.abort();
    this.loader = new AbortController();
    return this.loader.signal;
  }

  go(to: Screen) {
    const from = this.screen;
    this.aborter.abort();
    this.aborter = new AbortController();
    if (to === from) return;
    this.screen = to;
    const moved = this.moved;
    this.moved = true;
    this.host.requestUpdate();
    emit(this.host, 'tfa-step-change', { from, to });
    void this.host.updateComplete.then(() => this.focusScreen(moved));
  }

  /**
   * A code screen focuses its field, where the user types next, even the first one (a sign-in
   * page's code step), unless it has something to read first (`data-read-first`: the app's QR
   * code and key). Other screens focus their heading, but not the first screen after loading,
   * where the user arrives: there the focus stays on the page.
   */
  private async focusScreen(moved: boolean) {
    const root = this.host.shadowRoot;
    const field = root?.querySelector('[data-read-first]')
      ? null
      : root?.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('tfa-code-field');
    await field?.updateComplete;
    (field ?? (moved ? root?.querySelector<HTMLElement>('[part~="heading"]') : null))?.focus();
  }

  hostDisconnected() {
    this.aborter.abort();
    this.loader.abort();
  }
}
