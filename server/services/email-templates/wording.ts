import type { Locale } from '../sessions.ts';
import type { CodePurpose } from './code-email.ts';
import type { NotificationType } from './notification-email.ts';
import { ar } from './words/ar.ts';
import { de } from './words/de.ts';
import { en } from './words/en.ts';
import { es } from './words/es.ts';
import { fr } from './words/fr.ts';
import { it } from './words/it.ts';
import { nl } from './words/nl.ts';
import { pl } from './words/pl.ts';
import { ptBR } from './words/pt-br.ts';
import { zhCN } from './words/zh-cn.ts';

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

/** Everything the emails say in one language: one file per language under `words/`. */
export interface EmailWording {
  direction: 'ltr' | 'rtl';
  footer: (tenant: string) => string;
  code: CodeWording;
  notification: NotificationWording;
}

export const wording: Record<Locale, EmailWording> = {
  en,
  fr,
  de,
  es,
  it,
  'pt-BR': ptBR,
  nl,
  pl,
  ar,
  'zh-CN': zhCN,
};
