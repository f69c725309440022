// The language a partner asks for when it mints a session, matched to one the server speaks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedLocale } from '../../server/services/sessions.ts';

test('a tag reaches the language of its first subtag, else English', () => {
  const cases = {
    'fr-CA': 'fr',
    it: 'it',
    pt: 'pt-BR',
    'pt-PT': 'pt-BR',
    pt_BR: 'pt-BR',
    'nl-BE': 'nl',
    PL: 'pl',
    'ar-EG': 'ar',
    zh: 'zh-CN',
    'zh-Hans': 'zh-CN',
    'zh-CN': 'zh-CN',
    ja: 'en',
    '': 'en',
  };
  for (const [requested, expected] of Object.entries(cases))
    assert.equal(supportedLocale(requested), expected, requested);
  assert.equal(supportedLocale(undefined), 'en');
});
