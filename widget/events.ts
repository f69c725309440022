import type { PhoneValue } from './controls/phone-field.ts';

/** Every event the elements dispatch: one prefix, `bubbles` and `composed`, typed below. */
export interface TfaEventDetails {
  /** Two-factor authentication was turned on, by its first method (`maskedPhone` '' for the app). */
  'tfa-enabled': { maskedPhone: string; method: 'sms' | 'totp' };
  /** A second method was added beside the first. */
  'tfa-method-added': { method: 'sms' | 'totp' };
  /** One of two methods was removed; the other stays. */
  'tfa-method-removed': { method: 'sms' | 'totp' };
  /** Two-factor authentication was turned off. */
  'tfa-disabled': Record<string, never>;
  /** The phone number was replaced by a verified new one. */
  'tfa-phone-changed': { maskedPhone: string };
  /** A new set of recovery codes replaced the old one. */
  'tfa-recovery-codes-regenerated': { count: number };
  /** The challenge is complete: send `resultToken` to your backend to redeem. */
  'tfa-verified': { resultToken: string; via: 'code' | 'recovery-code' | 'trusted-browser' };
  /** The element moved from one screen to another. */
  'tfa-step-change': { from: string; to: string };
  /** The server or the network refused a request; `code` is the API error code. */
  'tfa-error': { code: string; message: string };
  /** The widget session expired; set `tokenProvider` to carry on with a fresh one. */
  'tfa-session-expired': Record<string, never>;
}

/**
 * Every event the controls (`tfa-country-picker`, `tfa-phone-field`, `tfa-code-field`) dispatch:
 * `bubbles` but not `composed`, so they stay inside the element's shadow root that holds them.
 */
export interface TfaControlEventDetails {
  /** The user picked another country in the picker; `country` is its ISO code. */
  'tfa-country-change': { country: string };
  /** The phone field's country or number changed. */
  'tfa-phone-input': PhoneValue;
  /** The code field holds all its digits. */
  'tfa-code-complete': { code: string };
}

export type TfaEventName = keyof TfaEventDetails;
export type TfaControlEventName = keyof TfaControlEventDetails;

type AllDetails = TfaEventDetails & TfaControlEventDetails;
type TfaEventMap = { [Name in keyof AllDetails]: CustomEvent<AllDetails[Name]> };

declare global {
  interface HTMLElementEventMap extends TfaEventMap {}
}

const CONTROL_EVENTS: ReadonlySet<string> = new Set<TfaControlEventName>([
  'tfa-country-change',
  'tfa-phone-input',
  'tfa-code-complete',
]);

/** Dispatches `name` from `target`: composed for the elements' events, not for the controls'. */
export function emit<Name extends keyof AllDetails>(
  target: EventTarget,
  name: Name,
  detail: AllDetails[Name],
) {
  const composed = !CONTROL_EVENTS.has(name);
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed }));
}
