import type { LaterStrings } from '../en.ts';

/** The messages only the later screens say; they load with those screens. */
export const frLater: LaterStrings = {
  codeHeading: 'Saisissez le code',
  changeNumber: 'Modifier le numéro',
  attemptsRemaining:
    '{count, plural, one {Il vous reste # tentative.} many {Il vous reste # de tentatives.} other {Il vous reste # tentatives.}}',

  recoveryHeading: 'Conservez vos codes de récupération',
  lastCodeUsedHeading: 'Vous avez utilisé votre dernier code de récupération',
  lastCodeUsedText:
    'Pour pouvoir encore vous connecter sans votre téléphone, voici une nouvelle série. Les codes utilisés ne fonctionnent plus.',
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

  trustBrowser:
    '{days, plural, one {Faire confiance à ce navigateur pendant # jour} many {Faire confiance à ce navigateur pendant # de jours} other {Faire confiance à ce navigateur pendant # jours}}',
  recoveryHeadingChallenge: 'Se connecter avec un code de récupération',

  'error.required_code': 'Saisissez le code.',
  'error.required_saved': 'Cochez la case une fois vos codes de récupération mis en lieu sûr.',
  'limit.per-number': 'Trop de codes ont été envoyés à ce numéro récemment.',
  'limit.per-prefix': 'Trop de codes ont été envoyés récemment à des numéros proches de celui-ci.',
  'limit.per-country': 'Trop de codes ont été envoyés vers ce pays récemment.',
  'limit.per-user': 'Trop de codes ont été envoyés pour votre compte récemment.',
  'limit.per-ip': 'Trop de codes ont été demandés depuis votre réseau récemment.',
  'limit.daily-budget': 'Ce site ne peut plus envoyer de SMS aujourd’hui.',
  'limit.resend-wait': 'Un code vient d’être envoyé.',

  manageOnSince: 'Activée depuis le {date}.',
  methodsHeading: 'Méthodes de connexion',
  smsMethod: 'SMS',
  appMethod: 'Application d’authentification',
  appAddedOn: 'Ajoutée le {date}',
  notSetUp: 'Non configurée',
  change: 'Modifier',
  remove: 'Retirer',
  add: 'Ajouter',
  askedFirst: 'Demandée en premier',
  recoveryLeft: '{count, plural, one {# restant} many {# restants} other {# restants}}',
  view: 'Afficher',
  replace: 'Remplacer',
  browsersCount:
    '{count, plural, =0 {Aucun} one {# navigateur} many {# navigateurs} other {# navigateurs}}',
  manageBrowsers: 'Gérer',
  moreHeading: 'Récupération et navigateurs',
  methodRemoved: 'Retiré : {method}.',
  methodAdded: 'Ajouté : {method}.',
  preferredChanged: 'Demandée en premier à la connexion : {method}.',
  methodChoiceHeading: 'Comment voulez-vous recevoir vos codes ?',
  smsMethodHint: 'Nous envoyons un code par SMS à votre mobile.',
  appMethodHint: 'Une application sur votre téléphone crée les codes, même sans réseau.',
  appHeading: 'Configurez votre application d’authentification',
  appScanText:
    'Scannez ce QR code avec une application d’authentification, comme Google Authenticator, Microsoft Authenticator ou 1Password.',
  appQrLabel: 'QR code pour votre application d’authentification',
  appKeyText: 'Ou saisissez cette clé dans l’application :',
  openInApp: 'Ouvrir dans l’application d’authentification',
  appCodeText: 'Puis saisissez le code à 6 chiffres affiché par l’application.',
  appDoneText: 'Désormais, la connexion demande un code de votre application d’authentification.',
  stepUpAppText: 'Saisissez le code de votre application d’authentification.',
  challengeAppHeading: 'Ouvrez votre application d’authentification',
  useAppInstead: 'Utiliser plutôt votre application d’authentification',
  useAnotherMethod: 'Utiliser une autre méthode',
  'error.last_method':
    'C’est votre seule méthode. Pour ne plus l’utiliser, désactivez l’authentification à deux facteurs.',
  'error.method_not_allowed': 'Ce site n’autorise pas cette méthode.',
};
