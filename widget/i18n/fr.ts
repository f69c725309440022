import type { FirstStrings } from './en.ts';

export const fr: FirstStrings = {
  loading: 'Chargement…',
  continue: 'Continuer',
  cancel: 'Annuler',
  back: 'Retour',
  tryAgain: 'Réessayer',
  done: 'Terminé',

  introHeading: 'Authentification à deux facteurs',
  introText:
    'Ajoutez une deuxième étape à la connexion : un code envoyé sur votre téléphone, pour qu’un mot de passe volé ne suffise pas.',
  introStart: 'Activer l’authentification à deux facteurs',

  phoneHeading: 'Votre numéro de téléphone mobile',
  phoneText: 'Nous enverrons un code à 6 chiffres par SMS à ce numéro.',
  changePhoneHeading: 'Votre nouveau numéro de téléphone',
  countryLabel: 'Indicatif pays',
  countrySearch: 'Rechercher par pays, code ou indicatif',
  countryNoMatch: 'Aucun pays ne correspond',
  countryChoose: 'Choisissez un pays',
  countryNotAccepted: '{country} : pays non accepté ici. Pays acceptés : {accepted}',
  countryRequired: 'Choisissez le pays de votre numéro.',
  phoneLabel: 'Numéro de téléphone',
  sendCode: 'Envoyer le code',
  sendCodeIn: 'Envoyer le code dans {time}',

  doneHeading: 'L’authentification à deux facteurs est activée',
  doneText: 'Désormais, pour vous connecter, vous devrez saisir un code envoyé au {phone}.',

  disabledHeading: 'L’authentification à deux facteurs est désactivée',
  disabledText: 'Vous pouvez la réactiver à tout moment.',

  phoneChangedHeading: 'Numéro de téléphone modifié',
  phoneChangedText: 'Les codes sont désormais envoyés au {phone}.',

  signedInHeading: 'Connexion réussie',
  emailConfirmedHeading: 'Adresse e-mail confirmée',

  expiredHeading: 'Cette page a expiré',
  expiredText: 'Rechargez la page pour recommencer.',
  reloadPage: 'Recharger la page',
  lockedHeading: 'Trop de codes erronés',
  lockedUntil: 'Par sécurité, les codes sont bloqués jusqu’à {time}.',
  networkHeading: 'Impossible de joindre le serveur',
  networkText: 'Vérifiez votre connexion et réessayez.',
  errorHeading: 'Une erreur s’est produite',

  'error.invalid_request': 'Cette demande n’est pas valide. Rechargez la page et réessayez.',
  'error.unauthorized': 'Cette page a expiré. Rechargez-la pour recommencer.',
  'error.session_expired': 'Cette page a expiré. Rechargez-la pour recommencer.',
  'error.step_up_required': 'Confirmez d’abord votre identité avec un nouveau code.',
  'error.origin_not_allowed':
    'Ce site n’est pas autorisé à utiliser l’authentification à deux facteurs.',
  'error.wrong_purpose': 'Cette action n’est pas possible sur cette page.',
  'error.not_found': 'Élément introuvable. Il a peut-être déjà été supprimé.',
  'error.already_enabled': 'L’authentification à deux facteurs est déjà activée.',
  'error.not_enabled': 'L’authentification à deux facteurs n’est pas activée.',
  'error.code_expired': 'Ce code a expiré. Demandez-en un nouveau.',
  'error.invalid_code': 'Ce code n’est pas correct.',
  codeTriesUsed: 'C’était le dernier essai pour ce code. Demandez un nouveau code.',
  'error.invalid_phone':
    'Ce numéro de téléphone n’est pas valide. Vérifiez le numéro et l’indicatif pays.',
  'error.country_not_allowed': 'Les numéros de ce pays ne peuvent pas être utilisés ici.',
  'error.phone_type_not_allowed':
    'Ce numéro ne peut pas recevoir de SMS. Utilisez un numéro de mobile.',
  'error.locked': 'Trop de codes erronés. Réessayez plus tard.',
  'error.rate_limited': 'Trop de tentatives. Réessayez plus tard.',
  'error.internal_error': 'Un problème est survenu de notre côté. Réessayez.',
  'error.delivery_failed': 'Le message n’a pas pu être envoyé. Réessayez.',
  'error.unavailable':
    'Le service est momentanément indisponible. Réessayez dans quelques instants.',
  'error.already_verified': 'Ce code a déjà été utilisé. Rechargez la page pour continuer.',
  'error.phone_replaced': 'Ce numéro a été modifié entre-temps. Saisissez-le à nouveau.',
  'error.code_replaced': 'Un code plus récent a été envoyé. Saisissez celui du dernier message.',
  'error.recovery_code_used': 'Ce code de récupération a déjà été utilisé. Essayez-en un autre.',
  'error.network_error': 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  'error.required_phone': 'Saisissez votre numéro de téléphone.',

  codeSentTo: 'Nous avons envoyé un code à {destination}.',
  codeLabel: 'Code à {length} chiffres',
  verify: 'Vérifier',
  resend: 'Renvoyer le code',
  resendIn: 'Renvoyer le code dans {time}',
  codeResent: 'Un nouveau code est en route.',
  challengeEmailHeading: 'Consultez vos e-mails',
  challengeSmsHeading: 'Consultez votre téléphone',
  verifyEmailHeading: 'Confirmez votre adresse e-mail',
  codeNotSent: 'Nous n’avons pas pu vous envoyer de code.',
  smsStepNext: 'Ensuite, nous vous enverrons un code par SMS.',
};
