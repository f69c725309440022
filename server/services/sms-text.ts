import { formatMinutes } from './minutes.ts';
import type { Locale } from './sessions.ts';

/** `duration` is already worded for the locale: "1 minute", "10 Minuten". */
type Template = (code: string, tenant: string, duration: string) => string;

const templates: Record<Locale, Template> = {
  en: (code, tenant, duration) =>
    `${code} is your ${tenant} verification code. It expires in ${duration}.`,
  fr: (code, tenant, duration) =>
    `${code} est votre code de vérification ${tenant}. Il expire dans ${duration}.`,
  de: (code, tenant, duration) =>
    `${code} ist Ihr Bestätigungscode für ${tenant}. Er läuft in ${duration} ab.`,
  es: (code, tenant, duration) =>
    `${code} es tu código de verificación de ${tenant}. Caduca en ${duration}.`,
  it: (code, tenant, duration) =>
    `${code} è il tuo codice di verifica per ${tenant}. Scade tra ${duration}.`,
  'pt-BR': (code, tenant, duration) =>
    `${code} é o seu código de verificação para ${tenant}. Expira em ${duration}.`,
  nl: (code, tenant, duration) =>
    `${code} is uw verificatiecode voor ${tenant}. De code verloopt over ${duration}.`,
  // A label rather than "za 1 minutę": Intl.NumberFormat words the unit in the nominative.
  pl: (code, tenant, duration) =>
    `${code} to Twój kod weryfikacyjny w serwisie ${tenant}. Czas ważności: ${duration}.`,
  ar: (code, tenant, duration) =>
    `${code} هو رمز التحقق الخاص بك لدى ${tenant}. تنتهي صلاحيته بعد ${duration}.`,
  'zh-CN': (code, tenant, duration) => `${code} 是您的 ${tenant} 验证码，${duration}内有效。`,
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
  const duration = formatMinutes(input.locale, Math.round(input.ttlSeconds / 60));
  return `${templates[input.locale](input.code, input.tenantName, duration)}\n\n@${input.partnerHost} #${input.code}`;
}
