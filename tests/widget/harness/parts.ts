// What a page can style on an element: its parts (exported ones included) and `--tfa-*` properties.
import { expect } from '@open-wc/testing';
import { type Element, screenOf } from './element.ts';

function partsOf(node: globalThis.Element) {
  return node.getAttribute('part')?.split(/\s+/).filter(Boolean) ?? [];
}

/** `exportparts="a, b:c"` → `[['a', 'a'], ['b', 'c']]`. */
function exportMappings(node: globalThis.Element) {
  return (node.getAttribute('exportparts') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [inner = '', outer = inner] = entry.split(':').map((name) => name.trim());
      return [inner, outer] as const;
    });
}

/** The part names `::part()` reaches from outside `root`'s host: its own and those exported. */
export function exposedParts(root: ShadowRoot): Set<string> {
  const names = new Set<string>();
  for (const node of root.querySelectorAll('*')) {
    for (const name of partsOf(node)) names.add(name);
    if (!node.shadowRoot) continue;
    const inner = exposedParts(node.shadowRoot);
    for (const [from, to] of exportMappings(node)) if (inner.has(from)) names.add(to);
  }
  return names;
}

/** Parts inside nested controls that no `exportparts` lets out, as `tag: part`. */
export function unexportedParts(root: ShadowRoot): string[] {
  const hidden: string[] = [];
  for (const node of root.querySelectorAll('*')) {
    if (!node.shadowRoot) continue;
    const exported = new Set(exportMappings(node).map(([from]) => from));
    for (const name of exposedParts(node.shadowRoot))
      if (!exported.has(name)) hidden.push(`${node.localName}: ${name}`);
    hidden.push(...unexportedParts(node.shadowRoot));
  }
  return hidden;
}

function hostProperties(rules: CSSRuleList, into: Set<string>) {
  for (const rule of rules) {
    if (
      rule instanceof CSSStyleRule &&
      rule.selectorText.split(',').some((s) => s.trim() === ':host')
    )
      for (const name of rule.style) if (name.startsWith('--tfa-')) into.add(name);
    if (rule instanceof CSSGroupingRule) hostProperties(rule.cssRules, into);
  }
}

/** Every `--tfa-*` property the element's styles declare on `:host`, in any media query. */
export function hostCustomProperties(element: Element): Set<string> {
  const names = new Set<string>();
  for (const sheet of element.shadowRoot?.adoptedStyleSheets ?? [])
    hostProperties(sheet.cssRules, names);
  return names;
}

/** Records the screens shown and every part a page could style on each; checks each with axe. */
export class PartsWalk {
  readonly screens = new Set<string>();
  readonly parts = new Set<string>();
  readonly unexported = new Set<string>();

  async visit(element: Element) {
    const root = element.shadowRoot as ShadowRoot;
    const screen = screenOf(element);
    this.screens.add(screen);
    for (const name of exposedParts(root)) this.parts.add(name);
    for (const name of unexportedParts(root)) this.unexported.add(name);
    try {
      await expect(element).to.be.accessible();
    } catch (error) {
      throw new Error(`axe-core on the "${screen}" screen: ${(error as Error).message}`);
    }
  }
}
