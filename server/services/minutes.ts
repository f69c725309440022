import type { Locale } from './sessions.ts';

// Making a formatter costs more than the rest of a code's message: one per language, kept.
const formats = new Map<Locale, Intl.NumberFormat>();

/** "10 minutes", "10 Minuten": a code's lifetime, worded for the locale. */
export function formatMinutes(locale: Locale, minutes: number): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
    formats.set(locale, format);
  }
  return format.format(minutes);
}
