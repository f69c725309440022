import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const plLater: LaterStrings = {
  codeHeading: 'Wpisz kod',
  changeNumber: 'Zmień numer',
  attemptsRemaining:
    '{count, plural, one {Została # próba.} few {Zostały # próby.} many {Zostało # prób.} other {Zostało # próby.}}',

  recoveryHeading: 'Zapisz kody odzyskiwania',
  lastCodeUsedHeading: 'Użyto ostatniego kodu odzyskiwania',
  lastCodeUsedText:
    'Aby nadal móc logować się bez telefonu, oto nowy zestaw kodów. Użyte kody już nie działają.',
  recoveryText:
    'Jeśli zgubisz telefon, każdy z tych kodów pozwoli Ci zalogować się jeden raz. Przechowuj je poza telefonem: w menedżerze haseł lub wydrukowane na papierze.',
  recoveryCodesLabel: 'Kody odzyskiwania',
  recoveryCodeUsed: '{code} (użyty)',
  copy: 'Kopiuj',
  copied: 'Skopiowano',
  download: 'Pobierz plik .txt',
  print: 'Drukuj',
  savedCheckbox: 'Kody odzyskiwania są bezpiecznie zapisane',
  recoveryFileTitle: 'Kody odzyskiwania: {site}',
  recoveryFileNote: 'Każdego kodu można użyć tylko raz.',

  manageHeading: 'Uwierzytelnianie dwuskładnikowe',
  manageOn: 'Włączone: kody są wysyłane na numer {phone}.',
  manageSince: 'Od {date}.',
  changePhone: 'Zmień numer telefonu',
  recoveryCodes: 'Kody odzyskiwania',
  recoveryRemaining:
    '{count, plural, one {Masz jeszcze # nieużyty kod odzyskiwania.} few {Masz jeszcze # nieużyte kody odzyskiwania.} many {Masz jeszcze # nieużytych kodów odzyskiwania.} other {Masz jeszcze # nieużytego kodu odzyskiwania.}}',
  viewRecoveryCodes: 'Pokaż kody odzyskiwania',
  regenerateRecoveryCodes: 'Utwórz nowe kody odzyskiwania',
  regenerateWarning: 'Obecne kody odzyskiwania przestaną działać.',
  trustedBrowsers: 'Zaufane przeglądarki',
  disable: 'Wyłącz uwierzytelnianie dwuskładnikowe',

  stepUpHeading: 'Potwierdź, że to Ty',
  stepUpText: 'Wysłaliśmy kod na numer {phone}.',
  useRecoveryCode: 'Użyj kodu odzyskiwania',
  useCodeInstead: 'Użyj kodu z SMS-a',
  recoveryCodeLabel: 'Kod odzyskiwania',
  recoveryCodeHint: 'Z łącznikami lub bez.',

  viewCodesHeading: 'Twoje kody odzyskiwania',

  browsersHeading: 'Zaufane przeglądarki',
  browsersText: 'Te przeglądarki nie proszą o kod przy logowaniu.',
  browsersEmpty: 'Brak zaufanych przeglądarek.',
  browserLastUsed: 'Ostatnio używana: {date}',
  thisBrowser: 'Ta przeglądarka',
  revoke: 'Przestań ufać',
  revokeAll: 'Przestań ufać wszystkim przeglądarkom',
  browserRevoked: 'Przeglądarka {label} nie jest już zaufana.',

  disableHeading: 'Wyłączyć uwierzytelnianie dwuskładnikowe?',
  disableText: 'Do logowania wystarczy samo hasło, a Twoje kody odzyskiwania przestaną działać.',
  disableConfirm: 'Tak, wyłącz',

  trustBrowser:
    '{days, plural, one {Ufaj tej przeglądarce przez # dzień} few {Ufaj tej przeglądarce przez # dni} many {Ufaj tej przeglądarce przez # dni} other {Ufaj tej przeglądarce przez # dnia}}',
  recoveryHeadingChallenge: 'Zaloguj się kodem odzyskiwania',

  'error.required_code': 'Wpisz kod.',
  'error.required_saved': 'Zaznacz pole, gdy zapiszesz kody odzyskiwania.',
  'limit.per-number': 'Na ten numer wysłano ostatnio zbyt wiele kodów.',
  'limit.per-prefix': 'Na numery podobne do tego wysłano ostatnio zbyt wiele kodów.',
  'limit.per-country': 'Do tego kraju wysłano ostatnio zbyt wiele kodów.',
  'limit.per-user': 'Dla Twojego konta wysłano ostatnio zbyt wiele kodów.',
  'limit.per-ip': 'Z Twojej sieci zamówiono ostatnio zbyt wiele kodów.',
  'limit.daily-budget': 'Ta witryna nie może już dziś wysyłać SMS-ów.',
  'limit.resend-wait': 'Kod został przed chwilą wysłany.',

  manageOnSince: 'Włączone od {date}.',
  methodsHeading: 'Metody logowania',
  smsMethod: 'SMS',
  appMethod: 'Aplikacja uwierzytelniająca',
  appAddedOn: 'Dodano {date}',
  notSetUp: 'Nieskonfigurowana',
  change: 'Zmień',
  remove: 'Usuń',
  add: 'Dodaj',
  askedFirst: 'Pytamy najpierw o',
  recoveryLeft:
    '{count, plural, one {Został #} few {Zostały #} many {Zostało #} other {Zostało #}}',
  view: 'Pokaż',
  replace: 'Zastąp',
  browsersCount:
    '{count, plural, =0 {Brak} one {# przeglądarka} few {# przeglądarki} many {# przeglądarek} other {# przeglądarki}}',
  manageBrowsers: 'Zarządzaj',
  moreHeading: 'Odzyskiwanie i przeglądarki',
  methodRemoved: 'Usunięto: {method}.',
  methodAdded: 'Dodano: {method}.',
  preferredChanged: 'Przy logowaniu pytamy najpierw o: {method}.',
  methodChoiceHeading: 'Jak chcesz otrzymywać kody?',
  smsMethodHint: 'Wysyłamy kod SMS-em na Twój telefon komórkowy.',
  appMethodHint: 'Aplikacja w telefonie tworzy kody, nawet bez zasięgu.',
  appHeading: 'Skonfiguruj aplikację uwierzytelniającą',
  appScanText:
    'Zeskanuj ten kod QR aplikacją uwierzytelniającą, np. Google Authenticator, Microsoft Authenticator lub 1Password.',
  appQrLabel: 'Kod QR dla aplikacji uwierzytelniającej',
  appKeyText: 'Albo wpisz ten klucz w aplikacji:',
  openInApp: 'Otwórz w aplikacji uwierzytelniającej',
  appCodeText: 'Potem wpisz 6-cyfrowy kod z aplikacji.',
  appDoneText: 'Od teraz logowanie wymaga kodu z aplikacji uwierzytelniającej.',
  stepUpAppText: 'Wpisz kod z aplikacji uwierzytelniającej.',
  challengeAppHeading: 'Otwórz aplikację uwierzytelniającą',
  useAppInstead: 'Użyj aplikacji uwierzytelniającej',
  useAnotherMethod: 'Użyj innej metody',
  'error.last_method':
    'To Twoja jedyna metoda. Aby przestać jej używać, wyłącz uwierzytelnianie dwuskładnikowe.',
  'error.method_not_allowed': 'Ta witryna nie zezwala na tę metodę.',
};
