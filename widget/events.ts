/** Every event the elements dispatch: one prefix, `bubbles` and `composed`, typed below. */
export interface TfaEventDetails {
  /** Two-factor authentication was turned on. */
  'tfa-enabled': { maskedPhone: string };
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

export type TfaEventName = keyof TfaEventDetails;

type TfaEventMap = { [Name in TfaEventName]: CustomEvent<TfaEventDetails[Name]> };

declare global {
  interface HTMLElementEventMap extends TfaEventMap {}
}

export function emit<Name extends TfaEventName>(
  target: EventTarget,
  name: Name,
  detail: TfaEventDetails[Name],
) {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
