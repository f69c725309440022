import type { Locale } from './sessions.ts';

type Template = (code: string, tenant: string, minutes: number) => string;

const templates: Record<Locale, Template> = {
  en: (code, tenant, minutes) =>
    `${code} is your ${tenant} verification code. It expires in ${minutes} minutes.`,
  fr: (code, tenant, minutes) =>
    `${code} est votre code de vérification ${tenant}. Il expire dans ${minutes} minutes.`,
  de: (code, tenant, minutes) =>
    `${code} ist Ihr Bestätigungscode für ${tenant}. Er läuft in ${minutes} Minuten ab.`,
  es: (code, tenant, minutes) =>
    `${code} es tu código de verificación de ${tenant}. Caduca en ${minutes} minutos.`,
};

/**
 * The code SMS, in the session's language. The last line is the WebOTP origin-bound format, so
 * the browser on the partner's page can offer the code (https://wicg.github.io/sms-one-time-codes/).
 */
export function codeSmsText(input: {
  locale: Locale;
  tenantName: string;
  code: string;
  ttlSeconds: number;
  partnerHost: string;
}) {
  const minutes = Math.round(input.ttlSeconds / 60);
  return `${templates[input.locale](input.code, input.tenantName, minutes)}\n\n@${input.partnerHost} #${input.code}`;
}
