import type { FirstStrings } from './en.ts';

export const nl: FirstStrings = {
  loading: 'Laden…',
  continue: 'Doorgaan',
  cancel: 'Annuleren',
  back: 'Terug',
  tryAgain: 'Opnieuw proberen',
  done: 'Klaar',

  introHeading: 'Tweestapsverificatie',
  introText:
    'Voeg een tweede stap toe aan het inloggen: een code op uw telefoon, zodat een gestolen wachtwoord niet genoeg is.',
  introStart: 'Tweestapsverificatie aanzetten',

  phoneHeading: 'Uw mobiele nummer',
  phoneText: 'We sturen een sms met een code van 6 cijfers naar dit nummer.',
  changePhoneHeading: 'Uw nieuwe telefoonnummer',
  countryLabel: 'Landcode',
  countrySearch: 'Zoek op land, code of landnummer',
  countryNoMatch: 'Geen land gevonden',
  countryChoose: 'Kies een land',
  countryNotAccepted: '{country}: hier niet toegestaan. Toegestaan: {accepted}',
  countryRequired: 'Kies het land van uw nummer.',
  phoneLabel: 'Telefoonnummer',
  sendCode: 'Code sturen',
  sendCodeIn: 'Code sturen over {time}',

  doneHeading: 'Tweestapsverificatie staat aan',
  doneText: 'Vanaf nu vragen we bij het inloggen om een code die we naar {phone} sturen.',

  disabledHeading: 'Tweestapsverificatie staat uit',
  disabledText: 'U kunt het op elk moment weer aanzetten.',

  phoneChangedHeading: 'Telefoonnummer gewijzigd',
  phoneChangedText: 'Codes gaan nu naar {phone}.',

  signedInHeading: 'U bent ingelogd',
  emailConfirmedHeading: 'E-mailadres bevestigd',

  expiredHeading: 'Deze pagina is verlopen',
  expiredText: 'Vernieuw de pagina om opnieuw te beginnen.',
  reloadPage: 'Pagina opnieuw laden',
  lockedHeading: 'Te veel verkeerde codes',
  lockedUntil: 'Voor uw veiligheid zijn codes geblokkeerd tot {time}.',
  networkHeading: 'Kan de server niet bereiken',
  networkText: 'Controleer uw verbinding en probeer het opnieuw.',
  errorHeading: 'Er ging iets mis',

  'error.invalid_request': 'Dat verzoek is niet geldig. Vernieuw de pagina en probeer het opnieuw.',
  'error.unauthorized': 'Deze pagina is verlopen. Vernieuw de pagina om opnieuw te beginnen.',
  'error.session_expired': 'Deze pagina is verlopen. Vernieuw de pagina om opnieuw te beginnen.',
  'error.step_up_required': 'Bevestig eerst met een nieuwe code dat u het bent.',
  'error.origin_not_allowed': 'Deze website mag geen tweestapsverificatie gebruiken.',
  'error.wrong_purpose': 'Dat kan niet op deze pagina.',
  'error.not_found': 'Niet gevonden. Misschien is het al verwijderd.',
  'error.already_enabled': 'Tweestapsverificatie staat al aan.',
  'error.not_enabled': 'Tweestapsverificatie staat niet aan.',
  'error.code_expired': 'Deze code is verlopen. Vraag een nieuwe aan.',
  'error.invalid_code': 'Die code klopt niet.',
  codeTriesUsed: 'Dat was de laatste poging voor deze code. Vraag een nieuwe code aan.',
  'error.invalid_phone': 'Dat telefoonnummer is niet geldig. Controleer het nummer en de landcode.',
  'error.country_not_allowed': 'Nummers uit dit land kunt u hier niet gebruiken.',
  'error.phone_type_not_allowed': 'Dit nummer kan geen sms ontvangen. Gebruik een mobiel nummer.',
  'error.locked': 'Te veel verkeerde codes. Probeer het later opnieuw.',
  'error.rate_limited': 'Te veel pogingen. Probeer het later opnieuw.',
  'error.internal_error': 'Er ging bij ons iets mis. Probeer het opnieuw.',
  'error.delivery_failed': 'Het bericht kon niet worden verstuurd. Probeer het opnieuw.',
  'error.unavailable': 'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
  'error.already_verified': 'Deze code is al gebruikt. Vernieuw de pagina om verder te gaan.',
  'error.phone_replaced': 'Dit nummer is intussen gewijzigd. Voer het opnieuw in.',
  'error.code_replaced':
    'Er is een nieuwere code gestuurd. Voer de code uit het laatste bericht in.',
  'error.recovery_code_used': 'Deze herstelcode is al gebruikt. Probeer een andere.',
  'error.network_error':
    'Kan de server niet bereiken. Controleer uw verbinding en probeer het opnieuw.',
  'error.required_phone': 'Voer uw telefoonnummer in.',
};
