/**
 * All user-facing strings, in one place: one dictionary per feature (`i18n/<feature>.ts`, made
 * with `defineStrings`), listed below. Chinese first; English mirrors the same keys.
 */
import { useCallback } from 'react';
import { useLang, type Lang } from '../stores/ui';
import { coreStrings } from './core';
import { pdfStrings } from './pdf';
import { progressStrings } from './progress';
import { bundleStrings } from './bundles';
import { storageStrings } from './storage';
import { reviewStrings } from './review';
import { chairStrings } from './chair';
import { taskbookStrings } from './taskbook';
import { calendarStrings } from './calendar';
import { awardStrings } from './award';
import { bureauStrings } from './bureau';
import { meetingStrings } from './meeting';

const dictionaries = [
  coreStrings,
  pdfStrings,
  progressStrings,
  bundleStrings,
  storageStrings,
  reviewStrings,
  chairStrings,
  taskbookStrings,
  calendarStrings,
  awardStrings,
  bureauStrings,
  meetingStrings,
] as const;

type Dictionary = (typeof dictionaries)[number];
export type StringKey = Dictionary extends infer D
  ? D extends { zh: infer Z }
    ? keyof Z & string
    : never
  : never;

const tables: Record<Lang, Map<string, string>> = { zh: new Map(), en: new Map() };
for (const d of dictionaries) {
  for (const [k, v] of Object.entries(d.zh)) tables.zh.set(k, v);
  for (const [k, v] of Object.entries(d.en)) tables.en.set(k, v);
}

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: StringKey, params?: Params): string {
  const template = tables[lang].get(key) ?? tables.zh.get(key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export type T = (key: StringKey, params?: Params) => string;

export function useT(): T {
  const lang = useLang();
  return useCallback((key: StringKey, params?: Params) => translate(lang, key, params), [lang]);
}
