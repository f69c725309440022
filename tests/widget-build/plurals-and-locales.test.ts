// Plurals chosen by Intl.PluralRules, the language chosen for the page, and right-to-left values.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  directionOf,
  matchLocale,
  negotiateLocale,
  translator,
} from '../../widget/i18n/catalogue.ts';
import { loadAllStrings } from '../../widget/i18n/later-strings.ts';
import { formatPlurals } from '../../widget/i18n/plural.ts';

describe('plurals', () => {
  test('Polish takes one, few and many forms', async () => {
    const t = translator(await loadAllStrings('pl'), {}, 'pl', formatPlurals);
    const left = (count: number) => t('attemptsRemaining', { count });
    assert.equal(left(1), 'Została 1 próba.');
    assert.equal(left(3), 'Zostały 3 próby.');
    assert.equal(left(5), 'Zostało 5 prób.');
    assert.equal(left(22), 'Zostały 22 próby.');
  });

  test('Arabic takes its two, few and many forms, with the digits Arabic is written with', async () => {
    const t = translator(await loadAllStrings('ar'), {}, 'ar', formatPlurals);
    const digits = new Intl.NumberFormat('ar');
    assert.equal(t('trustBrowser', { days: 2 }), 'الوثوق بهذا المتصفح ليومين');
    assert.equal(
      t('trustBrowser', { days: 7 }),
      `الوثوق بهذا المتصفح لمدة ${digits.format(7)} أيام`,
    );
    assert.equal(
      t('trustBrowser', { days: 30 }),
      `الوثوق بهذا المتصفح لمدة ${digits.format(30)} يومًا`,
    );
  });

  test('English and Chinese', async () => {
    const english = translator(await loadAllStrings('en'), {}, 'en', formatPlurals);
    assert.equal(english('attemptsRemaining', { count: 1 }), '1 attempt left.');
    assert.equal(english('attemptsRemaining', { count: 4 }), '4 attempts left.');
    const chinese = translator(await loadAllStrings('zh-CN'), {}, 'zh-CN', formatPlurals);
    assert.equal(chinese('recoveryRemaining', { count: 1 }), '您还有 1 个恢复码未使用。');
  });

  test('an exact =N branch wins over the category, and text around the plural stays', () => {
    const message = 'Hi {name}: {n, plural, =0 {none} one {# item} other {# items}}!';
    assert.equal(formatPlurals(message, { n: 0 }, 'en'), 'Hi {name}: none!');
    assert.equal(formatPlurals(message, { n: 1 }, 'en'), 'Hi {name}: 1 item!');
    assert.equal(formatPlurals(message, { n: 1200 }, 'en'), 'Hi {name}: 1,200 items!');
  });
});

describe('choosing the language', () => {
  test('the session first, then the attribute, then the browser, then English', () => {
    const browser = ['xx-YY', 'nl-BE', 'fr'];
    assert.equal(negotiateLocale({ session: 'pl', attribute: 'de', browser }), 'pl');
    assert.equal(negotiateLocale({ session: null, attribute: 'de', browser }), 'de');
    assert.equal(negotiateLocale({ session: 'xx', attribute: '', browser }), 'nl');
    assert.equal(negotiateLocale({ attribute: 'tlh', browser: ['ja'] }), 'en');
    assert.equal(negotiateLocale({}), 'en');
  });

  test('regional and script tags reach the language we have', () => {
    assert.equal(matchLocale('pt'), 'pt-BR');
    assert.equal(matchLocale('pt-PT'), 'pt-BR');
    assert.equal(matchLocale('PT_br'), 'pt-BR');
    assert.equal(matchLocale('zh'), 'zh-CN');
    assert.equal(matchLocale('zh-Hans-CN'), 'zh-CN');
    assert.equal(matchLocale('ar-EG'), 'ar');
    assert.equal(matchLocale('it-CH'), 'it');
    assert.equal(matchLocale('ja'), undefined);
    assert.equal(matchLocale(''), undefined);
  });

  test('Arabic alone reads right to left', () => {
    assert.equal(directionOf('ar'), 'rtl');
    for (const locale of ['en', 'fr', 'it', 'pt-BR', 'nl', 'pl', 'zh-CN'] as const)
      assert.equal(directionOf(locale), 'ltr', locale);
  });

  test('in Arabic, a phone number is held left to right, an address in its own direction', async () => {
    const phone = '+33 •• •• •• 78';
    const arabic = translator(await loadAllStrings('ar'), {}, 'ar')('stepUpText', { phone });
    assert.ok(arabic.includes(`\u2066${phone}\u2069`), arabic);
    const email = translator(
      await loadAllStrings('ar'),
      {},
      'ar',
    )('codeSentTo', {
      destination: 'pat@example.com',
    });
    assert.ok(email.includes('\u2068pat@example.com\u2069'), email);
    const english = translator(await loadAllStrings('en'), {}, 'en')('stepUpText', { phone });
    assert.equal(english, `We sent a code to ${phone}.`);
  });
});
