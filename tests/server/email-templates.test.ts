import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  codeEmail,
  codePurposes,
  escapeHtml,
  formatEventTime,
  notificationEmail,
  notificationTypes,
  type RenderedEmail,
} from '../../server/services/email-templates/index.ts';
import { locales } from '../../server/services/sessions.ts';

const CODE = '482916';
const TENANT = 'Clinique <b>Santé</b> & Co';
const AT = new Date('2025-03-03T14:05:00Z');
const BROWSER = 'Firefox on Windows';
const MASKED_PHONE = '+33 •• •• •• 78';

/** What every rendered email must satisfy, whatever its kind or language. */
function assertWellFormed(email: RenderedEmail, locale: string) {
  for (const [part, value] of Object.entries(email)) {
    assert.ok(value.trim().length > 0, `${part} is empty`);
    assert.doesNotMatch(value, /\bundefined\b|\bnull\b|\[object |NaN|\$\{/, `${part} leaks a hole`);
  }
  assert.doesNotMatch(email.subject, /[\r\n]/, 'a subject is one line');
  assert.match(email.html, /^<!DOCTYPE html>/);
  assert.ok(email.html.includes(`<html lang="${locale}"`), `html has lang="${locale}"`);
  assert.match(email.html, /<h1[^>]*>[^<]+<\/h1>/);
  // Partner input is escaped in the HTML, and shown as is in the text.
  assert.ok(!email.html.includes('<b>Santé</b>'), 'the tenant name is not escaped');
  assert.ok(email.html.includes(escapeHtml(TENANT)));
  assert.ok(email.text.includes(TENANT));
  assert.ok(email.subject.includes(TENANT));
  assert.doesNotMatch(
    email.text.replaceAll(TENANT, ''),
    /<[a-z/!]|&[a-z]+;|&#/i,
    'the text version holds no markup',
  );
}

describe('codeEmail', () => {
  for (const locale of locales) {
    for (const purpose of codePurposes) {
      test(`${purpose} in ${locale}`, () => {
        const email = codeEmail({
          locale,
          tenantName: TENANT,
          code: CODE,
          ttlMinutes: 10,
          purpose,
        });

        assertWellFormed(email, locale);
        assert.ok(!email.subject.includes(CODE), 'the code shows on lock screens');
        assert.ok(email.text.includes(CODE));
        assert.match(email.html, new RegExp(`<span style="[^"]*monospace[^"]*">${CODE}</span>`));
        assert.match(email.text, /\b10\b/, 'says how long the code lasts');
        assert.match(email.html, /\b10\b/);
      });
    }
  }

  test('the two purposes read differently, and sign-in warns about the password', () => {
    const input = { locale: 'en', tenantName: 'Clinic X', code: CODE, ttlMinutes: 10 } as const;
    const signIn = codeEmail({ ...input, purpose: 'sign-in' });
    const verify = codeEmail({ ...input, purpose: 'verify-email' });

    assert.equal(signIn.subject, 'Your sign-in code for Clinic X');
    assert.equal(verify.subject, 'Confirm your email for Clinic X');
    assert.match(signIn.text, /expires in 10 minutes/);
    assert.match(signIn.text, /ignore this email/);
    assert.match(signIn.text, /password/);
    assert.match(verify.text, /ignore this email/);
    assert.doesNotMatch(verify.text, /password/);
  });

  test('one minute is singular in every language', () => {
    // Arabic says "a minute" with no numeral, as Intl.NumberFormat words it.
    const expected = {
      en: '1 minute',
      fr: '1 minute',
      de: '1 Minute',
      es: '1 minuto',
      it: '1 minuto',
      'pt-BR': '1 minuto',
      nl: '1 minuut',
      pl: '1 minuta',
      ar: 'بعد دقيقة\\.',
      'zh-CN': '1分钟',
    } as const;
    for (const locale of locales) {
      const email = codeEmail({
        locale,
        tenantName: 'Clinic',
        code: CODE,
        ttlMinutes: 1,
        purpose: 'sign-in',
      });
      assert.match(email.text, new RegExp(`${expected[locale]}(?![a-z])`), locale);
    }
  });

  test('no two languages share a subject', () => {
    const subjects = locales.map(
      (locale) =>
        codeEmail({ locale, tenantName: 'Clinic', code: CODE, ttlMinutes: 10, purpose: 'sign-in' })
          .subject,
    );
    assert.equal(new Set(subjects).size, locales.length);
  });
});

describe('notificationEmail', () => {
  for (const locale of locales) {
    for (const type of notificationTypes) {
      test(`${type} in ${locale}`, () => {
        const email = notificationEmail({
          locale,
          tenantName: TENANT,
          type,
          at: AT,
          browser: BROWSER,
          maskedPhone: MASKED_PHONE,
        });
        const when = formatEventTime(AT, locale);

        assertWellFormed(email, locale);
        for (const part of [email.text, email.html]) {
          assert.ok(part.includes(BROWSER), 'names the browser');
          assert.ok(part.includes(when), 'says when');
        }
        assert.match(when, /UTC/, 'the time zone is shown');
        assert.match(when, /2025/);
        assert.match(when, /14|2/);
      });

      test(`${type} in ${locale} from an unknown browser, without a phone`, () => {
        const email = notificationEmail({
          locale,
          tenantName: TENANT,
          type,
          at: AT,
          browser: null,
        });

        assertWellFormed(email, locale);
        assert.ok(!email.text.includes('•'));
      });
    }
  }

  test('says what happened, when, from where, and what to do (en)', () => {
    const email = notificationEmail({
      locale: 'en',
      tenantName: 'Clinic X',
      type: 'phone.changed',
      at: AT,
      browser: 'Chrome on macOS',
      maskedPhone: MASKED_PHONE,
    });

    assert.equal(email.subject, 'The phone number for your Clinic X account was changed');
    assert.match(email.text, /phone number that receives your Clinic X sign-in codes was changed/);
    assert.ok(email.text.includes(`Codes will now be sent to ${MASKED_PHONE}.`));
    // ICU puts a narrow no-break space before "PM" in recent versions, a plain one before.
    assert.match(email.text, /When: March 3, 2025 at 2:05\sPM UTC/);
    assert.ok(email.text.includes('Browser: Chrome on macOS'));
    assert.match(email.text, /change your password/);
    assert.match(email.text, /contact Clinic X support/);
  });

  test('an unknown browser is named so, in each language', () => {
    const expected = {
      en: 'Unknown browser',
      fr: 'Navigateur inconnu',
      de: 'Unbekannter Browser',
      es: 'Navegador desconocido',
      it: 'Browser sconosciuto',
      'pt-BR': 'Navegador desconhecido',
      nl: 'Onbekende browser',
      pl: 'Nieznana przeglądarka',
      ar: 'متصفح غير معروف',
      'zh-CN': '未知浏览器',
    } as const;
    for (const locale of locales) {
      const email = notificationEmail({
        locale,
        tenantName: 'Clinic',
        type: 'browser.trusted',
        at: AT,
        browser: null,
      });
      assert.ok(email.text.includes(expected[locale]), locale);
      assert.ok(email.html.includes(expected[locale]), locale);
    }
  });

  test('dates are written in the language of the email', () => {
    assert.match(formatEventTime(AT, 'fr'), /3 mars 2025/);
    assert.match(formatEventTime(AT, 'de'), /3\. März 2025/);
    assert.match(formatEventTime(AT, 'es'), /3 de marzo de 2025/);
    assert.match(formatEventTime(AT, 'en'), /March 3, 2025/);
    assert.match(formatEventTime(AT, 'it'), /3 marzo 2025/);
    assert.match(formatEventTime(AT, 'pt-BR'), /3 de março de 2025/);
    assert.match(formatEventTime(AT, 'nl'), /3 maart 2025/);
    assert.match(formatEventTime(AT, 'pl'), /3 marca 2025/);
    assert.match(formatEventTime(AT, 'ar'), /مارس/);
    assert.match(formatEventTime(AT, 'zh-CN'), /2025年3月3日/);
  });

  test('Arabic emails read right to left, with the masked number kept left to right', () => {
    for (const locale of locales) {
      const email = notificationEmail({
        locale,
        tenantName: 'Clinic',
        type: 'phone.changed',
        at: AT,
        browser: null,
        maskedPhone: MASKED_PHONE,
      });
      const dir = locale === 'ar' ? 'rtl' : 'ltr';
      assert.ok(email.html.includes(`<html lang="${locale}" dir="${dir}">`), locale);
      assert.ok(email.html.includes(`lang="${locale}" dir="${dir}" style=`), locale);
      if (locale === 'ar') assert.ok(email.text.includes(`\u2066${MASKED_PHONE}\u2069`));
    }
  });

  test('browser labels and phones are escaped in the HTML', () => {
    const email = notificationEmail({
      locale: 'en',
      tenantName: 'Clinic',
      type: 'two_factor.enabled',
      at: AT,
      browser: '<img src=x onerror=alert(1)>',
      maskedPhone: '"><script>',
    });

    assert.ok(!email.html.includes('<img'));
    assert.ok(!email.html.includes('<script'));
    assert.ok(email.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  test('every type has its own subject in every language', () => {
    for (const locale of locales) {
      const subjects = notificationTypes.map(
        (type) =>
          notificationEmail({ locale, tenantName: 'Clinic', type, at: AT, browser: null }).subject,
      );
      assert.equal(new Set(subjects).size, notificationTypes.length, locale);
    }
  });
});

describe('escapeHtml', () => {
  test('escapes the five characters that matter in text and attributes', () => {
    assert.equal(
      escapeHtml(`<a href="x">O'Brien & Co</a>`),
      '&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; Co&lt;/a&gt;',
    );
  });
});
