import type { Locale } from '../sessions.ts';
import { type RenderedEmail, renderEmail } from './layout.ts';

export const codePurposes = ['sign-in', 'verify-email'] as const;
export type CodePurpose = (typeof codePurposes)[number];

export interface CodeEmailInput {
  locale: Locale;
  tenantName: string;
  code: string;
  ttlMinutes: number;
  purpose: CodePurpose;
}

interface PurposeWording {
  subject: (tenant: string) => string;
  heading: string;
  intro: (tenant: string) => string;
  ifNotYou: string;
}

interface CodeWording {
  purposes: Record<CodePurpose, PurposeWording>;
  /** `duration` is already localised: "10 minutes", "10 Minuten"… */
  expires: (duration: string) => string;
  doNotShare: string;
}

const wording: Record<Locale, CodeWording> = {
  en: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Your sign-in code for ${tenant}`,
        heading: 'Your sign-in code',
        intro: (tenant) => `Enter this code to finish signing in to ${tenant}:`,
        ifNotYou:
          'If you didn’t try to sign in, you can ignore this email, but someone may know your password: change it now.',
      },
      'verify-email': {
        subject: (tenant) => `Confirm your email for ${tenant}`,
        heading: 'Confirm your email address',
        intro: (tenant) => `Enter this code to confirm your email address for ${tenant}:`,
        ifNotYou: 'If you didn’t ask for this, you can ignore this email.',
      },
    },
    expires: (duration) => `This code expires in ${duration}.`,
    doNotShare: 'Don’t share it with anyone.',
  },
  fr: {
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
  de: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Ihr Anmeldecode für ${tenant}`,
        heading: 'Ihr Anmeldecode',
        intro: (tenant) =>
          `Geben Sie diesen Code ein, um Ihre Anmeldung bei ${tenant} abzuschließen:`,
        ifNotYou:
          'Wenn Sie nicht versucht haben, sich anzumelden, können Sie diese E-Mail ignorieren. Möglicherweise kennt aber jemand Ihr Passwort: Ändern Sie es jetzt.',
      },
      'verify-email': {
        subject: (tenant) => `Bestätigen Sie Ihre E-Mail-Adresse für ${tenant}`,
        heading: 'Bestätigen Sie Ihre E-Mail-Adresse',
        intro: (tenant) =>
          `Geben Sie diesen Code ein, um Ihre E-Mail-Adresse für ${tenant} zu bestätigen:`,
        ifNotYou: 'Wenn Sie dies nicht angefordert haben, können Sie diese E-Mail ignorieren.',
      },
    },
    expires: (duration) => `Der Code läuft in ${duration} ab.`,
    doNotShare: 'Geben Sie ihn an niemanden weiter.',
  },
  es: {
    purposes: {
      'sign-in': {
        subject: (tenant) => `Tu código de inicio de sesión para ${tenant}`,
        heading: 'Tu código de inicio de sesión',
        intro: (tenant) => `Introduce este código para terminar de iniciar sesión en ${tenant}:`,
        ifNotYou:
          'Si no has intentado iniciar sesión, puedes ignorar este correo, pero es posible que alguien conozca tu contraseña: cámbiala ahora.',
      },
      'verify-email': {
        subject: (tenant) => `Confirma tu correo electrónico para ${tenant}`,
        heading: 'Confirma tu dirección de correo electrónico',
        intro: (tenant) =>
          `Introduce este código para confirmar tu dirección de correo electrónico en ${tenant}:`,
        ifNotYou: 'Si no lo has solicitado, puedes ignorar este correo.',
      },
    },
    expires: (duration) => `El código caduca en ${duration}.`,
    doNotShare: 'No lo compartas con nadie.',
  },
};

/**
 * The email carrying a code, for a sign-in step or an address check. The subject never holds the
 * code: subjects show on lock screens and in notification previews.
 */
export function codeEmail(input: CodeEmailInput): RenderedEmail {
  const { locale, tenantName, code, ttlMinutes } = input;
  const words = wording[locale];
  const purpose = words.purposes[input.purpose];
  const duration = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  }).format(ttlMinutes);
  return renderEmail({
    locale,
    tenantName,
    subject: purpose.subject(tenantName),
    heading: purpose.heading,
    blocks: [
      { kind: 'paragraph', text: purpose.intro(tenantName) },
      { kind: 'code', code },
      { kind: 'paragraph', text: `${words.expires(duration)} ${words.doNotShare}` },
      { kind: 'paragraph', text: purpose.ifNotYou },
    ],
  });
}
