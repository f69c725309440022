import { enFirst } from './en-first.ts';
import { enLater } from './later/en.ts';

/**
 * English, the reference catalogue: every other language has exactly these keys. Each language
 * comes in two chunks: the first screens' messages, and those only the later screens say (code
 * entry, recovery codes, settings), which load with those screens and stay out of the first load.
 */
export const en = { ...enFirst, ...enLater };

export type Strings = typeof en;
export type StringKey = keyof Strings;
export type FirstStrings = typeof enFirst;
export type LaterStrings = typeof enLater;
