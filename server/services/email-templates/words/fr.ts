import type { EmailWording } from '../wording.ts';

export const fr: EmailWording = {
  direction: 'ltr',
  footer: (tenant) => `Ceci est un message de sécurité automatique de ${tenant}.`,
  code: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Votre code de connexion pour ${tenant}`,
        heading: 'Votre code de connexion',
        intro: (tenant) => `Saisissez ce code pour terminer votre connexion à ${tenant}\u00a0:`,
        ifNotYou:
          'Si vous n’avez pas essayé de vous connecter, vous pouvez ignorer cet e-mail, mais quelqu’un connaît peut-être votre mot de passe\u00a0: changez-le dès maintenant.',
      },
      'verify-email': {
        subject: (tenant) => `Confirmez votre adresse e-mail pour ${tenant}`,
        heading: 'Confirmez votre adresse e-mail',
        intro: (tenant) =>
          `Saisissez ce code pour confirmer votre adresse e-mail auprès de ${tenant}\u00a0:`,
        ifNotYou: 'Si vous n’avez rien demandé, vous pouvez ignorer cet e-mail.',
      },
    },
    expires: (duration) => `Ce code expire dans ${duration}.`,
    doNotShare: 'Ne le communiquez à personne.',
  },
  notification: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `L’authentification à deux facteurs est activée sur votre compte ${t}`,
        heading: 'Authentification à deux facteurs activée',
        happened: (t) => `L’authentification à deux facteurs a été activée sur votre compte ${t}.`,
        phone: (p) => `Les codes de connexion seront envoyés au ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `L’authentification à deux facteurs a été désactivée sur votre compte ${t}`,
        heading: 'Authentification à deux facteurs désactivée',
        happened: (t) =>
          `L’authentification à deux facteurs a été désactivée sur votre compte ${t}. Votre mot de passe suffit désormais pour vous connecter.`,
      },
      'phone.changed': {
        subject: (t) => `Le numéro de téléphone de votre compte ${t} a été modifié`,
        heading: 'Numéro de téléphone modifié',
        happened: (t) =>
          `Le numéro de téléphone qui reçoit vos codes de connexion à ${t} a été modifié.`,
        phone: (p) => `Les codes seront désormais envoyés au ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `Un code de récupération a été utilisé sur votre compte ${t}`,
        heading: 'Code de récupération utilisé',
        happened: (t) =>
          `Un de vos codes de récupération a été utilisé pour vous connecter à votre compte ${t} ou pour confirmer une modification. Il ne pourra plus servir.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Vos codes de récupération pour ${t} ont été consultés`,
        heading: 'Codes de récupération consultés',
        happened: (t) =>
          `Vos codes de récupération pour ${t} ont été affichés dans les paramètres de votre compte.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Nouveaux codes de récupération pour votre compte ${t}`,
        heading: 'Nouveaux codes de récupération',
        happened: (t) =>
          `De nouveaux codes de récupération ont été créés pour votre compte ${t}. Les anciens codes ne fonctionnent plus.`,
      },
      'browser.trusted': {
        subject: (t) => `Nouveau navigateur de confiance sur votre compte ${t}`,
        heading: 'Nouveau navigateur de confiance',
        happened: (t) =>
          `Un navigateur a été ajouté à vos navigateurs de confiance pour ${t}. Pendant un certain temps, aucun code ne vous sera demandé lorsque vous vous y connecterez.`,
      },
      'totp.added': {
        subject: (t) => `Une application d’authentification a été ajoutée à votre compte ${t}`,
        heading: 'Application d’authentification ajoutée',
        happened: (t) =>
          `Une application d’authentification a été configurée pour fournir les codes de connexion à votre compte ${t}.`,
      },
      'totp.removed': {
        subject: (t) => `L’application d’authentification a été retirée de votre compte ${t}`,
        heading: 'Application d’authentification retirée',
        happened: (t) =>
          `L’application d’authentification a été retirée de votre compte ${t}. Elle ne fournit plus de codes de connexion.`,
      },
      'phone.added': {
        subject: (t) => `Un numéro de téléphone a été ajouté à votre compte ${t}`,
        heading: 'Numéro de téléphone ajouté',
        happened: (t) =>
          `Un numéro de téléphone a été ajouté pour recevoir les codes de connexion à votre compte ${t}.`,
        phone: (p) => `Les codes peuvent désormais être envoyés au ${p}.`,
      },
      'phone.removed': {
        subject: (t) => `Le numéro de téléphone a été retiré de votre compte ${t}`,
        heading: 'Numéro de téléphone retiré',
        happened: (t) =>
          `Le numéro de téléphone a été retiré de votre compte ${t}. Il ne reçoit plus de codes de connexion.`,
      },
    },
    when: 'Date\u00a0:',
    browser: 'Navigateur\u00a0:',
    unknownBrowser: 'Navigateur inconnu',
    ifYou: 'Si c’était vous, vous n’avez rien d’autre à faire.',
    ifNotYou: (t) =>
      `Si ce n’était pas vous, connectez-vous à ${t} dès maintenant, changez votre mot de passe et vérifiez vos paramètres d’authentification à deux facteurs. Si vous ne pouvez pas vous connecter, contactez le support de ${t}.`,
  },
};
