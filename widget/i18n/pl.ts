import type { FirstStrings } from './en.ts';

export const pl: FirstStrings = {
  loading: 'Wczytywanie…',
  continue: 'Dalej',
  cancel: 'Anuluj',
  back: 'Wstecz',
  tryAgain: 'Spróbuj ponownie',
  done: 'Gotowe',

  introHeading: 'Uwierzytelnianie dwuskładnikowe',
  introText:
    'Dodaj drugi krok logowania: kod wysyłany na Twój telefon. Dzięki temu samo skradzione hasło nie wystarczy.',
  introStart: 'Włącz uwierzytelnianie dwuskładnikowe',

  phoneHeading: 'Twój numer telefonu komórkowego',
  phoneText: 'Wyślemy SMS z 6-cyfrowym kodem na ten numer.',
  changePhoneHeading: 'Twój nowy numer telefonu',
  countryLabel: 'Numer kierunkowy kraju',
  countrySearch: 'Szukaj według kraju, kodu lub numeru kierunkowego',
  countryNoMatch: 'Nie znaleziono kraju',
  phoneLabel: 'Numer telefonu',
  sendCode: 'Wyślij kod',
  sendCodeIn: 'Wyślij kod za {time}',

  doneHeading: 'Uwierzytelnianie dwuskładnikowe jest włączone',
  doneText: 'Od teraz przy logowaniu poprosimy o kod wysłany na numer {phone}.',

  disabledHeading: 'Uwierzytelnianie dwuskładnikowe jest wyłączone',
  disabledText: 'Możesz je ponownie włączyć w dowolnej chwili.',

  phoneChangedHeading: 'Numer telefonu został zmieniony',
  phoneChangedText: 'Kody są teraz wysyłane na numer {phone}.',

  signedInHeading: 'Zalogowano',
  emailConfirmedHeading: 'Adres e-mail potwierdzony',

  expiredHeading: 'Ta strona wygasła',
  expiredText: 'Odśwież stronę, aby zacząć od nowa.',
  reloadPage: 'Odśwież stronę',
  lockedHeading: 'Zbyt wiele błędnych kodów',
  lockedUntil: 'Ze względów bezpieczeństwa kody są zablokowane do {time}.',
  networkHeading: 'Brak połączenia z serwerem',
  networkText: 'Sprawdź połączenie i spróbuj ponownie.',
  errorHeading: 'Coś poszło nie tak',

  'error.invalid_request': 'To żądanie jest nieprawidłowe. Odśwież stronę i spróbuj ponownie.',
  'error.unauthorized': 'Ta strona wygasła. Odśwież ją, aby zacząć od nowa.',
  'error.session_expired': 'Ta strona wygasła. Odśwież ją, aby zacząć od nowa.',
  'error.step_up_required': 'Najpierw potwierdź nowym kodem, że to Ty.',
  'error.origin_not_allowed': 'Ta witryna nie może korzystać z uwierzytelniania dwuskładnikowego.',
  'error.wrong_purpose': 'Na tej stronie nie można tego zrobić.',
  'error.not_found': 'Nie znaleziono. Być może zostało już usunięte.',
  'error.already_enabled': 'Uwierzytelnianie dwuskładnikowe jest już włączone.',
  'error.not_enabled': 'Uwierzytelnianie dwuskładnikowe nie jest włączone.',
  'error.code_expired': 'Ten kod wygasł. Poproś o nowy.',
  'error.invalid_code': 'Ten kod jest nieprawidłowy.',
  codeTriesUsed: 'To była ostatnia próba dla tego kodu. Poproś o nowy kod.',
  'error.invalid_phone':
    'Ten numer telefonu jest nieprawidłowy. Sprawdź numer i numer kierunkowy kraju.',
  'error.country_not_allowed': 'Nie można tu używać numerów z tego kraju.',
  'error.phone_type_not_allowed': 'Ten numer nie może odbierać SMS-ów. Użyj numeru komórkowego.',
  'error.locked': 'Zbyt wiele błędnych kodów. Spróbuj ponownie później.',
  'error.rate_limited': 'Zbyt wiele prób. Spróbuj ponownie później.',
  'error.internal_error': 'Wystąpił błąd po naszej stronie. Spróbuj ponownie.',
  'error.delivery_failed': 'Nie udało się wysłać wiadomości. Spróbuj ponownie.',
  'error.unavailable': 'Usługa jest niedostępna. Spróbuj ponownie za chwilę.',
  'error.already_verified': 'Ten kod został już użyty. Odśwież stronę, aby kontynuować.',
  'error.phone_replaced': 'Ten numer został w międzyczasie zmieniony. Wpisz go ponownie.',
  'error.code_replaced': 'Wysłaliśmy nowszy kod. Wpisz kod z najnowszej wiadomości.',
  'error.recovery_code_used': 'Ten kod odzyskiwania został już użyty. Spróbuj innego.',
  'error.network_error': 'Brak połączenia z serwerem. Sprawdź połączenie i spróbuj ponownie.',
  'error.required_phone': 'Wpisz numer telefonu.',
};
