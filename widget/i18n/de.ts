import type { FirstStrings } from './en.ts';

export const de: FirstStrings = {
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
  countryChoose: 'Land auswählen',
  countryNotAccepted: '{country}: hier nicht zugelassen. Zugelassen: {accepted}',
  countryRequired: 'Wählen Sie das Land Ihrer Nummer.',
  phoneLabel: 'Telefonnummer',
  sendCode: 'Code senden',
  sendCodeIn: 'Code senden in {time}',

  doneHeading: 'Die Zwei-Faktor-Authentifizierung ist aktiviert',
  doneText:
    'Ab jetzt werden Sie bei der Anmeldung nach einem Code gefragt, den wir an {phone} senden.',

  disabledHeading: 'Die Zwei-Faktor-Authentifizierung ist deaktiviert',
  disabledText: 'Sie können sie jederzeit wieder aktivieren.',

  phoneChangedHeading: 'Telefonnummer geändert',
  phoneChangedText: 'Codes werden jetzt an {phone} gesendet.',

  signedInHeading: 'Sie sind angemeldet',
  emailConfirmedHeading: 'E-Mail-Adresse bestätigt',

  expiredHeading: 'Diese Seite ist abgelaufen',
  expiredText: 'Laden Sie die Seite neu, um von vorn zu beginnen.',
  reloadPage: 'Seite neu laden',
  lockedHeading: 'Zu viele falsche Codes',
  lockedUntil: 'Zu Ihrer Sicherheit sind Codes bis {time} gesperrt.',
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
  codeTriesUsed: 'Das war der letzte Versuch für diesen Code. Fordern Sie einen neuen Code an.',
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
  'error.required_phone': 'Geben Sie Ihre Telefonnummer ein.',

  codeSentTo: 'Wir haben einen Code an {destination} gesendet.',
  codeLabel: '{length}-stelliger Code',
  verify: 'Bestätigen',
  resend: 'Code erneut senden',
  resendIn: 'Code erneut senden in {time}',
  codeResent: 'Ein neuer Code ist unterwegs.',
  challengeEmailHeading: 'Schauen Sie in Ihr E-Mail-Postfach',
  challengeSmsHeading: 'Schauen Sie auf Ihr Handy',
  verifyEmailHeading: 'Bestätigen Sie Ihre E-Mail-Adresse',
  codeNotSent: 'Wir konnten Ihnen keinen Code senden.',
  smsStepNext: 'Danach senden wir Ihnen einen Code per SMS.',
};
