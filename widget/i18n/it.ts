import type { FirstStrings } from './en.ts';

export const it: FirstStrings = {
  loading: 'Caricamento…',
  continue: 'Continua',
  cancel: 'Annulla',
  back: 'Indietro',
  tryAgain: 'Riprova',
  done: 'Fine',

  introHeading: 'Autenticazione a due fattori',
  introText:
    'Aggiungi un secondo passaggio all’accesso: un codice inviato al tuo telefono, così una password rubata non basta.',
  introStart: 'Attiva l’autenticazione a due fattori',

  phoneHeading: 'Il tuo numero di cellulare',
  phoneText: 'Ti invieremo per SMS un codice di 6 cifre a questo numero.',
  changePhoneHeading: 'Il tuo nuovo numero di telefono',
  countryLabel: 'Prefisso internazionale',
  countrySearch: 'Cerca per paese, sigla o prefisso',
  countryNoMatch: 'Nessun paese corrispondente',
  countryChoose: 'Scegli un paese',
  countryNotAccepted: '{country}: paese non accettato qui. Paesi accettati: {accepted}',
  countryRequired: 'Scegli il paese del tuo numero.',
  phoneLabel: 'Numero di telefono',
  sendCode: 'Invia codice',
  sendCodeIn: 'Invia codice tra {time}',

  doneHeading: 'L’autenticazione a due fattori è attiva',
  doneText: 'D’ora in poi, per accedere ti chiederemo un codice inviato al numero {phone}.',

  disabledHeading: 'L’autenticazione a due fattori è disattivata',
  disabledText: 'Puoi riattivarla in qualsiasi momento.',

  phoneChangedHeading: 'Numero di telefono cambiato',
  phoneChangedText: 'Ora i codici vengono inviati al numero {phone}.',

  signedInHeading: 'Accesso effettuato',
  emailConfirmedHeading: 'Email confermata',

  expiredHeading: 'Questa pagina è scaduta',
  expiredText: 'Ricarica la pagina per ricominciare.',
  reloadPage: 'Ricarica la pagina',
  lockedHeading: 'Troppi codici errati',
  lockedUntil: 'Per la tua sicurezza, i codici sono bloccati fino alle {time}.',
  networkHeading: 'Impossibile raggiungere il server',
  networkText: 'Controlla la connessione e riprova.',
  errorHeading: 'Si è verificato un problema',

  'error.invalid_request': 'Richiesta non valida. Ricarica la pagina e riprova.',
  'error.unauthorized': 'Questa pagina è scaduta. Ricaricala per ricominciare.',
  'error.session_expired': 'Questa pagina è scaduta. Ricaricala per ricominciare.',
  'error.step_up_required': 'Prima conferma la tua identità con un nuovo codice.',
  'error.origin_not_allowed':
    'Questo sito non è autorizzato a usare l’autenticazione a due fattori.',
  'error.wrong_purpose': 'Questa operazione non è possibile da questa pagina.',
  'error.not_found': 'Elemento non trovato. Potrebbe essere già stato rimosso.',
  'error.already_enabled': 'L’autenticazione a due fattori è già attiva.',
  'error.not_enabled': 'L’autenticazione a due fattori non è attiva.',
  'error.code_expired': 'Questo codice è scaduto. Richiedine uno nuovo.',
  'error.invalid_code': 'Il codice non è corretto.',
  codeTriesUsed: 'Era l’ultimo tentativo per questo codice. Richiedi un nuovo codice.',
  'error.invalid_phone': 'Il numero di telefono non è valido. Controlla il numero e il prefisso.',
  'error.country_not_allowed': 'Qui non si possono usare numeri di questo paese.',
  'error.phone_type_not_allowed': 'Questo numero non può ricevere SMS. Usa un numero di cellulare.',
  'error.locked': 'Troppi codici errati. Riprova più tardi.',
  'error.rate_limited': 'Troppi tentativi. Riprova più tardi.',
  'error.internal_error': 'Si è verificato un problema da parte nostra. Riprova.',
  'error.delivery_failed': 'Non è stato possibile inviare il messaggio. Riprova.',
  'error.unavailable': 'Il servizio non è disponibile al momento. Riprova tra poco.',
  'error.already_verified': 'Questo codice è già stato usato. Ricarica la pagina per continuare.',
  'error.phone_replaced': 'Nel frattempo questo numero è stato cambiato. Inseriscilo di nuovo.',
  'error.code_replaced':
    'È stato inviato un codice più recente. Inserisci quello dell’ultimo messaggio.',
  'error.recovery_code_used': 'Questo codice di recupero è già stato usato. Provane un altro.',
  'error.network_error': 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
  'error.required_phone': 'Inserisci il tuo numero di telefono.',
};
