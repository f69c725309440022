import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const deLater: LaterStrings = {
  codeHeading: 'Code eingeben',
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

  trustBrowser:
    '{days, plural, one {Diesem Browser # Tag lang vertrauen} other {Diesem Browser # Tage lang vertrauen}}',
  recoveryHeadingChallenge: 'Mit einem Wiederherstellungscode anmelden',

  'error.required_code': 'Geben Sie den Code ein.',
  'error.required_saved':
    'Setzen Sie das Häkchen, sobald Ihre Wiederherstellungscodes gesichert sind.',
  'limit.per-number': 'An diese Nummer wurden zuletzt zu viele Codes gesendet.',
  'limit.per-prefix': 'An ähnliche Nummern wurden zuletzt zu viele Codes gesendet.',
  'limit.per-country': 'In dieses Land wurden zuletzt zu viele Codes gesendet.',
  'limit.per-user': 'Für Ihr Konto wurden zuletzt zu viele Codes gesendet.',
  'limit.per-ip': 'Aus Ihrem Netzwerk wurden zuletzt zu viele Codes angefordert.',
  'limit.daily-budget': 'Diese Website kann heute keine SMS mehr senden.',
  'limit.resend-wait': 'Gerade eben wurde ein Code gesendet.',

  manageOnSince: 'Aktiv seit {date}.',
  methodsHeading: 'Anmeldemethoden',
  smsMethod: 'SMS',
  appMethod: 'Authenticator-App',
  appAddedOn: 'Hinzugefügt am {date}',
  notSetUp: 'Nicht eingerichtet',
  change: 'Ändern',
  remove: 'Entfernen',
  add: 'Hinzufügen',
  askedFirst: 'Zuerst abgefragt',
  recoveryLeft: '{count, plural, one {# übrig} other {# übrig}}',
  view: 'Anzeigen',
  replace: 'Ersetzen',
  browsersCount: '{count, plural, =0 {Keiner} one {# Browser} other {# Browser}}',
  manageBrowsers: 'Verwalten',
  moreHeading: 'Wiederherstellung und Browser',
  methodRemoved: 'Entfernt: {method}.',
  methodAdded: 'Hinzugefügt: {method}.',
  preferredChanged: 'Bei der Anmeldung zuerst abgefragt: {method}.',
  methodChoiceHeading: 'Wie möchten Sie Ihre Codes erhalten?',
  smsMethodHint: 'Wir senden einen Code per SMS an Ihr Mobiltelefon.',
  appMethodHint: 'Eine App auf Ihrem Telefon erzeugt die Codes, auch ohne Empfang.',
  appHeading: 'Authenticator-App einrichten',
  appScanText:
    'Scannen Sie diesen QR-Code mit einer Authenticator-App, etwa Google Authenticator, Microsoft Authenticator oder 1Password.',
  appQrLabel: 'QR-Code für Ihre Authenticator-App',
  appKeyText: 'Oder geben Sie diesen Schlüssel in der App ein:',
  openInApp: 'In der Authenticator-App öffnen',
  appCodeText: 'Geben Sie dann den 6-stelligen Code aus der App ein.',
  appDoneText: 'Ab jetzt fragt die Anmeldung nach einem Code aus Ihrer Authenticator-App.',
  stepUpAppText: 'Geben Sie den Code aus Ihrer Authenticator-App ein.',
  challengeAppHeading: 'Öffnen Sie Ihre Authenticator-App',
  useAppInstead: 'Stattdessen die Authenticator-App verwenden',
  useAnotherMethod: 'Andere Methode verwenden',
  'error.last_method':
    'Das ist Ihre einzige Methode. Um sie nicht mehr zu nutzen, deaktivieren Sie die Zwei-Faktor-Authentifizierung.',
  'error.method_not_allowed': 'Diese Website erlaubt diese Methode nicht.',
};
