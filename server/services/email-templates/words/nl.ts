import type { EmailWording } from '../wording.ts';

export const nl: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `Dit is een automatisch beveiligingsbericht van ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Uw inlogcode voor ${tenant}`,
        heading: 'Uw inlogcode',
        intro: (tenant) => `Voer deze code in om het inloggen bij ${tenant} af te ronden:`,
        ifNotYou:
          'Hebt u niet geprobeerd in te loggen? Dan kunt u deze e-mail negeren, maar misschien kent iemand uw wachtwoord: wijzig het nu.',
      },
      'verify-email': {
        subject: (tenant) => `Bevestig uw e-mailadres voor ${tenant}`,
        heading: 'Bevestig uw e-mailadres',
        intro: (tenant) => `Voer deze code in om uw e-mailadres bij ${tenant} te bevestigen:`,
        ifNotYou: 'Hebt u hier niet om gevraagd? Dan kunt u deze e-mail negeren.',
      },
    },
    expires: (duration) => `Deze code verloopt over ${duration}.`,
    doNotShare: 'Deel hem met niemand.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Tweestapsverificatie staat aan voor uw account bij ${t}`,
        heading: 'Tweestapsverificatie staat aan',
        happened: (t) => `Tweestapsverificatie is aangezet voor uw account bij ${t}.`,
        phone: (p) => `Inlogcodes worden naar ${p} gestuurd.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Tweestapsverificatie is uitgezet voor uw account bij ${t}`,
        heading: 'Tweestapsverificatie staat uit',
        happened: (t) =>
          `Tweestapsverificatie is uitgezet voor uw account bij ${t}. U logt nu alleen nog in met uw wachtwoord.`,
      },
      'phone.changed': {
        subject: (t) => `Het telefoonnummer van uw account bij ${t} is gewijzigd`,
        heading: 'Uw telefoonnummer is gewijzigd',
        happened: (t) => `Het telefoonnummer dat uw inlogcodes voor ${t} ontvangt, is gewijzigd.`,
        phone: (p) => `Codes gaan vanaf nu naar ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `Er is een herstelcode gebruikt voor uw account bij ${t}`,
        heading: 'Er is een herstelcode gebruikt',
        happened: (t) =>
          `Een van uw herstelcodes is gebruikt om in te loggen bij ${t} of om een wijziging te bevestigen. Deze code werkt geen tweede keer.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Uw herstelcodes voor ${t} zijn bekeken`,
        heading: 'Uw herstelcodes zijn bekeken',
        happened: (t) => `Uw herstelcodes voor ${t} zijn getoond in uw accountinstellingen.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Nieuwe herstelcodes voor uw account bij ${t}`,
        heading: 'Er zijn nieuwe herstelcodes gemaakt',
        happened: (t) =>
          `Er zijn nieuwe herstelcodes gemaakt voor uw account bij ${t}. Uw oude codes werken niet meer.`,
      },
      'browser.trusted': {
        subject: (t) => `Nieuwe vertrouwde browser voor uw account bij ${t}`,
        heading: 'Er is een nieuwe browser vertrouwd',
        happened: (t) =>
          `Er is een browser toegevoegd aan uw vertrouwde browsers voor ${t}. Als u in die browser inlogt, vragen we een tijd lang niet om een code.`,
      },
      'totp.added': {
        subject: (t) => `Er is een authenticator-app toegevoegd aan je ${t}-account`,
        heading: 'Authenticator-app toegevoegd',
        happened: (t) =>
          `Er is een authenticator-app ingesteld die de inlogcodes voor je ${t}-account geeft.`,
      },
      'totp.removed': {
        subject: (t) => `De authenticator-app is verwijderd uit je ${t}-account`,
        heading: 'Authenticator-app verwijderd',
        happened: (t) =>
          `De authenticator-app is verwijderd uit je ${t}-account. Hij geeft geen inlogcodes meer.`,
      },
      'phone.added': {
        subject: (t) => `Er is een telefoonnummer toegevoegd aan je ${t}-account`,
        heading: 'Telefoonnummer toegevoegd',
        happened: (t) =>
          `Er is een telefoonnummer toegevoegd dat inlogcodes voor je ${t}-account ontvangt.`,
        phone: (p) => `Codes kunnen nu naar ${p} worden gestuurd.`,
      },
      'phone.removed': {
        subject: (t) => `Het telefoonnummer is verwijderd uit je ${t}-account`,
        heading: 'Telefoonnummer verwijderd',
        happened: (t) =>
          `Het telefoonnummer is verwijderd uit je ${t}-account. Het ontvangt geen inlogcodes meer.`,
      },
    },
    when: 'Wanneer:',
    browser: 'Browser:',
    unknownBrowser: 'Onbekende browser',
    ifYou: 'Was u dit zelf? Dan hoeft u niets te doen.',
    ifNotYou: (t) =>
      `Was u dit niet? Log dan nu in bij ${t}, wijzig uw wachtwoord en controleer uw instellingen voor tweestapsverificatie. Lukt inloggen niet? Neem dan contact op met de klantenservice van ${t}.`,
  },
};
