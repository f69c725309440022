import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../errors.ts';

const CountryCode = Type.String({ pattern: '^[A-Z]{2}$' });

/** A tenant's policy and wording. Every field has a safe default; `tenant set` changes them. */
export const TenantSettingsSchema = Type.Object(
  {
    signInSteps: Type.Union(
      [Type.Tuple([Type.Literal('sms')]), Type.Tuple([Type.Literal('email'), Type.Literal('sms')])],
      {
        default: ['sms'],
        description:
          'Codes asked at sign-in, in order: the SMS code alone, or an email passcode first.',
      },
    ),
    methods: Type.Array(Type.Union([Type.Literal('sms'), Type.Literal('totp')]), {
      minItems: 1,
      uniqueItems: true,
      default: ['sms', 'totp'],
      description:
        'Second-factor methods users may turn on: sms (text message), totp (authenticator app).',
    }),
    allowedCountries: Type.Array(CountryCode, {
      default: [],
      description: 'ISO 3166 codes of the countries whose numbers are accepted; empty accepts all.',
    }),
    defaultCountry: Type.Union([CountryCode, Type.Null()], {
      default: null,
      description: 'Country preselected in the picker; null uses the browser locale.',
    }),
    trustBrowserDays: Type.Integer({
      minimum: 0,
      maximum: 90,
      default: 30,
      description: 'How long a trusted browser skips the code; 0 turns the offer off.',
    }),
    recoveryCodeCount: Type.Integer({
      minimum: 1,
      maximum: 20,
      default: 10,
      description: 'Recovery codes in a set.',
    }),
    recoveryCodesViewable: Type.Boolean({
      default: true,
      description: 'Whether a user may view their recovery codes again after a step-up.',
    }),
    dailySmsBudget: Type.Integer({
      minimum: 0,
      default: 1000,
      description: 'SMS the tenant may send per UTC day.',
    }),
    smsSender: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()], {
      default: null,
      description: 'SMS sender id or number; null uses PLIVO_SENDER.',
    }),
    emailSender: Type.Union([Type.String({ pattern: '^\\S+@\\S+$' }), Type.Null()], {
      default: null,
      description: 'From-address of emails; null uses POSTMARK_FROM.',
    }),
    codeLifetimeMinutes: Type.Integer({
      minimum: 1,
      maximum: 10,
      default: 10,
      description: 'How long a code works; never more than 10 minutes (NIST SP 800-63B).',
    }),
    smsPerNumberPer10Minutes: Type.Integer({
      minimum: 1,
      default: 5,
      description: 'SMS to one number per 10 minutes (Twilio Verify: 5).',
    }),
    smsPerPrefixPerHour: Type.Integer({
      minimum: 1,
      default: 20,
      description: 'SMS per hour to numbers that differ only in their last 4 digits.',
    }),
    smsPerCountryPerHour: Type.Integer({
      minimum: 1,
      default: 300,
      description: 'SMS per hour to one country.',
    }),
    codesPerUserPerHour: Type.Integer({
      minimum: 1,
      default: 15,
      description: 'Codes (SMS and email) sent for one user per hour.',
    }),
    codesPerIpPerHour: Type.Integer({
      minimum: 1,
      default: 30,
      description: 'Codes (SMS and email) sent per hour for one client address (IPv6 by /64).',
    }),
    notifyUsers: Type.Boolean({
      default: true,
      description: 'Email users about security changes.',
    }),
  },
  { additionalProperties: false },
);

export type TenantSettings = Static<typeof TenantSettingsSchema>;

// Every request resolves its tenant's settings: filling defaults by the schema costs more than the
// rest of its authentication, so each stored form is resolved once (tenants are few; the cache is
// emptied when it holds more than its bound).
const resolved = new Map<string, TenantSettings>();
const RESOLVED_BOUND = 1000;

/** Stored settings with defaults filled in (stored rows keep only what was set); read-only. */
export function resolveSettings(stored: unknown): TenantSettings {
  const key = JSON.stringify(stored ?? {});
  let settings = resolved.get(key);
  if (!settings) {
    settings = Value.Default(TenantSettingsSchema, JSON.parse(key)) as TenantSettings;
    for (const value of Object.values(settings)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(settings);
    if (resolved.size >= RESOLVED_BOUND) resolved.clear();
    resolved.set(key, settings);
  }
  return settings;
}

/** Validates a partial change; throws `invalid_request` naming each bad setting. */
export function validateSettingsChange(current: unknown, change: Record<string, unknown>) {
  const merged = { ...(current as object), ...change };
  const resolved = Value.Default(TenantSettingsSchema, structuredClone(merged));
  const problems = Value.Errors(TenantSettingsSchema, resolved).map(
    (error) => `${error.instancePath.replace(/^\//, '') || 'settings'}: ${error.message}`,
  );
  if (problems.length > 0) {
    throw new AppError('invalid_request', { message: `Invalid settings: ${problems.join('; ')}` });
  }
  return merged;
}
