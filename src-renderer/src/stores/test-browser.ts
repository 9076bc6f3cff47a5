/**
 * For the stores' unit tests in Node: the two browser globals the stores read — the language
 * choice in localStorage and on <html lang>. Imported (through `test-store.ts`) before any store,
 * so they are there when `stores/ui.ts` reads them.
 */
const kept = new Map<string, string>();
globalThis.localStorage = {
  getItem: (k: string) => kept.get(k) ?? null,
  setItem: (k: string, v: string) => void kept.set(k, v),
  removeItem: (k: string) => void kept.delete(k),
  clear: () => kept.clear(),
  key: (i: number) => [...kept.keys()][i] ?? null,
  get length() {
    return kept.size;
  },
};
Object.assign(globalThis, { document: { documentElement: { lang: '' } } });
