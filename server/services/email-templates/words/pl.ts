import type { EmailWording } from '../wording.ts';

// "w serwisie X" keeps the site's name undeclined, whatever it is.
export const pl: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `Automatyczna wiadomość o bezpieczeństwie konta w serwisie ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Twój kod logowania w serwisie ${tenant}`,
        heading: 'Twój kod logowania',
        intro: (tenant) => `Wpisz ten kod, aby dokończyć logowanie w serwisie ${tenant}:`,
        ifNotYou:
          'Jeśli to nie Ty próbujesz się zalogować, możesz zignorować tę wiadomość, ale ktoś może znać Twoje hasło: zmień je teraz.',
      },
      'verify-email': {
        subject: (tenant) => `Potwierdź adres e-mail w serwisie ${tenant}`,
        heading: 'Potwierdź adres e-mail',
        intro: (tenant) => `Wpisz ten kod, aby potwierdzić swój adres e-mail w serwisie ${tenant}:`,
        ifNotYou: 'Jeśli to nie Ty, możesz zignorować tę wiadomość.',
      },
    },
    // A label, not "za 1 minutę": the unit comes in the nominative from Intl.NumberFormat.
    expires: (duration) => `Czas ważności kodu: ${duration}.`,
    doNotShare: 'Nie podawaj go nikomu.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Włączono uwierzytelnianie dwuskładnikowe na koncie w serwisie ${t}`,
        heading: 'Uwierzytelnianie dwuskładnikowe włączone',
        happened: (t) =>
          `Na Twoim koncie w serwisie ${t} włączono uwierzytelnianie dwuskładnikowe.`,
        phone: (p) => `Kody logowania będą wysyłane na numer ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Wyłączono uwierzytelnianie dwuskładnikowe na koncie w serwisie ${t}`,
        heading: 'Uwierzytelnianie dwuskładnikowe wyłączone',
        happened: (t) =>
          `Na Twoim koncie w serwisie ${t} wyłączono uwierzytelnianie dwuskładnikowe. Do logowania wystarczy teraz samo hasło.`,
      },
      'phone.changed': {
        subject: (t) => `Zmieniono numer telefonu na koncie w serwisie ${t}`,
        heading: 'Numer telefonu został zmieniony',
        happened: (t) =>
          `Zmieniono numer telefonu, na który wysyłamy kody logowania w serwisie ${t}.`,
        phone: (p) => `Od teraz kody będą wysyłane na numer ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `Użyto kodu odzyskiwania na koncie w serwisie ${t}`,
        heading: 'Użyto kodu odzyskiwania',
        happened: (t) =>
          `Jeden z Twoich kodów odzyskiwania został użyty do zalogowania się w serwisie ${t} lub do potwierdzenia zmiany na koncie. Nie można go użyć ponownie.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Wyświetlono Twoje kody odzyskiwania w serwisie ${t}`,
        heading: 'Wyświetlono kody odzyskiwania',
        happened: (t) =>
          `Twoje kody odzyskiwania w serwisie ${t} zostały wyświetlone w ustawieniach konta.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Nowe kody odzyskiwania na koncie w serwisie ${t}`,
        heading: 'Utworzono nowe kody odzyskiwania',
        happened: (t) =>
          `Dla Twojego konta w serwisie ${t} utworzono nowe kody odzyskiwania. Stare kody już nie działają.`,
      },
      'browser.trusted': {
        subject: (t) => `Nowa zaufana przeglądarka na koncie w serwisie ${t}`,
        heading: 'Nowa zaufana przeglądarka',
        happened: (t) =>
          `Do zaufanych przeglądarek w serwisie ${t} dodano nową przeglądarkę. Przez pewien czas logowanie w niej nie będzie wymagać kodu.`,
      },
      'totp.added': {
        subject: (t) => `Do Twojego konta ${t} dodano aplikację uwierzytelniającą`,
        heading: 'Dodano aplikację uwierzytelniającą',
        happened: (t) =>
          `Skonfigurowano aplikację uwierzytelniającą, która podaje kody logowania do Twojego konta ${t}.`,
      },
      'totp.removed': {
        subject: (t) => `Z Twojego konta ${t} usunięto aplikację uwierzytelniającą`,
        heading: 'Usunięto aplikację uwierzytelniającą',
        happened: (t) =>
          `Aplikacja uwierzytelniająca została usunięta z Twojego konta ${t}. Nie podaje już kodów logowania.`,
      },
      'phone.added': {
        subject: (t) => `Do Twojego konta ${t} dodano numer telefonu`,
        heading: 'Dodano numer telefonu',
        happened: (t) =>
          `Dodano numer telefonu, na który będą przychodzić kody logowania do Twojego konta ${t}.`,
        phone: (p) => `Kody mogą być teraz wysyłane na numer ${p}.`,
      },
      'phone.removed': {
        subject: (t) => `Z Twojego konta ${t} usunięto numer telefonu`,
        heading: 'Usunięto numer telefonu',
        happened: (t) =>
          `Numer telefonu został usunięty z Twojego konta ${t}. Nie otrzymuje już kodów logowania.`,
      },
    },
    when: 'Kiedy:',
    browser: 'Przeglądarka:',
    unknownBrowser: 'Nieznana przeglądarka',
    ifYou: 'Jeśli to Ty, nie musisz nic więcej robić.',
    ifNotYou: (t) =>
      `Jeśli to nie Ty, od razu zaloguj się w serwisie ${t}, zmień hasło i sprawdź ustawienia uwierzytelniania dwuskładnikowego. Jeśli nie możesz się zalogować, skontaktuj się z pomocą techniczną serwisu ${t}.`,
  },
};
