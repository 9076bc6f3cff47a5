/**
 * All user-facing strings: one dictionary per feature (`i18n/<feature>.ts`, made with
 * `defineStrings`), listed in `all.ts`. Chinese first; English mirrors the same keys. Pure: the
 * workflows use it for the messages they return, the screens through `useT` (i18n/index.ts).
 *
 * The keys are typed from every table, but only the first screen's tables (the profile gate, the
 * frame around every screen, the sidebar, the messages any screen may show) are loaded here; each
 * other table is imported by the screen that shows it, so it comes in the screen's chunk and is
 * registered before the screen renders (issue 22; `strings.test.ts` checks that every key a chunk
 * uses is registered by then).
 */
import type { dictionaries } from './all';
import { registeredText, type Lang } from './define';
import { coreStrings } from './core';
import { storageStrings } from './storage';
import { errorStrings } from './errors';
import { progressStrings } from './progress';
import { formatDateZh } from '../../../src-shared/text/date';

/** The tables the first screen loads (registered as they are evaluated). */
export const firstScreenStrings = [coreStrings, storageStrings, errorStrings, progressStrings];

export type { Lang };

type Dictionary = (typeof dictionaries)[number];
export type StringKey = Dictionary extends infer D
  ? D extends { zh: infer Z }
    ? keyof Z & string
    : never
  : never;

/**
 * A list inside a message (expert ids, a sheet's issues): its items are joined when the message
 * is shown, with the separator of the language shown (、 or ；in Chinese, a comma or a semicolon
 * in English), so a workflow never joins in one language. Made by `listParam`.
 */
export interface ListParam {
  items: readonly (string | DayParam)[];
  sep: 'list' | 'clause';
}

export const listParam = (
  items: readonly (string | DayParam)[],
  sep: ListParam['sep'] = 'list',
): ListParam => ({
  items,
  sep,
});

/**
 * A day (YYYY-MM-DD) inside a message, as the reader writes it: 2026年12月8日 in Chinese (through
 * `formatDateZh`, the one formatter of the notices, forms and screens), as recorded (2026-12-08)
 * in English. Made by `dayParam`; a list of days is a `listParam` of them (joined with 、).
 */
export interface DayParam {
  day: string;
}

export const dayParam = (iso: string): DayParam => ({ day: iso });

/** A day as `lang` writes it (see `DayParam`). */
export const sayDay = (lang: Lang, iso: string): string =>
  lang === 'zh' ? formatDateZh(iso) : iso;

const item = (lang: Lang, value: string | DayParam): string =>
  typeof value === 'string' ? value : sayDay(lang, value.day);

/**
 * A message's parameters: text, a number, a list (`listParam`) or a message of its own, said in
 * the same language as the message around it (「完成日期：{why}，未签发」 with the date rule's refusal
 * as `why`).
 */
export interface Params {
  [name: string]: string | number | ListParam | DayParam | Message;
}

export function translate(lang: Lang, key: StringKey, params?: Params): string {
  const template = registeredText(lang, key) ?? registeredText('zh', key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value !== 'object') return String(value);
    if ('items' in value)
      return value.items
        .map((one) => item(lang, one))
        .join(translate(lang, value.sep === 'list' ? 'common.listSep' : 'common.clauseSep'));
    if ('day' in value) return sayDay(lang, value.day);
    return say(lang, value);
  });
}

export type T = (key: StringKey, params?: Params) => string;

/**
 * What a workflow tells the user: a string of the tables (shown in the user's language), or a
 * sentence as a lower layer wrote it (src-shared's rules and checks speak Chinese, the words of
 * the measures; main speaks Chinese then English).
 */
export type Message =
  | { key: StringKey; params?: Params }
  | { text: string }
  /** Several refusals at once (every problem of a form named together), joined with ；. */
  | { all: readonly Message[] };

/**
 * Whether `key` is a key of the registered tables (a message that crossed a boundary, e.g. from a
 * worker, read by the screen that shows it).
 */
export const isStringKey = (key: string): key is StringKey =>
  registeredText('zh', key) !== undefined;

export const message = (key: StringKey, params?: Params): Message =>
  params ? { key, params } : { key };

/**
 * A sentence from main, "中文。 English.", in one language: the Chinese half for zh, the English
 * half for en; a sentence in one language only is given as it is.
 */
export function oneLanguage(text: string, lang: Lang): string {
  const m = /^([\s\S]*[。！？])\s+([A-Z][A-Za-z']*\s[^\u3000-\u9fff\uff00-\uffef]*)$/u.exec(text);
  if (!m) return text;
  return (lang === 'zh' ? m[1] : m[2]) ?? text;
}

export function say(lang: Lang, m: Message): string {
  if ('key' in m) return translate(lang, m.key, m.params);
  if ('all' in m)
    return m.all.map((one) => say(lang, one)).join(translate(lang, 'common.clauseSep'));
  return oneLanguage(m.text, lang);
}

/** One message for a list of refusals: the only one as it is, several as `{ all }`. */
export const allOf = (messages: readonly [Message, ...Message[]]): Message =>
  messages.length === 1 ? messages[0] : { all: messages };
