import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import UnicodeTrie from 'unicode-trie/index.js';
import { describe, expect, it } from 'vitest';
import LazyUnicodeTrie from './lazy-unicode-trie';
import decompress from './no-woff2';
import { cbc, ecb } from './no-pdf-encryption';

/** fontkit's own serialized tries (its shapers' tables), as the bundle's packages pass them. */
const fontkitShapers = join(
  dirname(createRequire(import.meta.url).resolve('fontkit')),
  '../src/opentype/shapers',
);
const TRIES = ['data.trie', 'indic.trie', 'use.trie'];

describe('the lazy unicode-trie stand-in (render bundle)', () => {
  it.each(TRIES)('answers as unicode-trie for every code point of %s', (name) => {
    const bytes = readFileSync(join(fontkitShapers, name));
    const real = new UnicodeTrie(bytes);
    // As a Buffer and as plain bytes: the packages pass one or the other.
    for (const lazy of [new LazyUnicodeTrie(bytes), new LazyUnicodeTrie(new Uint8Array(bytes))]) {
      const differ: number[] = [];
      for (let cp = -1; cp <= 0x110000; cp++) if (lazy.get(cp) !== real.get(cp)) differ.push(cp);
      expect(differ).toEqual([]);
      expect(lazy.highStart).toBe(real.highStart);
      expect(lazy.errorValue).toBe(real.errorValue);
      expect(lazy.data).toEqual(real.data);
    }
  });

  it('reads an already parsed trie as unicode-trie does', () => {
    const real = new UnicodeTrie(readFileSync(join(fontkitShapers, 'data.trie')));
    const lazy = new LazyUnicodeTrie({
      data: real.data,
      highStart: real.highStart,
      errorValue: real.errorValue,
    });
    for (const cp of [0x41, 0x4e2d, 0x20bb7, 0x10ffff]) expect(lazy.get(cp)).toBe(real.get(cp));
  });
});

describe('the stand-ins that must never be called', () => {
  it('fails loudly on a WOFF2 face or an encrypted PDF', () => {
    expect(() => decompress()).toThrow(/WOFF2/);
    expect(() => cbc()).toThrow(/encryption/);
    expect(() => ecb()).toThrow(/encryption/);
  });
});
