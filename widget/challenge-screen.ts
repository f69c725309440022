/** The screens of `<two-factor-challenge>`, besides the common ones (loading, expired…). */
export const ChallengeScreen = {
  emailCode: 'email-code',
  smsCode: 'sms-code',
  appCode: 'app-code',
  recoveryCode: 'recovery-code',
  newRecoveryCodes: 'new-recovery-codes',
  verified: 'verified',
} as const;
export type ChallengeScreen = (typeof ChallengeScreen)[keyof typeof ChallengeScreen];
