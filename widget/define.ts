/** Registers `tag` unless a page (or a second copy of the bundle) already did. */
export function define(tag: string, element: CustomElementConstructor) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
