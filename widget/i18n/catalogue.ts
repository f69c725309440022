import type { FirstStrings, StringKey, Strings } from './en.ts';
import type { formatPlurals } from './plural.ts';

export const supportedLocales = [
  'en',
  'fr',
  'de',
  'es',
  'it',
  'pt-BR',
  'nl',
  'pl',
  'ar',
  'zh-CN',
] as const;
export type Locale = (typeof supportedLocales)[number];

// Each language is a small chunk fetched when asked for: a page loads its own language only.
const loaders: Record<Locale, () => Promise<FirstStrings>> = {
  en: () => import('./en-first.ts').then((module) => module.enFirst),
  fr: () => import('./fr.ts').then((module) => module.fr),
  de: () => import('./de.ts').then((module) => module.de),
  es: () => import('./es.ts').then((module) => module.es),
  it: () => import('./it.ts').then((module) => module.it),
  'pt-BR': () => import('./pt-br.ts').then((module) => module.ptBR),
  nl: () => import('./nl.ts').then((module) => module.nl),
  pl: () => import('./pl.ts').then((module) => module.pl),
  ar: () => import('./ar.ts').then((module) => module.ar),
  'zh-CN': () => import('./zh-cn.ts').then((module) => module.zhCN),
};

const rightToLeft: ReadonlySet<Locale> = new Set(['ar']);

/** The writing direction of a supported language. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/**
 * The supported language of a tag, by its language subtag: `fr-CA` → `fr`, `pt` or `pt-PT` →
 * `pt-BR`, `zh`, `zh-Hans` or `zh-TW` → `zh-CN`; undefined when none speaks it.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return supportedLocales.find((locale) => locale.toLowerCase().split('-')[0] === language);
}

/**
 * The language to speak: the session's (what the site's backend asked for), else the element's
 * `locale` attribute, else the first of the browser's languages we have, else English.
 */
export function negotiateLocale(choices: {
  session?: string | null;
  attribute?: string | null;
  browser?: readonly string[];
}): Locale {
  return (
    matchLocale(choices.session) ??
    matchLocale(choices.attribute) ??
    (choices.browser ?? []).map(matchLocale).find(Boolean) ??
    'en'
  );
}

/** The messages of the first screens in `locale` (see `later-strings.ts` for the rest). */
export async function loadStrings(locale: Locale): Promise<FirstStrings> {
  return loaders[locale]();
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/**
 * A lookup into `strings`, overridden by `overrides`, with plurals chosen for `locale` by `plurals`
 * and `{name}` placeholders filled in. Every catalogue has every key (the `Strings` type), so only
 * an empty one, before it loads, gives ''. Only later screens say plurals, so `plurals` comes with
 * their chunk rather than in the first load.
 */
export function translator(
  strings: Partial<Strings>,
  overrides: Partial<Strings> = {},
  locale: Locale = 'en',
  plurals?: typeof formatPlurals,
): Translate {
  const insert = directionOf(locale) === 'rtl' ? isolate : String;
  return (key, values = {}) => {
    const message = overrides[key] ?? strings[key] ?? '';
    return (plurals ? plurals(message, values, locale) : message).replace(
      /\{(\w+)\}/g,
      (match, name: string) => (name in values ? insert(values[name]) : match),
    );
  };
}

/**
 * A value set apart from a right-to-left sentence (Unicode isolates, UAX #9), so that an email
 * address or `+33 •• •• •• 78` keeps its own order instead of being reordered around it. A value
 * with letters takes the direction of its first one; one without (a masked number, a time) is
 * held left to right, since browsers give a first-strong isolate with no letter the sentence's.
 */
function isolate(value: unknown): string {
  const text = String(value);
  return `${/\p{L}/u.test(text) ? '\u2068' : '\u2066'}${text}\u2069`;
}

/** The message for an API error code, or the generic one. */
export function errorKey(code: string, strings: Partial<Strings>): StringKey {
  const key = `error.${code}`;
  return key in strings ? (key as StringKey) : 'error.internal_error';
}

export type { StringKey, Strings };
