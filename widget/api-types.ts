/** Answers of the widget API (`/v1/widget/*`), as docs/api.md describes them. */
export type Purpose = 'setup' | 'sign-in' | 'verify-email';
export type ChallengeStep = 'email' | 'sms';
/** A second factor: a code by text message, or from an authenticator app (TOTP). */
export type Method = 'sms' | 'totp';

export interface SessionView {
  purpose: Purpose;
  tenant: { name: string };
  locale: string;
  expiresAt: string;
  allowedCountries: string[];
  /** The methods the site allows; a server before authenticator apps sends none (SMS only). */
  allowedMethods?: Method[];
  defaultCountry: string | null;
  twoFactor: {
    enabled: boolean;
    maskedPhone: string | null;
    enabledAt: string | null;
    recoveryCodesRemaining: number;
    recoveryCodesViewable: boolean;
    methods?: Method[];
    preferredMethod?: Method | null;
    totpAddedAt?: string | null;
  };
  stepUpValidUntil: string | null;
  trustBrowserDays: number;
  challenge: { steps: ChallengeStep[]; completedSteps: ChallengeStep[]; verified: boolean } | null;
}

export interface CodeSent {
  maskedPhone: string;
  expiresAt: string;
  resendAt: string;
  codeLength: number;
}

export interface StepUpVerified {
  validUntil: string;
  newRecoveryCodes?: string[];
}

export interface RecoveryCodeList {
  codes: { code: string; used: boolean }[];
}

export interface TrustedBrowser {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
}

export type ChallengeAnswer =
  | {
      status: 'pending';
      /** The step, or at the second step the method now asked: `totp` sends nothing. */
      step: ChallengeStep | 'totp';
      /** At the second step: the methods the user can switch to there. */
      methods?: Method[];
      maskedDestination: string | null;
      expiresAt: string | null;
      resendAt: string | null;
      codeLength: number;
    }
  | {
      status: 'verified';
      resultToken: string;
      via: 'code' | 'recovery-code' | 'trusted-browser';
      newRecoveryCodes?: string[];
    };

/** A pending authenticator-app enrolment (`POST /totp`). */
export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  issuer: string;
  accountName: string;
  digits: number;
  period: number;
  algorithm: 'SHA1';
}

/** The user's methods, from a session whose server may predate authenticator apps. */
export function methodsOf(twoFactor: SessionView['twoFactor']): Method[] {
  return twoFactor.methods ?? (twoFactor.maskedPhone ? ['sms'] : []);
}
