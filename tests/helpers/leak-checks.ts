import assert from 'node:assert/strict';
import { FRENCH_MOBILE, OTHER_FRENCH_MOBILE } from './widget-client.ts';

/** Every way a French mobile number may be written: E.164, without `+`, national, spaced. */
function numberForms(e164: string): string[] {
  const national = e164.slice(3); // 612345678
  const pairs = national.slice(1).match(/../g)?.join(' ') ?? '';
  return [
    e164,
    e164.slice(1),
    `0${national}`,
    national,
    `0${national[0]} ${pairs}`,
    `+33 ${national[0]} ${pairs}`,
  ];
}

export const NUMBER_FORMS = [...numberForms(FRENCH_MOBILE), ...numberForms(OTHER_FRENCH_MOBILE)];

/** A six-digit code standing alone (not inside a longer run of digits or a decimal fraction). */
export const codePattern = (code: string) => new RegExp(`(?<![\\d.])${code}(?!\\d)`);

/** Asserts `text` holds neither test number, in any way it may be written. */
export function assertNoNumber(text: string, where: string) {
  for (const form of NUMBER_FORMS) assert.ok(!text.includes(form), `${where} contains ${form}`);
}
