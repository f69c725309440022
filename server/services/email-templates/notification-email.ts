import type { Locale } from '../sessions.ts';
import { type RenderedEmail, renderEmail } from './layout.ts';

/** The security events a user is emailed about (docs/security.md, "Notifications"). */
export const notificationTypes = [
  'two_factor.enabled',
  'two_factor.disabled',
  'phone.changed',
  'recovery_code.used',
  'recovery_codes.viewed',
  'recovery_codes.regenerated',
  'browser.trusted',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export interface NotificationEmailInput {
  locale: Locale;
  tenantName: string;
  type: NotificationType;
  at: Date;
  /** "Chrome on macOS"; null when the user agent told nothing. */
  browser: string | null;
  /** The new or current number, masked; mentioned for enable and phone change. */
  maskedPhone?: string | null;
}

interface EventWording {
  subject: (tenant: string) => string;
  heading: string;
  happened: (tenant: string) => string;
  /** Where codes go from now on; only for events that set a number. */
  phone?: (maskedPhone: string) => string;
}

interface NotificationWording {
  events: Record<NotificationType, EventWording>;
  /** Labels carry their own punctuation (French puts a no-break space before the colon). */
  when: string;
  browser: string;
  unknownBrowser: string;
  ifYou: string;
  ifNotYou: (tenant: string) => string;
}

const wording: Record<Locale, NotificationWording> = {
  en: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Two-factor authentication is on for your ${t} account`,
        heading: 'Two-factor authentication is on',
        happened: (t) => `Two-factor authentication was turned on for your ${t} account.`,
        phone: (p) => `Sign-in codes will be sent to ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Two-factor authentication was turned off for your ${t} account`,
        heading: 'Two-factor authentication is off',
        happened: (t) =>
          `Two-factor authentication was turned off for your ${t} account. Signing in now only needs your password.`,
      },
      'phone.changed': {
        subject: (t) => `The phone number for your ${t} account was changed`,
        heading: 'Your phone number was changed',
        happened: (t) => `The phone number that receives your ${t} sign-in codes was changed.`,
        phone: (p) => `Codes will now be sent to ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `A recovery code was used for your ${t} account`,
        heading: 'A recovery code was used',
        happened: (t) =>
          `One of your recovery codes was used to sign in to your ${t} account or to confirm a change to it. It can’t be used again.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Your ${t} recovery codes were viewed`,
        heading: 'Your recovery codes were viewed',
        happened: (t) => `Your ${t} recovery codes were shown in your account settings.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `New recovery codes for your ${t} account`,
        heading: 'New recovery codes were created',
        happened: (t) =>
          `New recovery codes were created for your ${t} account. Your old codes no longer work.`,
      },
      'browser.trusted': {
        subject: (t) => `A new trusted browser for your ${t} account`,
        heading: 'A new browser is trusted',
        happened: (t) =>
          `A browser was added to your trusted browsers for ${t}. For a while, you won’t be asked for a code when you sign in on it.`,
      },
    },
    when: 'When:',
    browser: 'Browser:',
    unknownBrowser: 'Unknown browser',
    ifYou: 'If this was you, there is nothing else to do.',
    ifNotYou: (t) =>
      `If this wasn’t you, sign in to ${t} now, change your password and review your two-factor authentication settings. If you can’t sign in, contact ${t} support.`,
  },
  fr: {
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
    },
    when: 'Date\u00a0:',
    browser: 'Navigateur\u00a0:',
    unknownBrowser: 'Navigateur inconnu',
    ifYou: 'Si c’était vous, vous n’avez rien d’autre à faire.',
    ifNotYou: (t) =>
      `Si ce n’était pas vous, connectez-vous à ${t} dès maintenant, changez votre mot de passe et vérifiez vos paramètres d’authentification à deux facteurs. Si vous ne pouvez pas vous connecter, contactez le support de ${t}.`,
  },
  de: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Zwei-Faktor-Authentifizierung für Ihr Konto bei ${t} aktiviert`,
        heading: 'Zwei-Faktor-Authentifizierung aktiviert',
        happened: (t) =>
          `Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto bei ${t} aktiviert.`,
        phone: (p) => `Anmeldecodes werden an ${p} gesendet.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Zwei-Faktor-Authentifizierung für Ihr Konto bei ${t} deaktiviert`,
        heading: 'Zwei-Faktor-Authentifizierung deaktiviert',
        happened: (t) =>
          `Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto bei ${t} deaktiviert. Zum Anmelden genügt jetzt Ihr Passwort.`,
      },
      'phone.changed': {
        subject: (t) => `Telefonnummer für Ihr Konto bei ${t} geändert`,
        heading: 'Telefonnummer geändert',
        happened: (t) =>
          `Die Telefonnummer, an die Ihre Anmeldecodes für ${t} gesendet werden, wurde geändert.`,
        phone: (p) => `Codes werden ab jetzt an ${p} gesendet.`,
      },
      'recovery_code.used': {
        subject: (t) => `Wiederherstellungscode für Ihr Konto bei ${t} verwendet`,
        heading: 'Wiederherstellungscode verwendet',
        happened: (t) =>
          `Einer Ihrer Wiederherstellungscodes wurde verwendet, um sich bei ${t} anzumelden oder eine Änderung zu bestätigen. Er kann nicht erneut verwendet werden.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Ihre Wiederherstellungscodes für ${t} wurden angezeigt`,
        heading: 'Wiederherstellungscodes angezeigt',
        happened: (t) =>
          `Ihre Wiederherstellungscodes für ${t} wurden in Ihren Kontoeinstellungen angezeigt.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Neue Wiederherstellungscodes für Ihr Konto bei ${t}`,
        heading: 'Neue Wiederherstellungscodes erstellt',
        happened: (t) =>
          `Für Ihr Konto bei ${t} wurden neue Wiederherstellungscodes erstellt. Ihre bisherigen Codes sind nicht mehr gültig.`,
      },
      'browser.trusted': {
        subject: (t) => `Neuer vertrauenswürdiger Browser für Ihr Konto bei ${t}`,
        heading: 'Neuer vertrauenswürdiger Browser',
        happened: (t) =>
          `Ein Browser wurde zu Ihren vertrauenswürdigen Browsern für ${t} hinzugefügt. Bei der Anmeldung in diesem Browser wird eine Zeit lang kein Code abgefragt.`,
      },
    },
    when: 'Zeitpunkt:',
    browser: 'Browser:',
    unknownBrowser: 'Unbekannter Browser',
    ifYou: 'Wenn Sie das waren, müssen Sie nichts weiter tun.',
    ifNotYou: (t) =>
      `Wenn Sie das nicht waren, melden Sie sich sofort bei ${t} an, ändern Sie Ihr Passwort und prüfen Sie Ihre Einstellungen für die Zwei-Faktor-Authentifizierung. Wenn Sie sich nicht anmelden können, wenden Sie sich an den Support von ${t}.`,
  },
  es: {
    events: {
      'two_factor.enabled': {
        subject: (t) => `Autenticación de dos factores activada en tu cuenta de ${t}`,
        heading: 'Autenticación de dos factores activada',
        happened: (t) => `Se ha activado la autenticación de dos factores en tu cuenta de ${t}.`,
        phone: (p) => `Los códigos de inicio de sesión se enviarán al ${p}.`,
      },
      'two_factor.disabled': {
        subject: (t) => `Autenticación de dos factores desactivada en tu cuenta de ${t}`,
        heading: 'Autenticación de dos factores desactivada',
        happened: (t) =>
          `Se ha desactivado la autenticación de dos factores en tu cuenta de ${t}. Ahora solo necesitas tu contraseña para iniciar sesión.`,
      },
      'phone.changed': {
        subject: (t) => `Se ha cambiado el número de teléfono de tu cuenta de ${t}`,
        heading: 'Número de teléfono cambiado',
        happened: (t) =>
          `Se ha cambiado el número de teléfono que recibe tus códigos de inicio de sesión de ${t}.`,
        phone: (p) => `A partir de ahora, los códigos se enviarán al ${p}.`,
      },
      'recovery_code.used': {
        subject: (t) => `Se ha usado un código de recuperación en tu cuenta de ${t}`,
        heading: 'Código de recuperación usado',
        happened: (t) =>
          `Se ha usado uno de tus códigos de recuperación para iniciar sesión en tu cuenta de ${t} o para confirmar un cambio. No se puede volver a usar.`,
      },
      'recovery_codes.viewed': {
        subject: (t) => `Se han consultado tus códigos de recuperación de ${t}`,
        heading: 'Códigos de recuperación consultados',
        happened: (t) =>
          `Tus códigos de recuperación de ${t} se han mostrado en la configuración de tu cuenta.`,
      },
      'recovery_codes.regenerated': {
        subject: (t) => `Nuevos códigos de recuperación para tu cuenta de ${t}`,
        heading: 'Nuevos códigos de recuperación',
        happened: (t) =>
          `Se han creado nuevos códigos de recuperación para tu cuenta de ${t}. Los códigos anteriores ya no funcionan.`,
      },
      'browser.trusted': {
        subject: (t) => `Nuevo navegador de confianza en tu cuenta de ${t}`,
        heading: 'Nuevo navegador de confianza',
        happened: (t) =>
          `Se ha añadido un navegador a tus navegadores de confianza de ${t}. Durante un tiempo, no se te pedirá ningún código al iniciar sesión en él.`,
      },
    },
    when: 'Fecha:',
    browser: 'Navegador:',
    unknownBrowser: 'Navegador desconocido',
    ifYou: 'Si fuiste tú, no tienes que hacer nada más.',
    ifNotYou: (t) =>
      `Si no fuiste tú, inicia sesión en ${t} ahora mismo, cambia tu contraseña y revisa la configuración de la autenticación de dos factores. Si no puedes iniciar sesión, ponte en contacto con el servicio de asistencia de ${t}.`,
  },
};

/** "3 March 2025 at 14:05 UTC", in the user's language; UTC because we do not know their zone. */
export function formatEventTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(at);
}

/** Tells the user about a security event on their account, and what to do if it was not them. */
export function notificationEmail(input: NotificationEmailInput): RenderedEmail {
  const { locale, tenantName } = input;
  const words = wording[locale];
  const event = words.events[input.type];
  const phoneLine = event.phone && input.maskedPhone ? ` ${event.phone(input.maskedPhone)}` : '';
  return renderEmail({
    locale,
    tenantName,
    subject: event.subject(tenantName),
    heading: event.heading,
    blocks: [
      { kind: 'paragraph', text: `${event.happened(tenantName)}${phoneLine}` },
      {
        kind: 'details',
        rows: [
          [words.when, formatEventTime(input.at, locale)],
          [words.browser, input.browser || words.unknownBrowser],
        ],
      },
      { kind: 'paragraph', text: words.ifYou },
      { kind: 'paragraph', text: words.ifNotYou(tenantName) },
    ],
  });
}
