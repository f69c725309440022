import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const deLater: LaterStrings = {
  codeHeading: 'Code eingeben',
  codeSentTo: 'Wir haben einen Code an {destination} gesendet.',
  codeLabel: '{length}-stelliger Code',
  verify: 'Bestätigen',
  resend: 'Code erneut senden',
  resendIn: 'Code erneut senden in {time}',
  codeResent: 'Ein neuer Code ist unterwegs.',
  changeNumber: 'Nummer ändern',
  attemptsRemaining: '{count, plural, one {Noch # Versuch.} other {Noch # Versuche.}}',

  recoveryHeading: 'Sichern Sie Ihre Wiederherstellungscodes',
  lastCodeUsedHeading: 'Sie haben Ihren letzten Wiederherstellungscode verwendet',
  lastCodeUsedText:
    'Damit Sie sich auch ohne Handy weiter anmelden können, erhalten Sie hier neue Codes. Die verwendeten Codes funktionieren nicht mehr.',
  recoveryText:
    'Falls Sie Ihr Handy verlieren, können Sie sich mit jedem dieser Codes einmal anmelden. Bewahren Sie die Codes nicht auf Ihrem Handy auf, sondern zum Beispiel in einem Passwort-Manager oder ausgedruckt auf Papier.',
  recoveryCodesLabel: 'Wiederherstellungscodes',
  recoveryCodeUsed: '{code} (verwendet)',
  copy: 'Kopieren',
  copied: 'Kopiert',
  download: 'Als .txt herunterladen',
  print: 'Drucken',
  savedCheckbox: 'Ich habe meine Wiederherstellungscodes gesichert',
  recoveryFileTitle: 'Wiederherstellungscodes für {site}',
  recoveryFileNote: 'Jeder Code kann nur einmal verwendet werden.',

  manageHeading: 'Zwei-Faktor-Authentifizierung',
  manageOn: 'Aktiviert: Codes werden an {phone} gesendet.',
  manageSince: 'Seit dem {date}.',
  changePhone: 'Telefonnummer ändern',
  recoveryCodes: 'Wiederherstellungscodes',
  recoveryRemaining:
    '{count, plural, one {# Ihrer Wiederherstellungscodes ist noch unbenutzt.} other {# Ihrer Wiederherstellungscodes sind noch unbenutzt.}}',
  viewRecoveryCodes: 'Wiederherstellungscodes anzeigen',
  regenerateRecoveryCodes: 'Neue Wiederherstellungscodes erstellen',
  regenerateWarning: 'Ihre bisherigen Wiederherstellungscodes funktionieren dann nicht mehr.',
  trustedBrowsers: 'Vertrauenswürdige Browser',
  disable: 'Zwei-Faktor-Authentifizierung deaktivieren',

  stepUpHeading: 'Bestätigen Sie, dass Sie es sind',
  stepUpText: 'Wir haben einen Code an {phone} gesendet.',
  useRecoveryCode: 'Stattdessen einen Wiederherstellungscode verwenden',
  useCodeInstead: 'Stattdessen einen Code per SMS erhalten',
  recoveryCodeLabel: 'Wiederherstellungscode',
  recoveryCodeHint: 'Mit oder ohne Bindestriche.',

  viewCodesHeading: 'Ihre Wiederherstellungscodes',

  browsersHeading: 'Vertrauenswürdige Browser',
  browsersText: 'Diese Browser fragen bei der Anmeldung nicht nach einem Code.',
  browsersEmpty: 'Es gibt keine vertrauenswürdigen Browser.',
  browserLastUsed: 'Zuletzt verwendet: {date}',
  thisBrowser: 'Dieser Browser',
  revoke: 'Nicht mehr vertrauen',
  revokeAll: 'Keinem Browser mehr vertrauen',
  browserRevoked: '{label} ist nicht mehr vertrauenswürdig.',

  disableHeading: 'Zwei-Faktor-Authentifizierung deaktivieren?',
  disableText:
    'Für die Anmeldung genügt dann Ihr Passwort, und Ihre Wiederherstellungscodes funktionieren nicht mehr.',
  disableConfirm: 'Ja, deaktivieren',

  challengeEmailHeading: 'Schauen Sie in Ihr E-Mail-Postfach',
  challengeSmsHeading: 'Schauen Sie auf Ihr Handy',
  verifyEmailHeading: 'Bestätigen Sie Ihre E-Mail-Adresse',
  trustBrowser:
    '{days, plural, one {Diesem Browser # Tag lang vertrauen} other {Diesem Browser # Tage lang vertrauen}}',
  recoveryHeadingChallenge: 'Mit einem Wiederherstellungscode anmelden',

  'error.required_code': 'Geben Sie den Code ein.',
  'error.required_saved':
    'Setzen Sie das Häkchen, sobald Ihre Wiederherstellungscodes gesichert sind.',
  codeNotSent: 'Wir konnten Ihnen keinen Code senden.',
  smsStepNext: 'Danach senden wir Ihnen einen Code per SMS.',
  'limit.per-number': 'An diese Nummer wurden zuletzt zu viele Codes gesendet.',
  'limit.per-prefix': 'An ähnliche Nummern wurden zuletzt zu viele Codes gesendet.',
  'limit.per-country': 'In dieses Land wurden zuletzt zu viele Codes gesendet.',
  'limit.per-user': 'Für Ihr Konto wurden zuletzt zu viele Codes gesendet.',
  'limit.per-ip': 'Aus Ihrem Netzwerk wurden zuletzt zu viele Codes angefordert.',
  'limit.daily-budget': 'Diese Website kann heute keine SMS mehr senden.',
  'limit.resend-wait': 'Gerade eben wurde ein Code gesendet.',
};
