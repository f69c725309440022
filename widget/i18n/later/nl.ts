import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const nlLater: LaterStrings = {
  codeHeading: 'Voer de code in',
  codeSentTo: 'We hebben een code gestuurd naar {destination}.',
  codeLabel: 'Code van {length} cijfers',
  verify: 'Bevestigen',
  resend: 'Code opnieuw sturen',
  resendIn: 'Code opnieuw sturen over {time}',
  codeResent: 'Er is een nieuwe code onderweg.',
  changeNumber: 'Ander nummer',
  attemptsRemaining: '{count, plural, one {Nog # poging.} other {Nog # pogingen.}}',

  recoveryHeading: 'Bewaar uw herstelcodes',
  lastCodeUsedHeading: 'Je hebt je laatste herstelcode gebruikt',
  lastCodeUsedText:
    'Zodat je ook zonder telefoon kunt blijven inloggen, krijg je hier een nieuwe set. De gebruikte codes werken niet meer.',
  recoveryText:
    'Als u uw telefoon kwijtraakt, kunt u met elk van deze codes één keer inloggen. Bewaar ze ergens anders dan op uw telefoon: in een wachtwoordmanager of op papier.',
  recoveryCodesLabel: 'Herstelcodes',
  recoveryCodeUsed: '{code} (gebruikt)',
  copy: 'Kopiëren',
  copied: 'Gekopieerd',
  download: '.txt downloaden',
  print: 'Afdrukken',
  savedCheckbox: 'Ik heb mijn herstelcodes bewaard',
  recoveryFileTitle: 'Herstelcodes voor {site}',
  recoveryFileNote: 'U kunt elke code één keer gebruiken.',

  manageHeading: 'Tweestapsverificatie',
  manageOn: 'Aan: codes gaan naar {phone}.',
  manageSince: 'Sinds {date}.',
  changePhone: 'Telefoonnummer wijzigen',
  recoveryCodes: 'Herstelcodes',
  recoveryRemaining:
    '{count, plural, one {# van uw herstelcodes is nog niet gebruikt.} other {# van uw herstelcodes zijn nog niet gebruikt.}}',
  viewRecoveryCodes: 'Herstelcodes bekijken',
  regenerateRecoveryCodes: 'Nieuwe herstelcodes maken',
  regenerateWarning: 'Uw huidige herstelcodes werken dan niet meer.',
  trustedBrowsers: 'Vertrouwde browsers',
  disable: 'Tweestapsverificatie uitzetten',

  stepUpHeading: 'Bevestig dat u het bent',
  stepUpText: 'We hebben een code gestuurd naar {phone}.',
  useRecoveryCode: 'Een herstelcode gebruiken',
  useCodeInstead: 'Een code per sms gebruiken',
  recoveryCodeLabel: 'Herstelcode',
  recoveryCodeHint: 'Met of zonder streepjes.',

  viewCodesHeading: 'Uw herstelcodes',

  browsersHeading: 'Vertrouwde browsers',
  browsersText: 'Deze browsers vragen niet om een code als u inlogt.',
  browsersEmpty: 'Er zijn geen vertrouwde browsers.',
  browserLastUsed: 'Laatst gebruikt op {date}',
  thisBrowser: 'Deze browser',
  revoke: 'Niet meer vertrouwen',
  revokeAll: 'Geen enkele browser meer vertrouwen',
  browserRevoked: '{label} wordt niet meer vertrouwd.',

  disableHeading: 'Tweestapsverificatie uitzetten?',
  disableText: 'U logt dan alleen nog in met uw wachtwoord en uw herstelcodes werken niet meer.',
  disableConfirm: 'Ja, uitzetten',

  challengeEmailHeading: 'Bekijk uw e-mail',
  challengeSmsHeading: 'Bekijk uw telefoon',
  verifyEmailHeading: 'Bevestig uw e-mailadres',
  trustBrowser:
    '{days, plural, one {Deze browser # dag vertrouwen} other {Deze browser # dagen vertrouwen}}',
  recoveryHeadingChallenge: 'Inloggen met een herstelcode',

  'error.required_code': 'Voer de code in.',
  'error.required_saved': 'Vink het vakje aan zodra u uw herstelcodes hebt bewaard.',
  codeNotSent: 'We konden je geen code sturen.',
  smsStepNext: 'Daarna sturen we je een code per sms.',
  'limit.per-number': 'Er zijn onlangs te veel codes naar dit nummer gestuurd.',
  'limit.per-prefix': 'Er zijn onlangs te veel codes naar vergelijkbare nummers gestuurd.',
  'limit.per-country': 'Er zijn onlangs te veel codes naar dit land gestuurd.',
  'limit.per-user': 'Er zijn onlangs te veel codes voor je account gestuurd.',
  'limit.per-ip': 'Er zijn onlangs te veel codes vanaf je netwerk aangevraagd.',
  'limit.daily-budget': 'Deze site kan vandaag geen sms’jes meer versturen.',
  'limit.resend-wait': 'Er is net een code gestuurd.',
};
