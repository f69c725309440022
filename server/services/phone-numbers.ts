import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { AppError } from '../errors.ts';

export interface ParsedPhone {
  e164: string;
  /** ISO 3166-1 alpha-2, from the number itself, never from the country picker. */
  country: string;
  /** libphonenumber-js number type (`MOBILE`, `FIXED_LINE_OR_MOBILE`, ...), when it knows it. */
  type: string | undefined;
  /** The E.164 number without its last 4 digits, for per-prefix send limits. */
  prefix: string;
  masked: string;
}

export type PhoneInput = { phone: string } | { country: string; number: string };

// Only numbers that can receive an SMS; premium, shared-cost and the like are how SMS pumping pays.
const ALLOWED_TYPES: ReadonlySet<string> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

export function parsePhone(input: PhoneInput): ParsedPhone {
  const phone = parseInput(input);
  // An SMS cannot reach an extension, and a number with no country cannot meet an allow-list.
  if (!phone?.isValid() || phone.ext || !phone.country) throw new AppError('invalid_phone');
  return {
    e164: phone.number,
    country: phone.country,
    type: phone.getType(),
    prefix: phone.number.slice(0, -4),
    masked: maskParsed(phone),
  };
}

export function assertPhoneAllowed(parsed: ParsedPhone, allowedCountries: string[]): void {
  if (allowedCountries.length > 0 && !allowedCountries.includes(parsed.country)) {
    throw new AppError('country_not_allowed');
  }
  if (parsed.type === undefined || !ALLOWED_TYPES.has(parsed.type)) {
    throw new AppError('phone_type_not_allowed');
  }
}

export function maskPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164, { extract: false });
  if (!phone) throw new AppError('invalid_phone');
  return maskParsed(phone);
}

function parseInput(input: PhoneInput): PhoneNumber | undefined {
  if ('phone' in input) {
    if (!input.phone.trim().startsWith('+')) return undefined;
    return parsePhoneNumberFromString(input.phone, { extract: false });
  }
  const country = input.country.toUpperCase();
  if (!isSupportedCountry(country)) return undefined;
  return parsePhoneNumberFromString(input.number, {
    defaultCountry: country as CountryCode,
    extract: false,
  });
}

// Rule: the country code, then the last 4 digit groups of the international format with every
// digit bulleted but the final two (+33 6 12 34 56 78 → +33 •• •• •• 78).
function maskParsed(phone: PhoneNumber): string {
  const national = phone.formatInternational().split(' ').slice(1).slice(-4).join(' ');
  let shown = 0;
  const masked = [...national]
    .reverse()
    .map((char) => (/\d/.test(char) && shown++ >= 2 ? '•' : char))
    .reverse()
    .join('');
  return `+${phone.countryCallingCode} ${masked}`;
}
