import type { EmailWording } from '../wording.ts';

export const it: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `Questo è un messaggio di sicurezza automatico di ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Il tuo codice di accesso a ${tenant}`,
        heading: 'Il tuo codice di accesso',
        intro: (tenant) => `Inserisci questo codice per completare l’accesso a ${tenant}:`,
        ifNotYou:
          'Se non hai provato ad accedere, puoi ignorare questa email, ma qualcuno potrebbe conoscere la tua password: cambiala subito.',
      },
      'verify-email': {
        subject: (tenant) => `Conferma il tuo indirizzo email per ${tenant}`,
        heading: 'Conferma il tuo indirizzo email',
        intro: (tenant) =>
          `Inserisci questo codice per confermare il tuo indirizzo email su ${tenant}:`,
        ifNotYou: 'Se non hai richiesto nulla, puoi ignorare questa email.',
      },
    },
    expires: (duration) => `Il codice scade tra ${duration}.`,
    doNotShare: 'Non condividerlo con nessuno.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Autenticazione a due fattori attivata sul tuo account ${t}`,
        heading: 'Autenticazione a due fattori attivata',
        happened: (t) => `L’autenticazione a due fattori è stata attivata sul tuo account ${t}.`,
        phone: (p) => `I codici di accesso verranno inviati al numero ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Autenticazione a due fattori disattivata sul tuo account ${t}`,
        heading: 'Autenticazione a due fattori disattivata',
        happened: (t) =>
          `L’autenticazione a due fattori è stata disattivata sul tuo account ${t}. Ora per accedere basta la password.`,
      },
      'phone.changed': {
        subject: (t) => `Il numero di telefono del tuo account ${t} è stato cambiato`,
        heading: 'Numero di telefono cambiato',
        happened: (t) =>
          `Il numero di telefono che riceve i codici di accesso a ${t} è stato cambiato.`,
        phone: (p) => `D’ora in poi i codici verranno inviati al numero ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `È stato usato un codice di recupero sul tuo account ${t}`,
        heading: 'Codice di recupero usato',
        happened: (t) =>
          `Uno dei tuoi codici di recupero è stato usato per accedere al tuo account ${t} o per confermare una modifica. Non potrà essere usato di nuovo.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `I tuoi codici di recupero di ${t} sono stati visualizzati`,
        heading: 'Codici di recupero visualizzati',
        happened: (t) =>
          `I tuoi codici di recupero di ${t} sono stati mostrati nelle impostazioni del tuo account.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Nuovi codici di recupero per il tuo account ${t}`,
        heading: 'Nuovi codici di recupero creati',
        happened: (t) =>
          `Sono stati creati nuovi codici di recupero per il tuo account ${t}. I codici precedenti non funzionano più.`,
      },
      'browser.trusted': {
        subject: (t) => `Nuovo browser attendibile sul tuo account ${t}`,
        heading: 'Nuovo browser attendibile',
        happened: (t) =>
          `Un browser è stato aggiunto ai tuoi browser attendibili per ${t}. Per un certo periodo, quando accedi da quel browser non ti verrà chiesto alcun codice.`,
      },
      'totp.added': {
        subject: (t) => `È stata aggiunta un’app di autenticazione al tuo account ${t}`,
        heading: 'App di autenticazione aggiunta',
        happened: (t) =>
          `È stata configurata un’app di autenticazione che genera i codici di accesso al tuo account ${t}.`,
      },
      'totp.removed': {
        subject: (t) => `L’app di autenticazione è stata rimossa dal tuo account ${t}`,
        heading: 'App di autenticazione rimossa',
        happened: (t) =>
          `L’app di autenticazione è stata rimossa dal tuo account ${t}. Non genera più codici di accesso.`,
      },
      'phone.added': {
        subject: (t) => `È stato aggiunto un numero di telefono al tuo account ${t}`,
        heading: 'Numero di telefono aggiunto',
        happened: (t) =>
          `È stato aggiunto un numero di telefono per ricevere i codici di accesso al tuo account ${t}.`,
        phone: (p) => `Ora i codici possono essere inviati al ${p}.`,
      },
      'phone.removed': {
        subject: (t) => `Il numero di telefono è stato rimosso dal tuo account ${t}`,
        heading: 'Numero di telefono rimosso',
        happened: (t) =>
          `Il numero di telefono è stato rimosso dal tuo account ${t}. Non riceve più codici di accesso.`,
      },
    },
    when: 'Quando:',
    browser: 'Browser:',
    unknownBrowser: 'Browser sconosciuto',
    ifYou: 'Se eri tu, non devi fare nient’altro.',
    ifNotYou: (t) =>
      `Se non eri tu, accedi subito a ${t}, cambia la password e controlla le impostazioni dell’autenticazione a due fattori. Se non riesci ad accedere, contatta l’assistenza di ${t}.`,
  },
};
