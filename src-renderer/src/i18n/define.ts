/** A feature's strings: Chinese is the source of keys; English must have exactly the same keys. */
export function defineStrings<const Z extends Record<string, string>>(
  zh: Z,
  en: { [K in keyof Z]: string },
): { zh: Z; en: { [K in keyof Z]: string } } {
  return { zh, en };
}
