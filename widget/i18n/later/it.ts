import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const itLater: LaterStrings = {
  codeHeading: 'Inserisci il codice',
  changeNumber: 'Cambia numero',
  attemptsRemaining:
    '{count, plural, one {Ti resta # tentativo.} many {Ti restano # di tentativi.} other {Ti restano # tentativi.}}',

  recoveryHeading: 'Salva i codici di recupero',
  lastCodeUsedHeading: 'Hai usato il tuo ultimo codice di recupero',
  lastCodeUsedText:
    'Per poter ancora accedere senza il telefono, ecco una nuova serie. I codici usati non funzionano più.',
  recoveryText:
    'Se perdi il telefono, ognuno di questi codici ti permette di accedere una volta. Conservali lontano dal telefono: in un gestore di password o stampati su carta.',
  recoveryCodesLabel: 'Codici di recupero',
  recoveryCodeUsed: '{code} (usato)',
  copy: 'Copia',
  copied: 'Copiato',
  download: 'Scarica .txt',
  print: 'Stampa',
  savedCheckbox: 'Ho salvato i miei codici di recupero',
  recoveryFileTitle: 'Codici di recupero per {site}',
  recoveryFileNote: 'Ogni codice si può usare una sola volta.',

  manageHeading: 'Autenticazione a due fattori',
  manageOn: 'Attiva: i codici vengono inviati al numero {phone}.',
  manageSince: 'Dal {date}.',
  changePhone: 'Cambia numero di telefono',
  recoveryCodes: 'Codici di recupero',
  recoveryRemaining:
    '{count, plural, one {Hai ancora # codice di recupero non usato.} many {Hai ancora # di codici di recupero non usati.} other {Hai ancora # codici di recupero non usati.}}',
  viewRecoveryCodes: 'Mostra i codici di recupero',
  regenerateRecoveryCodes: 'Genera nuovi codici di recupero',
  regenerateWarning: 'I codici di recupero attuali smetteranno di funzionare.',
  trustedBrowsers: 'Browser attendibili',
  disable: 'Disattiva l’autenticazione a due fattori',

  stepUpHeading: 'Conferma la tua identità',
  stepUpText: 'Abbiamo inviato un codice al numero {phone}.',
  useRecoveryCode: 'Usa invece un codice di recupero',
  useCodeInstead: 'Usa invece un codice via SMS',
  recoveryCodeLabel: 'Codice di recupero',
  recoveryCodeHint: 'Con o senza trattini.',

  viewCodesHeading: 'I tuoi codici di recupero',

  browsersHeading: 'Browser attendibili',
  browsersText: 'Questi browser non ti chiedono un codice quando accedi.',
  browsersEmpty: 'Nessun browser attendibile.',
  browserLastUsed: 'Ultimo utilizzo: {date}',
  thisBrowser: 'Questo browser',
  revoke: 'Non considerare più attendibile',
  revokeAll: 'Non considerare più attendibile nessun browser',
  browserRevoked: '{label} non è più attendibile.',

  disableHeading: 'Disattivare l’autenticazione a due fattori?',
  disableText:
    'Per accedere basterà la password e i tuoi codici di recupero smetteranno di funzionare.',
  disableConfirm: 'Sì, disattiva',

  trustBrowser:
    '{days, plural, one {Considera attendibile questo browser per # giorno} many {Considera attendibile questo browser per # di giorni} other {Considera attendibile questo browser per # giorni}}',
  recoveryHeadingChallenge: 'Accedi con un codice di recupero',

  'error.required_code': 'Inserisci il codice.',
  'error.required_saved': 'Seleziona la casella dopo aver salvato i codici di recupero.',
  'limit.per-number': 'Di recente sono stati inviati troppi codici a questo numero.',
  'limit.per-prefix': 'Di recente sono stati inviati troppi codici a numeri simili a questo.',
  'limit.per-country': 'Di recente sono stati inviati troppi codici verso questo paese.',
  'limit.per-user': 'Di recente sono stati inviati troppi codici per il tuo account.',
  'limit.per-ip': 'Di recente sono stati richiesti troppi codici dalla tua rete.',
  'limit.daily-budget': 'Oggi questo sito non può inviare altri SMS.',
  'limit.resend-wait': 'Un codice è appena stato inviato.',

  manageOnSince: 'Attiva dal {date}.',
  methodsHeading: 'Metodi di accesso',
  smsMethod: 'SMS',
  appMethod: 'App di autenticazione',
  appAddedOn: 'Aggiunta il {date}',
  notSetUp: 'Non configurata',
  change: 'Modifica',
  remove: 'Rimuovi',
  add: 'Aggiungi',
  askedFirst: 'Richiesto per primo',
  recoveryLeft: '{count, plural, one {# rimasto} many {# rimasti} other {# rimasti}}',
  view: 'Mostra',
  replace: 'Sostituisci',
  browsersCount: '{count, plural, =0 {Nessuno} one {# browser} many {# browser} other {# browser}}',
  manageBrowsers: 'Gestisci',
  moreHeading: 'Recupero e browser',
  methodRemoved: 'Rimosso: {method}.',
  methodAdded: 'Aggiunto: {method}.',
  preferredChanged: 'Richiesto per primo all’accesso: {method}.',
  methodChoiceHeading: 'Come vuoi ricevere i codici?',
  smsMethodHint: 'Inviamo un codice via SMS al tuo cellulare.',
  appMethodHint: 'Un’app sul telefono genera i codici, anche senza campo.',
  appHeading: 'Configura la tua app di autenticazione',
  appScanText:
    'Scansiona questo codice QR con un’app di autenticazione, come Google Authenticator, Microsoft Authenticator o 1Password.',
  appQrLabel: 'Codice QR per la tua app di autenticazione',
  appKeyText: 'Oppure inserisci questa chiave nell’app:',
  openInApp: 'Apri nell’app di autenticazione',
  appCodeText: 'Poi inserisci il codice di 6 cifre mostrato dall’app.',
  appDoneText: 'D’ora in poi l’accesso chiede un codice dalla tua app di autenticazione.',
  stepUpAppText: 'Inserisci il codice della tua app di autenticazione.',
  challengeAppHeading: 'Apri la tua app di autenticazione',
  useAppInstead: 'Usa invece la tua app di autenticazione',
  useAnotherMethod: 'Usa un altro metodo',
  'error.last_method':
    'È il tuo unico metodo. Per non usarlo più, disattiva l’autenticazione a due fattori.',
  'error.method_not_allowed': 'Questo sito non consente questo metodo.',
};
