/**
 * The slice of unicode-trie (the Unicode property tables of fontkit, unicode-properties and
 * linebreak; no types of its own) that the lazy stand-in wraps (lazy-unicode-trie.ts).
 */
declare module 'unicode-trie/index.js' {
  /** Serialized trie: deflated twice (a Buffer or bytes), or the fields of one already read. */
  export type TrieData = Uint8Array | { data: Uint32Array; highStart: number; errorValue: number };
  export default class UnicodeTrie {
    constructor(data: TrieData);
    readonly data: Uint32Array;
    readonly highStart: number;
    readonly errorValue: number;
    get(codePoint: number): number;
  }
}
