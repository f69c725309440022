import { callingCodes } from './calling-codes.generated.ts';

export interface Country {
  /** ISO 3166-1 alpha-2 code, e.g. `FR`. */
  code: string;
  /** Calling code without the plus, e.g. `33`. */
  dialCode: string;
  /** Name in the element's language, from `Intl.DisplayNames`. */
  name: string;
  /** Regional-indicator emoji. */
  flag: string;
}

const dialCodes = new Map(
  callingCodes.split(',').map((entry) => [entry.slice(0, 2), entry.slice(2)] as const),
);

/** The main country of each calling code: listed first in the generated table. */
const mainCountries = new Map<string, string>();
for (const [country, dialCode] of dialCodes) {
  if (!mainCountries.has(dialCode)) mainCountries.set(dialCode, country);
}

export function dialCodeOf(country: string) {
  return dialCodes.get(country);
}

export function flagOf(country: string) {
  return String.fromCodePoint(...[...country].map((letter) => 0x1f1a5 + letter.charCodeAt(0)));
}

/** The countries to offer, named in `locale`: preferred ones first, then by name. */
export function countryList(
  locale: string,
  { allowed = [], preferred = [] }: { allowed?: string[]; preferred?: string[] } = {},
): Country[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const codes =
    allowed.length > 0 ? allowed.filter((code) => dialCodes.has(code)) : [...dialCodes.keys()];
  const countries = codes.map((code) => ({
    code,
    dialCode: dialCodes.get(code) ?? '',
    name: names.of(code) ?? code,
    flag: flagOf(code),
  }));
  const collator = new Intl.Collator(locale);
  const rank = (code: string) => {
    const index = preferred.indexOf(code);
    return index === -1 ? preferred.length : index;
  };
  return countries.sort((a, b) => rank(a.code) - rank(b.code) || collator.compare(a.name, b.name));
}

/**
 * The country an international number (`+33612…`, digits only after the plus) belongs to, among
 * `candidates`: the longest calling code that matches, the current country when it shares that
 * code (+1, +44, +7), else the code's main country.
 */
export function countryOfInternational(digits: string, candidates: Country[], current?: string) {
  for (let length = 3; length >= 1; length--) {
    const code = digits.slice(0, length);
    const matches = candidates.filter((country) => country.dialCode === code);
    if (matches.length === 0) continue;
    return (
      matches.find((country) => country.code === current) ??
      matches.find((country) => country.code === mainCountries.get(code)) ??
      matches[0]
    );
  }
  return undefined;
}

/** The main country of the calling code a masked number starts with: `+33 •• …` → `FR`. */
export function countryOfMaskedPhone(masked: string | null | undefined) {
  const dialCode = masked?.match(/^\+(\d{1,3})\D/)?.[1];
  return dialCode ? mainCountries.get(dialCode) : undefined;
}
