import type { EmailWording } from '../wording.ts';

export const de: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `Dies ist eine automatische Sicherheitsnachricht von ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Ihr Anmeldecode für ${tenant}`,
        heading: 'Ihr Anmeldecode',
        intro: (tenant) =>
          `Geben Sie diesen Code ein, um Ihre Anmeldung bei ${tenant} abzuschließen:`,
        ifNotYou:
          'Wenn Sie nicht versucht haben, sich anzumelden, können Sie diese E-Mail ignorieren. Möglicherweise kennt aber jemand Ihr Passwort: Ändern Sie es jetzt.',
      },
      'verify-email': {
        subject: (tenant) => `Bestätigen Sie Ihre E-Mail-Adresse für ${tenant}`,
        heading: 'Bestätigen Sie Ihre E-Mail-Adresse',
        intro: (tenant) =>
          `Geben Sie diesen Code ein, um Ihre E-Mail-Adresse für ${tenant} zu bestätigen:`,
        ifNotYou: 'Wenn Sie dies nicht angefordert haben, können Sie diese E-Mail ignorieren.',
      },
    },
    expires: (duration) => `Der Code läuft in ${duration} ab.`,
    doNotShare: 'Geben Sie ihn an niemanden weiter.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Zwei-Faktor-Authentifizierung für Ihr Konto bei ${t} aktiviert`,
        heading: 'Zwei-Faktor-Authentifizierung aktiviert',
        happened: (t) =>
          `Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto bei ${t} aktiviert.`,
        phone: (p) => `Anmeldecodes werden an ${p} gesendet.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Zwei-Faktor-Authentifizierung für Ihr Konto bei ${t} deaktiviert`,
        heading: 'Zwei-Faktor-Authentifizierung deaktiviert',
        happened: (t) =>
          `Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto bei ${t} deaktiviert. Zum Anmelden genügt jetzt Ihr Passwort.`,
      },
      'phone.changed': {
        subject: (t) => `Telefonnummer für Ihr Konto bei ${t} geändert`,
        heading: 'Telefonnummer geändert',
        happened: (t) =>
          `Die Telefonnummer, an die Ihre Anmeldecodes für ${t} gesendet werden, wurde geändert.`,
        phone: (p) => `Codes werden ab jetzt an ${p} gesendet.`,
      },
      'recovery_code.used': {
        subject: (t) => `Wiederherstellungscode für Ihr Konto bei ${t} verwendet`,
        heading: 'Wiederherstellungscode verwendet',
        happened: (t) =>
          `Einer Ihrer Wiederherstellungscodes wurde verwendet, um sich bei ${t} anzumelden oder eine Änderung zu bestätigen. Er kann nicht erneut verwendet werden.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Ihre Wiederherstellungscodes für ${t} wurden angezeigt`,
        heading: 'Wiederherstellungscodes angezeigt',
        happened: (t) =>
          `Ihre Wiederherstellungscodes für ${t} wurden in Ihren Kontoeinstellungen angezeigt.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Neue Wiederherstellungscodes für Ihr Konto bei ${t}`,
        heading: 'Neue Wiederherstellungscodes erstellt',
        happened: (t) =>
          `Für Ihr Konto bei ${t} wurden neue Wiederherstellungscodes erstellt. Ihre bisherigen Codes sind nicht mehr gültig.`,
      },
      'browser.trusted': {
        subject: (t) => `Neuer vertrauenswürdiger Browser für Ihr Konto bei ${t}`,
        heading: 'Neuer vertrauenswürdiger Browser',
        happened: (t) =>
          `Ein Browser wurde zu Ihren vertrauenswürdigen Browsern für ${t} hinzugefügt. Bei der Anmeldung in diesem Browser wird eine Zeit lang kein Code abgefragt.`,
      },
      'totp.added': {
        subject: (t) => `Eine Authenticator-App wurde zu Ihrem ${t}-Konto hinzugefügt`,
        heading: 'Authenticator-App hinzugefügt',
        happened: (t) =>
          `Eine Authenticator-App wurde eingerichtet, die Anmeldecodes für Ihr ${t}-Konto erzeugt.`,
      },
      'totp.removed': {
        subject: (t) => `Die Authenticator-App wurde aus Ihrem ${t}-Konto entfernt`,
        heading: 'Authenticator-App entfernt',
        happened: (t) =>
          `Die Authenticator-App wurde aus Ihrem ${t}-Konto entfernt. Sie erzeugt keine Anmeldecodes mehr.`,
      },
      'phone.added': {
        subject: (t) => `Eine Telefonnummer wurde zu Ihrem ${t}-Konto hinzugefügt`,
        heading: 'Telefonnummer hinzugefügt',
        happened: (t) =>
          `Eine Telefonnummer wurde hinzugefügt, die Anmeldecodes für Ihr ${t}-Konto erhält.`,
        phone: (p) => `Codes können jetzt an ${p} gesendet werden.`,
      },
      'phone.removed': {
        subject: (t) => `Die Telefonnummer wurde aus Ihrem ${t}-Konto entfernt`,
        heading: 'Telefonnummer entfernt',
        happened: (t) =>
          `Die Telefonnummer wurde aus Ihrem ${t}-Konto entfernt. Sie erhält keine Anmeldecodes mehr.`,
      },
    },
    when: 'Zeitpunkt:',
    browser: 'Browser:',
    unknownBrowser: 'Unbekannter Browser',
    ifYou: 'Wenn Sie das waren, müssen Sie nichts weiter tun.',
    ifNotYou: (t) =>
      `Wenn Sie das nicht waren, melden Sie sich sofort bei ${t} an, ändern Sie Ihr Passwort und prüfen Sie Ihre Einstellungen für die Zwei-Faktor-Authentifizierung. Wenn Sie sich nicht anmelden können, wenden Sie sich an den Support von ${t}.`,
  },
};
