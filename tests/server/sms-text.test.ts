// The code SMS in every language of the sessions: the code, the site, how long it lasts, and the
// WebOTP line last, unchanged by the language.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { locales } from '../../server/services/sessions.ts';
import { codeSmsText } from '../../server/services/sms-text.ts';

const input = { tenantName: 'Demo Clinic', code: '482916', partnerHost: 'clinic.example' };

describe('codeSmsText', () => {
  for (const locale of locales) {
    test(`in ${locale}: the code first, the site, the lifetime, then the WebOTP line`, () => {
      const text = codeSmsText({ ...input, locale, ttlSeconds: 600 });
      const [message = '', webOtp] = text.split('\n\n');
      assert.ok(message.startsWith('482916 '), message);
      assert.ok(message.includes('Demo Clinic'), message);
      assert.match(message, /10/);
      assert.equal(webOtp, '@clinic.example #482916');
    });
  }

  test('each language has its own wording, and the minutes are worded for it', () => {
    const texts = locales.map((locale) => codeSmsText({ ...input, locale, ttlSeconds: 600 }));
    assert.equal(new Set(texts).size, locales.length);
    const five = (locale: (typeof locales)[number]) =>
      codeSmsText({ ...input, locale, ttlSeconds: 300 });
    assert.match(five('pl'), /Czas ważności: 5 minut\./);
    assert.match(five('nl'), /verloopt over 5 minuten\./);
    assert.match(five('it'), /Scade tra 5 minuti\./);
    assert.match(five('pt-BR'), /Expira em 5 minutos\./);
    assert.match(five('zh-CN'), /5分钟内有效/);
    assert.match(five('ar'), /دقائق/);
  });
});
