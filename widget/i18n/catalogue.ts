import { en, type StringKey, type Strings } from './en.ts';

export const supportedLocales = ['en', 'fr', 'de', 'es'] as const;
export type Locale = (typeof supportedLocales)[number];

// Only English is in the first load; the others are small chunks fetched when asked for.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Strings>> = {
  fr: () => import('./fr.ts').then((module) => module.fr),
  de: () => import('./de.ts').then((module) => module.de),
  es: () => import('./es.ts').then((module) => module.es),
};

/** The supported language of a tag (`fr-CA` → `fr`), or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return supportedLocales.find((locale) => locale === language);
}

export async function loadStrings(locale: Locale): Promise<Strings> {
  return locale === 'en' ? en : loaders[locale]();
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/** A lookup into `strings`, overridden by `overrides`, with `{name}` placeholders filled in. */
export function translator(strings: Strings, overrides: Partial<Strings> = {}): Translate {
  return (key, values = {}) =>
    (overrides[key] ?? strings[key] ?? en[key]).replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
}

/** The message for an API error code, or the generic one. */
export function errorKey(code: string): StringKey {
  const key = `error.${code}`;
  return key in en ? (key as StringKey) : 'error.internal_error';
}

export type { StringKey, Strings };
