import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nobleCrypto } from '../../src-shared/crypto/noble';
import { hashStream, sha256HexWith, toHex } from '../../src-shared/crypto/provider';
import { nodeCrypto } from './node-crypto';

/** One input through both providers, compared: the bytes must be identical. */
describe('node:crypto and @noble providers agree', () => {
  it('SHA-256 (one shot, incremental, streamed), HMAC, HKDF, CRC-32', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 6 }),
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 64 }),
        async (chunks, key, length) => {
          const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
          let at = 0;
          for (const c of chunks) whole.set(c, (at += c.length) - c.length);
          const expected = sha256HexWith(nobleCrypto, whole);
          expect(sha256HexWith(nodeCrypto, whole)).toBe(expected);
          expect(toHex(await hashStream(nodeCrypto, chunks))).toBe(expected);
          expect(toHex(await hashStream(nobleCrypto, chunks))).toBe(expected);
          expect(nodeCrypto.hmacSha256(key, whole)).toEqual(nobleCrypto.hmacSha256(key, whole));
          expect(nodeCrypto.hkdfSha256(whole, key, key, length)).toEqual(
            nobleCrypto.hkdfSha256(whole, key, key, length),
          );
          let crc = 0;
          for (const c of chunks) crc = nodeCrypto.crc32(c, crc);
          expect(crc).toBe(nobleCrypto.crc32(whole));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ChaCha20-Poly1305: each opens what the other sealed, and refuses a changed byte', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 5000 }),
        fc.nat(),
        (key, nonce, plain, flip) => {
          const sealed = nodeCrypto.chacha20poly1305(key).seal(nonce, plain);
          expect(sealed).toEqual(nobleCrypto.chacha20poly1305(key).seal(nonce, plain));
          expect(nobleCrypto.chacha20poly1305(key).open(nonce, sealed)).toEqual(plain);
          expect(nodeCrypto.chacha20poly1305(key).open(nonce, sealed)).toEqual(plain);
          const bad = new Uint8Array(sealed);
          const at = flip % bad.length;
          bad[at] = (bad[at] ?? 0) ^ 1;
          expect(nodeCrypto.chacha20poly1305(key).open(nonce, bad)).toBeNull();
          expect(nobleCrypto.chacha20poly1305(key).open(nonce, bad)).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });
});
