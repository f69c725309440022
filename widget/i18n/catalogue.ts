import type { StringKey, Strings } from './en.ts';

export const supportedLocales = ['en', 'fr', 'de', 'es'] as const;
export type Locale = (typeof supportedLocales)[number];

// Each language is a small chunk fetched when asked for: a page loads its own language only.
const loaders: Record<Locale, () => Promise<Strings>> = {
  en: () => import('./en.ts').then((module) => module.en),
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
  return loaders[locale]();
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/**
 * A lookup into `strings`, overridden by `overrides`, with `{name}` placeholders filled in. Every
 * catalogue has every key (the `Strings` type), so only an empty one, before it loads, gives ''.
 */
export function translator(strings: Partial<Strings>, overrides: Partial<Strings> = {}): Translate {
  return (key, values = {}) =>
    (overrides[key] ?? strings[key] ?? '').replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
}

/** The message for an API error code, or the generic one. */
export function errorKey(code: string, strings: Partial<Strings>): StringKey {
  const key = `error.${code}`;
  return key in strings ? (key as StringKey) : 'error.internal_error';
}

export type { StringKey, Strings };
