// Every language of the elements says everything English says, with the same placeholders, and
// has each plural form its language needs (Intl.PluralRules), so no screen falls back or breaks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Strings, supportedLocales } from '../../widget/i18n/catalogue.ts';
import { en } from '../../widget/i18n/en.ts';
import { loadAllStrings } from '../../widget/i18n/later-strings.ts';
import { pluralBranches } from '../../widget/i18n/plural.ts';

const PLURAL = /\{(\w+),\s*plural,([\s\S]*)\}$/;

/** `{name}` placeholders outside plural branches, and the plural variables with their branches. */
function shape(message: string) {
  const plural = message.match(PLURAL);
  const branches = plural ? pluralBranches(plural[2] ?? '') : new Map<string, string>();
  const text = plural ? [...branches.values()].join(' ') : message;
  return {
    placeholders: [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort(),
    plural: plural?.[1],
    categories: [...branches.keys()].filter((selector) => !selector.startsWith('=')),
  };
}

describe('the language catalogues', () => {
  test('ten languages are offered', () => {
    assert.deepEqual([...supportedLocales].sort(), [
      'ar',
      'de',
      'en',
      'es',
      'fr',
      'it',
      'nl',
      'pl',
      'pt-BR',
      'zh-CN',
    ]);
  });

  for (const locale of supportedLocales) {
    describe(locale, () => {
      let strings: Strings;

      test('has exactly the keys of English, none missing, none extra', async () => {
        strings = await loadAllStrings(locale);
        const keys = Object.keys(strings).sort();
        const reference = Object.keys(en).sort();
        assert.deepEqual(
          { missing: reference.filter((key) => !keys.includes(key)) },
          { missing: [] },
        );
        assert.deepEqual({ extra: keys.filter((key) => !reference.includes(key)) }, { extra: [] });
      });

      test('fills every message, with the placeholders of English', async () => {
        strings ??= await loadAllStrings(locale);
        for (const [key, message] of Object.entries(strings)) {
          assert.ok(message.trim(), `${key} is empty`);
          const mine = shape(message);
          const reference = shape(en[key as keyof Strings]);
          assert.deepEqual(mine.placeholders, reference.placeholders, `${key} placeholders`);
          assert.equal(mine.plural, reference.plural, `${key} plural variable`);
        }
      });

      test('has every plural form the language needs', async () => {
        strings ??= await loadAllStrings(locale);
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [key, message] of Object.entries(strings)) {
          const { plural, categories } = shape(message);
          if (!plural) continue;
          assert.deepEqual(
            needed.filter((category) => !categories.includes(category)),
            [],
            `${key} lacks forms`,
          );
        }
      });
    });
  }
});
