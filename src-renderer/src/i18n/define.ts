export type Lang = 'zh' | 'en';

/**
 * The strings registered so far, by language. A table is registered when its module is first
 * evaluated (`defineStrings` below): the first screen's tables by `strings.ts`, every other table
 * by the screen that shows it, which imports it, so it arrives in the screen's own chunk and is
 * here before the screen renders (issue 22; `strings.test.ts` checks every chunk's keys).
 */
const registered: Record<Lang, Map<string, string>> = { zh: new Map(), en: new Map() };

/**
 * A feature's strings: Chinese is the source of keys; English must have exactly the same keys.
 * Registers them (see `registered`).
 */
export function defineStrings<const Z extends Record<string, string>>(
  zh: Z,
  en: { [K in keyof Z]: string },
): { zh: Z; en: { [K in keyof Z]: string } } {
  for (const [k, v] of Object.entries(zh)) registered.zh.set(k, v);
  for (const [k, v] of Object.entries(en)) registered.en.set(k, v);
  return { zh, en };
}

/** The registered text of `key` in `lang`, if its table is registered. */
export const registeredText = (lang: Lang, key: string): string | undefined =>
  registered[lang].get(key);
