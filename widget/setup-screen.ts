/** The screens of `<two-factor-setup>`, besides the common ones (loading, expired…). */
export const SetupScreen = {
  intro: 'intro',
  methodChoice: 'method-choice',
  authenticatorApp: 'authenticator-app',
  phone: 'phone',
  code: 'code',
  newRecoveryCodes: 'new-recovery-codes',
  done: 'done',
  manage: 'manage',
  stepUp: 'step-up',
  stepUpApp: 'step-up-app',
  stepUpRecovery: 'step-up-recovery',
  viewRecoveryCodes: 'view-recovery-codes',
  trustedBrowsers: 'trusted-browsers',
  confirmDisable: 'confirm-disable',
  disabled: 'disabled',
  phoneChanged: 'phone-changed',
} as const;
export type SetupScreen = (typeof SetupScreen)[keyof typeof SetupScreen];
