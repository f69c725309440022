import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import {
  assertPhoneAllowed,
  maskPhone,
  type ParsedPhone,
  parsePhone,
} from '../../server/services/phone-numbers.ts';

const FR_MOBILE = '+33612345678';
const FR_FIXED_LINE = '+33123456789';
const FR_PREMIUM_RATE = '+33899123456';
const UK_MOBILE = '+447400123456';
const UK_TOLL_FREE = '+448001234567';
const DE_MOBILE = '+4915123456789';
const US_NUMBER = '+12015550123';

function appError(code: string) {
  return (error: unknown) => {
    assert.equal((error as { code?: unknown }).code, code);
    return true;
  };
}

/** What the mask may show: the country calling code's digits and the last two digits. */
function assertMaskHidesNumber(masked: string, e164: string, callingCode: string) {
  assert.ok(masked.startsWith(`+${callingCode} `), masked);
  const shown = masked.slice(callingCode.length + 2).replace(/\D/g, '');
  assert.equal(shown, e164.slice(-2), `${e164} → ${masked}`);
}

describe('parsePhone', () => {
  it('normalises a French mobile to E.164 from either input shape', () => {
    const byE164 = parsePhone({ phone: FR_MOBILE });
    const byCountry = parsePhone({ country: 'FR', number: '06 12 34 56 78' });
    assert.deepEqual(byE164, {
      e164: FR_MOBILE,
      country: 'FR',
      type: 'MOBILE',
      prefix: '+3361234',
      masked: '+33 •• •• •• 78',
    });
    assert.deepEqual(byCountry, byE164);
    assert.equal(parsePhone({ phone: '+33 6 12 34 56 78' }).e164, FR_MOBILE);
    assert.equal(parsePhone({ country: 'fr', number: '0612345678' }).e164, FR_MOBILE);
  });

  it('takes the country from the number, not from the picker', () => {
    const parsed = parsePhone({ country: 'FR', number: '+49 1512 3456789' });
    assert.equal(parsed.e164, DE_MOBILE);
    assert.equal(parsed.country, 'DE');
  });

  it('gives the E.164 number without its last 4 digits as the prefix', () => {
    for (const phone of [FR_MOBILE, UK_MOBILE, DE_MOBILE, US_NUMBER]) {
      const parsed = parsePhone({ phone });
      assert.equal(parsed.prefix, phone.slice(0, -4));
      assert.equal(parsed.prefix + phone.slice(-4), parsed.e164);
    }
    assert.equal(parsePhone({ phone: US_NUMBER }).prefix, '+1201555');
  });

  it('refuses what is not a valid phone number with invalid_phone', () => {
    const inputs: Parameters<typeof parsePhone>[0][] = [
      { phone: '' },
      { phone: 'abc' },
      { phone: '+33 6 12 AB 56 78' },
      { phone: '+1 800 FLOWERS' },
      { phone: '+33 6 12' },
      { phone: '+33 6 12 34 56 789' },
      { phone: '33612345678' },
      { phone: '0612345678' },
      { phone: 'call +33612345678 now' },
      { phone: '+33612345678 ext. 12' },
      { phone: '+999 123456789' },
      { phone: '+800 1234 5678' },
      { country: 'XX', number: '06 12 34 56 78' },
      { country: '', number: '06 12 34 56 78' },
      { country: 'FR', number: '06 12' },
      { country: 'FR', number: 'not a number' },
    ];
    for (const input of inputs) {
      assert.throws(() => parsePhone(input), appError('invalid_phone'), JSON.stringify(input));
    }
  });
});

describe('assertPhoneAllowed', () => {
  it('allows mobiles and US fixed-line-or-mobile numbers', () => {
    for (const phone of [FR_MOBILE, UK_MOBILE, DE_MOBILE, US_NUMBER]) {
      assert.doesNotThrow(() => assertPhoneAllowed(parsePhone({ phone }), []));
    }
    assert.equal(parsePhone({ phone: US_NUMBER }).type, 'FIXED_LINE_OR_MOBILE');
  });

  it('refuses premium-rate, toll-free and fixed-line numbers', () => {
    for (const phone of [FR_PREMIUM_RATE, UK_TOLL_FREE, FR_FIXED_LINE]) {
      const parsed = parsePhone({ phone });
      assert.throws(
        () => assertPhoneAllowed(parsed, []),
        appError('phone_type_not_allowed'),
        phone,
      );
    }
  });

  it('refuses every type other than MOBILE and FIXED_LINE_OR_MOBILE, and an unknown type', () => {
    const refused = [
      'PREMIUM_RATE',
      'SHARED_COST',
      'TOLL_FREE',
      'PAGER',
      'VOICEMAIL',
      'VOIP',
      'PERSONAL_NUMBER',
      'UAN',
      'FIXED_LINE',
      undefined,
    ];
    const base = parsePhone({ phone: FR_MOBILE });
    for (const type of refused) {
      const parsed: ParsedPhone = { ...base, type };
      assert.throws(() => assertPhoneAllowed(parsed, []), appError('phone_type_not_allowed'));
    }
  });

  it('refuses a country outside a non-empty allow-list', () => {
    const german = parsePhone({ phone: DE_MOBILE });
    assert.throws(() => assertPhoneAllowed(german, ['FR']), appError('country_not_allowed'));
    assert.doesNotThrow(() => assertPhoneAllowed(german, ['FR', 'DE']));
    assert.doesNotThrow(() => assertPhoneAllowed(parsePhone({ phone: FR_MOBILE }), ['FR']));
  });

  it('checks the country before the type', () => {
    const tollFree = parsePhone({ phone: UK_TOLL_FREE });
    assert.throws(() => assertPhoneAllowed(tollFree, ['FR']), appError('country_not_allowed'));
  });
});

describe('maskPhone', () => {
  it('masks a French mobile as +33 •• •• •• 78', () => {
    assert.equal(maskPhone(FR_MOBILE), '+33 •• •• •• 78');
  });

  it('keeps the grouping of other countries', () => {
    assert.equal(maskPhone(US_NUMBER), '+1 ••• ••• ••23');
    assert.equal(maskPhone(UK_MOBILE), '+44 •••• ••••56');
    assert.equal(maskPhone(DE_MOBILE), '+49 •••• •••••89');
  });

  it('never shows more than the country code and the last 2 digits', () => {
    assertMaskHidesNumber(maskPhone(FR_MOBILE), FR_MOBILE, '33');
    assertMaskHidesNumber(maskPhone(US_NUMBER), US_NUMBER, '1');
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      assertMaskHidesNumber(maskPhone(example.number), example.number, example.countryCallingCode);
    }
  });
});
