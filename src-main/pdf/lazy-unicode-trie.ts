/**
 * Stands in for `unicode-trie` in the render commands' CommonJS bundle (vite.cli.config.ts, mode
 * `renders`; build/pdf-stand-ins.ts): the same trie, inflated when it is first read rather than
 * when it is made. fontkit (its Arabic, Indic and universal shapers), unicode-properties and
 * pdfkit's linebreak each make their tables as they load — each a double inflate — though a
 * Chinese task book reads only some of them (issue 22: ≈ 5 % of a cold `jiebang render-taskbook`).
 * Every read goes to the real trie (unicode-trie's own code), so what it answers is the same.
 */
import UnicodeTrie, { type TrieData } from 'unicode-trie/index.js';

export default class LazyUnicodeTrie {
  #source: TrieData;
  #trie: UnicodeTrie | undefined;

  constructor(data: TrieData) {
    this.#source = data;
  }

  #read(): UnicodeTrie {
    this.#trie ??= new UnicodeTrie(this.#source);
    return this.#trie;
  }

  get data(): Uint32Array {
    return this.#read().data;
  }

  get highStart(): number {
    return this.#read().highStart;
  }

  get errorValue(): number {
    return this.#read().errorValue;
  }

  get(codePoint: number): number {
    return this.#read().get(codePoint);
  }
}
