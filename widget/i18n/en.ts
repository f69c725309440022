/** English, the reference catalogue: every other language has exactly these keys. */
export const en = {
  loading: 'Loading…',
  continue: 'Continue',
  cancel: 'Cancel',
  back: 'Back',
  tryAgain: 'Try again',
  done: 'Done',

  introHeading: 'Two-factor authentication',
  introText:
    'Add a second step to signing in: a code sent to your phone, so a stolen password is not enough.',
  introStart: 'Turn on two-factor authentication',

  phoneHeading: 'Your mobile phone number',
  phoneText: 'We will text a 6-digit code to this number.',
  changePhoneHeading: 'Your new phone number',
  countryLabel: 'Country code',
  countrySearch: 'Search by country, code or +dial code',
  countryNoMatch: 'No country matches',
  phoneLabel: 'Phone number',
  sendCode: 'Send code',

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

  doneHeading: 'Two-factor authentication is on',
  doneText: 'From now on, signing in asks for a code sent to {phone}.',

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
  disabledHeading: 'Two-factor authentication is off',
  disabledText: 'You can turn it on again at any time.',

  phoneChangedHeading: 'Phone number changed',
  phoneChangedText: 'Codes are now sent to {phone}.',

  challengeEmailHeading: 'Check your email',
  challengeSmsHeading: 'Check your phone',
  verifyEmailHeading: 'Confirm your email',
  trustBrowser:
    '{days, plural, one {Trust this browser for # day} other {Trust this browser for # days}}',
  recoveryHeadingChallenge: 'Sign in with a recovery code',
  signedInHeading: 'Signed in',
  emailConfirmedHeading: 'Email confirmed',

  expiredHeading: 'This page has expired',
  expiredText: 'Reload the page to start again.',
  lockedHeading: 'Too many wrong codes',
  lockedUntil: 'For your safety, codes are blocked until {time}.',
  rateLimitedUntil: 'Please wait until {time} before trying again.',
  networkHeading: 'Cannot reach the server',
  networkText: 'Check your connection and try again.',
  errorHeading: 'Something went wrong',

  'error.invalid_request': 'That request was not valid. Reload the page and try again.',
  'error.unauthorized': 'This page has expired. Reload it to start again.',
  'error.session_expired': 'This page has expired. Reload it to start again.',
  'error.step_up_required': 'Confirm it is you with a fresh code first.',
  'error.origin_not_allowed': 'This site is not allowed to use two-factor authentication.',
  'error.wrong_purpose': 'This page cannot do that.',
  'error.not_found': 'That was not found. It may already be gone.',
  'error.already_enabled': 'Two-factor authentication is already on.',
  'error.not_enabled': 'Two-factor authentication is not on.',
  'error.code_expired': 'This code has expired. Ask for a new one.',
  'error.invalid_code': 'That code is not right.',
  'error.invalid_phone': 'That phone number is not valid. Check the number and the country code.',
  'error.country_not_allowed': 'Numbers from this country cannot be used here.',
  'error.phone_type_not_allowed': 'This number cannot receive text messages. Use a mobile number.',
  'error.locked': 'Too many wrong codes. Try again later.',
  'error.rate_limited': 'Too many attempts. Try again later.',
  'error.internal_error': 'Something went wrong on our side. Try again.',
  'error.delivery_failed': 'The message could not be sent. Try again.',
  'error.unavailable': 'The service is unavailable. Try again shortly.',
  'error.already_verified': 'This code was already used. Reload the page to continue.',
  'error.phone_replaced': 'This number was changed in the meantime. Enter it again.',
  'error.code_replaced': 'A newer code was sent. Enter the code from the latest message.',
  'error.recovery_code_used': 'This recovery code has already been used. Try another one.',
  'error.network_error': 'Cannot reach the server. Check your connection and try again.',
  'error.required_code': 'Enter the code.',
  'error.required_phone': 'Enter your phone number.',
  'error.required_saved': 'Tick the box once your recovery codes are saved.',
};

export type Strings = typeof en;
export type StringKey = keyof Strings;

/**
 * What only the screens after the first ones say. The other languages keep these in `later/`, a
 * chunk of their own fetched with those screens, so that the first load carries only what the
 * first screens need. English, the fallback, keeps all its messages in one chunk.
 */
type LaterKey =
  | 'codeHeading'
  | 'codeSentTo'
  | 'codeLabel'
  | 'verify'
  | 'resend'
  | 'resendIn'
  | 'codeResent'
  | 'changeNumber'
  | 'attemptsRemaining'
  | 'recoveryHeading'
  | 'recoveryText'
  | 'recoveryCodesLabel'
  | 'recoveryCodeUsed'
  | 'copy'
  | 'copied'
  | 'download'
  | 'print'
  | 'savedCheckbox'
  | 'recoveryFileTitle'
  | 'recoveryFileNote'
  | 'manageHeading'
  | 'manageOn'
  | 'manageSince'
  | 'changePhone'
  | 'recoveryCodes'
  | 'recoveryRemaining'
  | 'viewRecoveryCodes'
  | 'regenerateRecoveryCodes'
  | 'regenerateWarning'
  | 'trustedBrowsers'
  | 'disable'
  | 'stepUpHeading'
  | 'stepUpText'
  | 'useRecoveryCode'
  | 'useCodeInstead'
  | 'recoveryCodeLabel'
  | 'recoveryCodeHint'
  | 'viewCodesHeading'
  | 'browsersHeading'
  | 'browsersText'
  | 'browsersEmpty'
  | 'browserLastUsed'
  | 'thisBrowser'
  | 'revoke'
  | 'revokeAll'
  | 'browserRevoked'
  | 'disableHeading'
  | 'disableText'
  | 'disableConfirm'
  | 'challengeEmailHeading'
  | 'challengeSmsHeading'
  | 'verifyEmailHeading'
  | 'trustBrowser'
  | 'recoveryHeadingChallenge'
  | 'error.required_code'
  | 'error.required_saved';
export type FirstStrings = Omit<Strings, LaterKey>;
export type LaterStrings = Pick<Strings, LaterKey>;
