/** English messages only the later screens say; they load with those screens (see `en.ts`). */
export const enLater = {
  codeHeading: 'Enter the code',
  codeSentTo: 'We sent a code to {destination}.',
  codeLabel: '{length}-digit code',
  verify: 'Verify',
  resend: 'Resend code',
  resendIn: 'Resend code in {time}',
  codeResent: 'A new code is on its way.',
  changeNumber: 'Change number',
  attemptsRemaining: '{count, plural, one {# attempt left.} other {# attempts left.}}',

  recoveryHeading: 'Save your recovery codes',
  lastCodeUsedHeading: 'You used your last recovery code',
  lastCodeUsedText:
    'So that you can still sign in without your phone, here is a new set. The used codes no longer work.',
  recoveryText:
    'If you lose your phone, each of these codes lets you sign in once. Store them somewhere other than your phone: a password manager or a printed copy.',
  recoveryCodesLabel: 'Recovery codes',
  recoveryCodeUsed: '{code} (used)',
  copy: 'Copy',
  copied: 'Copied',
  download: 'Download .txt',
  print: 'Print',
  savedCheckbox: 'I have saved my recovery codes',
  recoveryFileTitle: 'Recovery codes for {site}',
  recoveryFileNote: 'Each code can be used once.',

  manageHeading: 'Two-factor authentication',
  manageOn: 'On: codes are sent to {phone}.',
  manageSince: 'Since {date}.',
  changePhone: 'Change phone number',
  recoveryCodes: 'Recovery codes',
  recoveryRemaining:
    '{count, plural, one {# of your recovery codes is unused.} other {# of your recovery codes are unused.}}',
  viewRecoveryCodes: 'View recovery codes',
  regenerateRecoveryCodes: 'Get new recovery codes',
  regenerateWarning: 'Your current recovery codes will stop working.',
  trustedBrowsers: 'Trusted browsers',
  disable: 'Disable two-factor authentication',

  stepUpHeading: 'Confirm it is you',
  stepUpText: 'We sent a code to {phone}.',
  useRecoveryCode: 'Use a recovery code instead',
  useCodeInstead: 'Use a code sent by text instead',
  recoveryCodeLabel: 'Recovery code',
  recoveryCodeHint: 'With or without dashes.',

  viewCodesHeading: 'Your recovery codes',

  browsersHeading: 'Trusted browsers',
  browsersText: 'These browsers do not ask for a code when you sign in.',
  browsersEmpty: 'No browser is trusted.',
  browserLastUsed: 'Last used {date}',
  thisBrowser: 'This browser',
  revoke: 'Stop trusting',
  revokeAll: 'Stop trusting all browsers',
  browserRevoked: '{label} is no longer trusted.',

  disableHeading: 'Disable two-factor authentication?',
  disableText:
    'Signing in will only need your password, and your recovery codes will stop working.',
  disableConfirm: 'Yes, disable',

  challengeEmailHeading: 'Check your email',
  challengeSmsHeading: 'Check your phone',
  verifyEmailHeading: 'Confirm your email',
  trustBrowser:
    '{days, plural, one {Trust this browser for # day} other {Trust this browser for # days}}',
  recoveryHeadingChallenge: 'Sign in with a recovery code',

  'error.required_code': 'Enter the code.',
  'error.required_saved': 'Tick the box once your recovery codes are saved.',
  codeNotSent: 'We could not send you a code.',
  smsStepNext: 'Next, we will text a code to your phone.',
  'limit.per-number': 'Too many codes were sent to this number recently.',
  'limit.per-prefix': 'Too many codes were sent to numbers like this one recently.',
  'limit.per-country': 'Too many codes were sent to this country recently.',
  'limit.per-user': 'Too many codes were sent for your account recently.',
  'limit.per-ip': 'Too many codes were requested from your network recently.',
  'limit.daily-budget': 'This site cannot send any more text messages today.',
  'limit.resend-wait': 'A code was sent a moment ago.',
};
