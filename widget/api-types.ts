/** Answers of the widget API (`/v1/widget/*`), as docs/api.md describes them. */
export type Purpose = 'setup' | 'sign-in' | 'verify-email';
export type ChallengeStep = 'email' | 'sms';

export interface SessionView {
  purpose: Purpose;
  tenant: { name: string };
  locale: string;
  expiresAt: string;
  allowedCountries: string[];
  defaultCountry: string | null;
  twoFactor: {
    enabled: boolean;
    maskedPhone: string | null;
    enabledAt: string | null;
    recoveryCodesRemaining: number;
    recoveryCodesViewable: boolean;
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
      step: ChallengeStep;
      maskedDestination: string;
      expiresAt: string;
      resendAt: string;
      codeLength: number;
    }
  | {
      status: 'verified';
      resultToken: string;
      via: 'code' | 'recovery-code' | 'trusted-browser';
      newRecoveryCodes?: string[];
    };
