import type { CSSResult } from 'lit';

/**
 * Adds the styles of a later screen to an element's shadow root, after its own, once. A
 * constructed style sheet, not a `<style>` in the template: a page whose Content-Security-Policy
 * has no `'unsafe-inline'` for styles blocks the latter.
 */
export function adoptStyles(element: HTMLElement, styles: CSSResult) {
  const root = element.shadowRoot;
  const sheet = styles.styleSheet;
  if (!root || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
