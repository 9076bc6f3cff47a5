import { describe, expect, it } from 'vitest';
import * as noble from '@noble/hashes/utils.js';
import * as standIn from './noble-random-node';

describe("the CLI's stand-in for @noble/hashes/utils.js", () => {
  it('exports what @noble exports, the same functions but randomBytes', () => {
    expect(Object.keys(standIn).sort()).toEqual(Object.keys(noble).sort());
    for (const name of Object.keys(noble))
      if (name !== 'randomBytes')
        expect(Reflect.get(standIn, name), name).toBe(Reflect.get(noble, name));
  });

  it('gives fresh bytes of the length asked, 32 by default, as a Uint8Array', () => {
    expect(standIn.randomBytes()).toHaveLength(32);
    const a = standIn.randomBytes(64);
    expect(a).toBeInstanceOf(Uint8Array);
    expect(a).toHaveLength(64);
    expect(standIn.randomBytes(0)).toHaveLength(0);
    expect(standIn.randomBytes(65536)).toHaveLength(65536);
    expect(standIn.randomBytes(16)).not.toEqual(standIn.randomBytes(16));
  });

  it('refuses what @noble refuses, with the same errors', () => {
    for (const bad of [-1, 1.5, Number.NaN, 65537]) {
      expect(() => standIn.randomBytes(bad)).toThrow();
      let nobleError: unknown;
      try {
        noble.randomBytes(bad);
      } catch (e) {
        nobleError = e;
      }
      expect(() => standIn.randomBytes(bad)).toThrow(
        nobleError instanceof Error ? nobleError.message : 'never',
      );
    }
  });
});
