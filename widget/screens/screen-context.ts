import { html, nothing } from 'lit';
import type { Translate } from '../i18n/catalogue.ts';

/** What every screen gets from its element. */
export interface ScreenContext {
  t: Translate;
  busy: boolean;
  /** The last failed request's message. */
  error: string;
  /** Set when the failure may pass on a second try (the network). */
  retry?: (() => void) | undefined;
  /** The level of each screen's heading in the page's outline (`heading-level`); 2 by default. */
  headingLevel: number;
}

/** A screen: its own part name besides `screen`, a heading that takes focus, then its content. */
export function screen(
  { headingLevel }: Pick<ScreenContext, 'headingLevel'>,
  name: string,
  heading: string,
  content: unknown,
) {
  return html`<section part="screen ${name}-screen" aria-labelledby="heading">
    <h2 id="heading" part="heading" tabindex="-1" aria-level=${headingLevel}>${heading}</h2>
    ${content}
  </section>`;
}

/** The alert region of a screen: the failure's message, and "Try again" when it may help. */
export function alertRegion({ error, retry, t, busy }: ScreenContext) {
  return html`<div part="alert">
    <p part="error" role="alert">${error}</p>
    ${
      retry
        ? html`<button part="button secondary-button retry-button" ?disabled=${busy} @click=${retry}>
            ${t('tryAgain')}
          </button>`
        : nothing
    }
  </div>`;
}

export function paragraph(text: string, part = 'text') {
  return html`<p part=${part}>${text}</p>`;
}

type ButtonKind = 'primary' | 'secondary' | 'danger' | 'link';

/** A button with its generic part, its kind's part and its own name, e.g. `send-code-button`. */
export function button(
  context: Pick<ScreenContext, 'busy'>,
  kind: ButtonKind,
  name: string,
  label: string,
  onClick?: () => void,
  type: 'button' | 'submit' = 'button',
) {
  return html`<button
    type=${type}
    part="button ${kind}-button ${name}-button"
    ?disabled=${context.busy}
    @click=${onClick ?? nothing}
  >
    ${label}
  </button>`;
}

/** Calls `onSubmit` instead of sending the form anywhere. */
export function submitHandler(onSubmit: (form: HTMLFormElement) => void) {
  return (event: SubmitEvent) => {
    event.preventDefault();
    onSubmit(event.target as HTMLFormElement);
  };
}
