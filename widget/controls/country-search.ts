import { type Country, countryList, countryOfInternational } from '../phone/countries.ts';

/** Attribute converter for lists of ISO codes: `FR DE, es` ⇄ `['FR', 'DE', 'ES']`. */
export const codeList = {
  fromAttribute: (value: string | null) =>
    value
      ? value
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((code) => code.toUpperCase())
      : [],
  toAttribute: (value: string[]) => value.join(' '),
};

/** Lower case, accents dropped, words separated by single spaces: `Côte d’Ivoire` → `cote d ivoire`. */
function normalise(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/**
 * The countries matching what the user typed: a dial code (`33`, `+33`, its prefix), an ISO code
 * (`fr`), or the start of any word of the name, ignoring case and accents. Exact codes come first.
 */
export function searchCountries(countries: Country[], query: string): Country[] {
  const text = query.trim();
  if (/^\+?[\d\s]*$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (!digits) return countries;
    const exact = countries.filter((country) => country.dialCode === digits);
    // Among the countries sharing +1 or +44, the code's main country (US, GB) leads.
    const main = countryOfInternational(digits, exact);
    return [
      ...(main ? [main] : []),
      ...exact.filter((country) => country !== main),
      ...countries.filter(
        (country) => country.dialCode.startsWith(digits) && !exact.includes(country),
      ),
    ];
  }
  const needle = normalise(text);
  if (!needle) return countries;
  const rank = (country: Country) => {
    if (needle.length === 2 && country.code.toLowerCase() === needle) return 0;
    const name = normalise(country.name);
    if (name.startsWith(needle)) return 1;
    return ` ${name}`.includes(` ${needle}`) ? 2 : -1;
  };
  return countries
    .map((country) => ({ country, rank: rank(country) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map(({ country }) => country);
}

/** The countries of `allowed` (every one when empty) named in `locale`, preferred ones first. */
export function countriesIn(locale: string, allowed: string[], preferred: string[] = []) {
  try {
    return countryList(locale, { allowed, preferred });
  } catch {
    // An invalid language tag: English names rather than no picker at all.
    return countryList('en', { allowed, preferred });
  }
}

/** Past this many, the accepted countries are named in part: the list shows them all. */
const ACCEPTED_NAMED_MAX = 4;

/** The accepted countries' names for a sentence: `France, Belgium and Switzerland`, or `France, Belgium, Switzerland…`. */
export function acceptedNames(accepted: Country[], locale: string) {
  const names = accepted.map((country) => country.name);
  try {
    if (names.length <= ACCEPTED_NAMED_MAX)
      return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
    const first = names.slice(0, ACCEPTED_NAMED_MAX - 1);
    return `${new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(first)}…`;
  } catch {
    return names.join(', ');
  }
}
