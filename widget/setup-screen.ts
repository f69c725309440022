/** The screens of `<two-factor-setup>`, besides the common ones (loading, expired…). */
export const SetupScreen = {
  intro: 'intro',
  phone: 'phone',
  code: 'code',
  newRecoveryCodes: 'new-recovery-codes',
  done: 'done',
  manage: 'manage',
  stepUp: 'step-up',
  stepUpRecovery: 'step-up-recovery',
  viewRecoveryCodes: 'view-recovery-codes',
  trustedBrowsers: 'trusted-browsers',
  confirmDisable: 'confirm-disable',
  disabled: 'disabled',
  phoneChanged: 'phone-changed',
} as const;
export type SetupScreen = (typeof SetupScreen)[keyof typeof SetupScreen];
