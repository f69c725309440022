/**
 * `{count, plural, one {# day} other {# days}}` (the ICU MessageFormat plural syntax translators
 * know): the branch `Intl.PluralRules` picks for the value, `=N` branches first, `#` the value as
 * the locale writes numbers. One key holds every form, so Polish or Arabic need no extra keys.
 * Branches hold plain text and `#`, no other placeholder: that keeps this small enough for the
 * first load.
 */
export function formatPlurals(
  message: string,
  values: Record<string, string | number>,
  locale: string,
): string {
  return message.replace(PLURAL, (_, name: string, body: string) => {
    const value = Number(values[name]);
    const branches = pluralBranches(body);
    const branch =
      branches.get(`=${value}`) ??
      branches.get(new Intl.PluralRules(locale).select(value)) ??
      branches.get('other') ??
      '';
    return branch.replace(/#/g, new Intl.NumberFormat(locale).format(value));
  });
}

export const PLURAL = /\{(\w+), plural,((?:\s*=?\w+ \{[^{}]*\})+)\s*\}/g;

/** The branches of a plural body, by selector (`one`, `=0`, …). */
export function pluralBranches(body: string): Map<string, string> {
  return new Map(
    [...body.matchAll(/(=?\w+) \{([^{}]*)\}/g)].map(([, selector = '', text = '']) => [
      selector,
      text,
    ]),
  );
}
