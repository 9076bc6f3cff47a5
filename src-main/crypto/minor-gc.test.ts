import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectingAsItOpens } from './bundle-files';
import { minorGc } from './minor-gc';
import { nodeCrypto } from './node-crypto';

describe('minorGc', () => {
  it('collects under node and leaves --expose-gc as it was (no gc in a context made after)', () => {
    const gc = minorGc();
    expect(gc).toBeTypeOf('function');
    gc?.();
    expect(minorGc()).toBe(gc);
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('opens age chunks as nodeCrypto does, collecting between them (a forged chunk refused)', () => {
    const key = new Uint8Array(randomBytes(32));
    const sealer = nodeCrypto.chacha20poly1305(key);
    const collecting = collectingAsItOpens(minorGc()).chacha20poly1305(key);
    const plain = nodeCrypto.chacha20poly1305(key);
    for (let i = 0; i < 100; i++) {
      const nonce = new Uint8Array(12);
      nonce[10] = i;
      const text = new Uint8Array(randomBytes(i === 99 ? 1000 : 65536));
      const sealed = sealer.seal(nonce, text);
      if (i === 50) sealed[7] = (sealed[7] ?? 0) ^ 1;
      // Split in two parts, the tag across them, as a file's pieces may cut it.
      const cut = sealed.length - 9;
      const parts = [sealed.subarray(0, cut), sealed.subarray(cut)];
      const got = collecting.openParts(nonce, parts);
      const want = plain.openParts(nonce, parts);
      if (i === 50) {
        expect(got).toBeNull();
        expect(want).toBeNull();
      } else {
        expect(Buffer.compare(Buffer.concat(got ?? []), text)).toBe(0);
        expect(Buffer.compare(Buffer.concat(want ?? []), text)).toBe(0);
      }
    }
  });
});
