import type { Strings } from './en.ts';

export const de: Strings = {
  loading: 'Wird geladen…',
  continue: 'Weiter',
  cancel: 'Abbrechen',
  back: 'Zurück',
  tryAgain: 'Erneut versuchen',
  done: 'Fertig',

  introHeading: 'Zwei-Faktor-Authentifizierung',
  introText:
    'Fügen Sie der Anmeldung einen zweiten Schritt hinzu: einen Code, den wir an Ihr Handy senden. So reicht ein gestohlenes Passwort allein nicht aus.',
  introStart: 'Zwei-Faktor-Authentifizierung aktivieren',

  phoneHeading: 'Ihre Handynummer',
  phoneText: 'Wir senden einen 6-stelligen Code per SMS an diese Nummer.',
  changePhoneHeading: 'Ihre neue Telefonnummer',
  countryLabel: 'Ländervorwahl',
  countrySearch: 'Nach Land, Länderkürzel oder Vorwahl suchen',
  countryNoMatch: 'Kein passendes Land gefunden',
  phoneLabel: 'Telefonnummer',
  sendCode: 'Code senden',

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

  doneHeading: 'Die Zwei-Faktor-Authentifizierung ist aktiviert',
  doneText:
    'Ab jetzt werden Sie bei der Anmeldung nach einem Code gefragt, den wir an {phone} senden.',

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
  disabledHeading: 'Die Zwei-Faktor-Authentifizierung ist deaktiviert',
  disabledText: 'Sie können sie jederzeit wieder aktivieren.',

  phoneChangedHeading: 'Telefonnummer geändert',
  phoneChangedText: 'Codes werden jetzt an {phone} gesendet.',

  challengeEmailHeading: 'Schauen Sie in Ihr E-Mail-Postfach',
  challengeSmsHeading: 'Schauen Sie auf Ihr Handy',
  verifyEmailHeading: 'Bestätigen Sie Ihre E-Mail-Adresse',
  trustBrowser:
    '{days, plural, one {Diesem Browser # Tag lang vertrauen} other {Diesem Browser # Tage lang vertrauen}}',
  recoveryHeadingChallenge: 'Mit einem Wiederherstellungscode anmelden',
  signedInHeading: 'Sie sind angemeldet',
  emailConfirmedHeading: 'E-Mail-Adresse bestätigt',

  expiredHeading: 'Diese Seite ist abgelaufen',
  expiredText: 'Laden Sie die Seite neu, um von vorn zu beginnen.',
  lockedHeading: 'Zu viele falsche Codes',
  lockedUntil: 'Zu Ihrer Sicherheit sind Codes bis {time} gesperrt.',
  rateLimitedUntil: 'Bitte warten Sie bis {time}, bevor Sie es erneut versuchen.',
  networkHeading: 'Server nicht erreichbar',
  networkText: 'Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  errorHeading: 'Etwas ist schiefgelaufen',

  'error.invalid_request':
    'Diese Anfrage ist ungültig. Laden Sie die Seite neu und versuchen Sie es erneut.',
  'error.unauthorized': 'Diese Seite ist abgelaufen. Laden Sie sie neu, um von vorn zu beginnen.',
  'error.session_expired':
    'Diese Seite ist abgelaufen. Laden Sie sie neu, um von vorn zu beginnen.',
  'error.step_up_required': 'Bestätigen Sie zuerst mit einem neuen Code, dass Sie es sind.',
  'error.origin_not_allowed':
    'Diese Website darf die Zwei-Faktor-Authentifizierung nicht verwenden.',
  'error.wrong_purpose': 'Das ist auf dieser Seite nicht möglich.',
  'error.not_found': 'Das wurde nicht gefunden. Vielleicht wurde es bereits entfernt.',
  'error.already_enabled': 'Die Zwei-Faktor-Authentifizierung ist bereits aktiviert.',
  'error.not_enabled': 'Die Zwei-Faktor-Authentifizierung ist nicht aktiviert.',
  'error.code_expired': 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
  'error.invalid_code': 'Dieser Code ist nicht korrekt.',
  'error.invalid_phone':
    'Diese Telefonnummer ist ungültig. Prüfen Sie die Nummer und die Ländervorwahl.',
  'error.country_not_allowed': 'Nummern aus diesem Land können hier nicht verwendet werden.',
  'error.phone_type_not_allowed':
    'Diese Nummer kann keine SMS empfangen. Bitte verwenden Sie eine Handynummer.',
  'error.locked': 'Zu viele falsche Codes. Versuchen Sie es später erneut.',
  'error.rate_limited': 'Zu viele Versuche. Versuchen Sie es später erneut.',
  'error.internal_error': 'Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  'error.delivery_failed':
    'Die Nachricht konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
  'error.unavailable':
    'Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.',
  'error.already_verified':
    'Dieser Code wurde bereits verwendet. Laden Sie die Seite neu, um fortzufahren.',
  'error.phone_replaced': 'Diese Nummer wurde inzwischen geändert. Geben Sie sie erneut ein.',
  'error.code_replaced':
    'Es wurde ein neuerer Code gesendet. Geben Sie den Code aus der neuesten Nachricht ein.',
  'error.recovery_code_used':
    'Dieser Wiederherstellungscode wurde bereits verwendet. Versuchen Sie einen anderen.',
  'error.network_error':
    'Server nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  'error.required_code': 'Geben Sie den Code ein.',
  'error.required_phone': 'Geben Sie Ihre Telefonnummer ein.',
  'error.required_saved':
    'Setzen Sie das Häkchen, sobald Ihre Wiederherstellungscodes gesichert sind.',
};
