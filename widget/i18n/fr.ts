import type { Strings } from './en.ts';

export const fr: Strings = {
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
  phoneLabel: 'Numéro de téléphone',
  sendCode: 'Envoyer le code',

  codeHeading: 'Saisissez le code',
  codeSentTo: 'Nous avons envoyé un code à {destination}.',
  codeLabel: 'Code à {length} chiffres',
  verify: 'Vérifier',
  resend: 'Renvoyer le code',
  resendIn: 'Renvoyer le code dans {time}',
  codeResent: 'Un nouveau code est en route.',
  changeNumber: 'Modifier le numéro',
  attemptsRemaining:
    '{count, plural, one {Il vous reste # tentative.} many {Il vous reste # de tentatives.} other {Il vous reste # tentatives.}}',

  recoveryHeading: 'Conservez vos codes de récupération',
  recoveryText:
    'Si vous perdez votre téléphone, chacun de ces codes vous permet de vous connecter une fois. Gardez-les ailleurs que sur votre téléphone : dans un gestionnaire de mots de passe ou imprimés sur papier.',
  recoveryCodesLabel: 'Codes de récupération',
  recoveryCodeUsed: '{code} (utilisé)',
  copy: 'Copier',
  copied: 'Copié',
  download: 'Télécharger (.txt)',
  print: 'Imprimer',
  savedCheckbox: 'J’ai mis mes codes de récupération en lieu sûr',
  recoveryFileTitle: 'Codes de récupération pour {site}',
  recoveryFileNote: 'Chaque code ne peut être utilisé qu’une seule fois.',

  doneHeading: 'L’authentification à deux facteurs est activée',
  doneText: 'Désormais, pour vous connecter, vous devrez saisir un code envoyé au {phone}.',

  manageHeading: 'Authentification à deux facteurs',
  manageOn: 'Activée : les codes sont envoyés au {phone}.',
  manageSince: 'Depuis le {date}.',
  changePhone: 'Modifier le numéro de téléphone',
  recoveryCodes: 'Codes de récupération',
  recoveryRemaining:
    '{count, plural, one {Il vous reste # code de récupération non utilisé.} many {Il vous reste # de codes de récupération non utilisés.} other {Il vous reste # codes de récupération non utilisés.}}',
  viewRecoveryCodes: 'Afficher les codes de récupération',
  regenerateRecoveryCodes: 'Obtenir de nouveaux codes de récupération',
  regenerateWarning: 'Vos codes de récupération actuels ne fonctionneront plus.',
  trustedBrowsers: 'Navigateurs de confiance',
  disable: 'Désactiver l’authentification à deux facteurs',

  stepUpHeading: 'Confirmez votre identité',
  stepUpText: 'Nous avons envoyé un code au {phone}.',
  useRecoveryCode: 'Utiliser plutôt un code de récupération',
  useCodeInstead: 'Utiliser plutôt un code reçu par SMS',
  recoveryCodeLabel: 'Code de récupération',
  recoveryCodeHint: 'Avec ou sans tirets.',

  viewCodesHeading: 'Vos codes de récupération',

  browsersHeading: 'Navigateurs de confiance',
  browsersText: 'Ces navigateurs ne vous demandent pas de code lorsque vous vous connectez.',
  browsersEmpty: 'Aucun navigateur de confiance.',
  browserLastUsed: 'Dernière utilisation : {date}',
  thisBrowser: 'Ce navigateur',
  revoke: 'Retirer la confiance',
  revokeAll: 'Retirer la confiance à tous les navigateurs',
  browserRevoked: '{label} n’est plus un navigateur de confiance.',

  disableHeading: 'Désactiver l’authentification à deux facteurs ?',
  disableText:
    'Seul votre mot de passe sera demandé pour vous connecter, et vos codes de récupération ne fonctionneront plus.',
  disableConfirm: 'Oui, désactiver',
  disabledHeading: 'L’authentification à deux facteurs est désactivée',
  disabledText: 'Vous pouvez la réactiver à tout moment.',

  phoneChangedHeading: 'Numéro de téléphone modifié',
  phoneChangedText: 'Les codes sont désormais envoyés au {phone}.',

  challengeEmailHeading: 'Consultez vos e-mails',
  challengeSmsHeading: 'Consultez votre téléphone',
  verifyEmailHeading: 'Confirmez votre adresse e-mail',
  trustBrowser:
    '{days, plural, one {Faire confiance à ce navigateur pendant # jour} many {Faire confiance à ce navigateur pendant # de jours} other {Faire confiance à ce navigateur pendant # jours}}',
  recoveryHeadingChallenge: 'Se connecter avec un code de récupération',
  signedInHeading: 'Connexion réussie',
  emailConfirmedHeading: 'Adresse e-mail confirmée',

  expiredHeading: 'Cette page a expiré',
  expiredText: 'Rechargez la page pour recommencer.',
  lockedHeading: 'Trop de codes erronés',
  lockedUntil: 'Par sécurité, les codes sont bloqués jusqu’à {time}.',
  rateLimitedUntil: 'Veuillez patienter jusqu’à {time} avant de réessayer.',
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
  'error.required_code': 'Saisissez le code.',
  'error.required_phone': 'Saisissez votre numéro de téléphone.',
  'error.required_saved': 'Cochez la case une fois vos codes de récupération mis en lieu sûr.',
};
