import { type Locale, loadStrings, type Strings } from './catalogue.ts';
import type { LaterStrings } from './en.ts';

const loaders: Record<Locale, () => Promise<LaterStrings>> = {
  en: () => import('./later/en.ts').then((module) => module.enLater),
  fr: () => import('./later/fr.ts').then((module) => module.frLater),
  de: () => import('./later/de.ts').then((module) => module.deLater),
  es: () => import('./later/es.ts').then((module) => module.esLater),
  it: () => import('./later/it.ts').then((module) => module.itLater),
  'pt-BR': () => import('./later/pt-br.ts').then((module) => module.ptBRLater),
  nl: () => import('./later/nl.ts').then((module) => module.nlLater),
  pl: () => import('./later/pl.ts').then((module) => module.plLater),
  ar: () => import('./later/ar.ts').then((module) => module.arLater),
  'zh-CN': () => import('./later/zh-cn.ts').then((module) => module.zhCNLater),
};

/** The messages of the later screens in `locale`, fetched with those screens. */
export function loadLaterStrings(locale: Locale): Promise<LaterStrings> {
  return loaders[locale]();
}

/** Every message of `locale`, the first screens' and the later ones'. */
export async function loadAllStrings(locale: Locale): Promise<Strings> {
  return { ...(await loadStrings(locale)), ...(await loadLaterStrings(locale)) };
}
