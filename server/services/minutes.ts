import type { Locale } from './sessions.ts';

// Wording a number with its unit costs more than the rest of a code's message, and a code's
// lifetime is one of a few settings: each wording is made once, per language and number.
const worded = new Map<string, string>();

/** "10 minutes", "10 Minuten": a code's lifetime, worded for the locale. */
export function formatMinutes(locale: Locale, minutes: number): string {
  const key = `${locale} ${minutes}`;
  let text = worded.get(key);
  if (text === undefined) {
    text = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'minute',
      unitDisplay: 'long',
    }).format(minutes);
    if (worded.size >= 1000) worded.clear();
    worded.set(key, text);
  }
  return text;
}
