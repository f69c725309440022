// Every error code the server can answer with has a message of its own in every language the
// elements speak, so a user never reads the generic one for a known failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCodes } from '../../server/errors.ts';
import { supportedLocales } from '../../widget/i18n/catalogue.ts';
import { loadAllStrings } from '../../widget/i18n/later-strings.ts';

const catalogues = Object.fromEntries(
  await Promise.all(
    supportedLocales.map(async (locale) => [locale, await loadAllStrings(locale)] as const),
  ),
);

for (const [locale, strings] of Object.entries(catalogues)) {
  test(`${locale}: a message for every server error code`, () => {
    const messages = strings as Record<string, string>;
    const missing = Object.keys(errorCodes).filter((code) => !messages[`error.${code}`]?.trim());
    assert.deepEqual(missing, []);
  });
}

// To a user of the element, an unknown token and an expired one are the same: a session to renew.
const SAME_FOR_THE_USER = new Set(['unauthorized']);

test('no two error codes share a message, in any language', () => {
  for (const [locale, strings] of Object.entries(catalogues)) {
    const messages = Object.keys(errorCodes)
      .filter((code) => !SAME_FOR_THE_USER.has(code))
      .map((code) => (strings as Record<string, string>)[`error.${code}`]);
    assert.equal(new Set(messages).size, messages.length, locale);
  }
});
