import { x25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  publicKeyOf,
  publicKeyWith,
  sign,
  signWith,
  verify,
} from '../../src-shared/crypto/keys';
import { nobleCrypto } from '../../src-shared/crypto/noble';
import { hashStream, joinParts, sha256HexWith, toHex } from '../../src-shared/crypto/provider';
import {
  malleated,
  mixedOrderKey,
  NON_CANONICAL,
  SMALL_ORDER,
  TRIVIAL_SIGNATURE,
} from '../../src-shared/crypto/test-vectors';
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

  it('ChaCha20-Poly1305 over parts split anywhere (the tag too) is seal and open of the whole', () => {
    const split = (bytes: Uint8Array, cuts: number[]) => {
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      return [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length));
    };
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 5000 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.nat(),
        (key, nonce, plain, cuts, flip) => {
          const sealed = nobleCrypto.chacha20poly1305(key).seal(nonce, plain);
          for (const p of [nodeCrypto, nobleCrypto]) {
            const aead = p.chacha20poly1305(key);
            expect(joinParts(aead.sealParts(nonce, split(plain, cuts)))).toEqual(sealed);
            expect(joinParts(aead.openParts(nonce, split(sealed, cuts)) ?? [])).toEqual(plain);
            const bad = new Uint8Array(sealed);
            const at = flip % bad.length;
            bad[at] = (bad[at] ?? 0) ^ 1;
            expect(aead.openParts(nonce, split(bad, cuts))).toBeNull();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

/**
 * Strict Ed25519 through both providers' equations (@noble in the renderer, OpenSSL in main and
 * the CLI): the same vectors, the same answer from `verify` — the key and signature checks of
 * keys.ts hold whichever provider checks the equation.
 */
describe('Ed25519 signing through both providers', () => {
  it('gives @noble’s public key and signature bytes (RFC 8032 is deterministic)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 2000 }),
        (seed, message) => {
          const publicKey = publicKeyWith(nodeCrypto, seed);
          expect(publicKey).toEqual(publicKeyOf(seed));
          expect(publicKeyWith(nobleCrypto, seed)).toEqual(publicKey);
          const signature = signWith(nodeCrypto, message, seed);
          expect(signature).toEqual(sign(message, seed));
          expect(verify(signature, message, publicKey, nodeCrypto.ed25519Verify)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
    expect(() => signWith(nodeCrypto, new Uint8Array(1), new Uint8Array(31))).toThrow();
  });

  it('X25519: OpenSSL gives @noble’s share and shared secret; all zeros for a small-order point', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (scalar, point) => {
          const x = nodeCrypto.x25519;
          if (!x) throw new Error('node:crypto has X25519');
          expect(x(scalar)).toEqual(x25519.getPublicKey(scalar));
          let expected: Uint8Array;
          try {
            expected = x25519.getSharedSecret(scalar, point);
          } catch {
            expected = new Uint8Array(32); // @noble throws on an all-zero result
          }
          expect(x(scalar, point)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    // u = 0 and u = 1 are of small order: no shared secret.
    const zero = new Uint8Array(32);
    const one = new Uint8Array(32).fill(0);
    one[0] = 1;
    for (const u of [zero, one])
      expect(nodeCrypto.x25519?.(new Uint8Array(32).fill(9), u)).toEqual(new Uint8Array(32));
  });
});

describe('strict Ed25519 through both providers', () => {
  const providers = [nobleCrypto, nodeCrypto];
  const both = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) =>
    providers.map((p) => verify(signature, message, publicKey, p.ed25519Verify));

  it('refuses small-order, non-canonical and mixed-order keys, and S + L, with either', () => {
    const message = new TextEncoder().encode('some manifest or other');
    for (const key of [...SMALL_ORDER, ...NON_CANONICAL])
      expect(both(TRIVIAL_SIGNATURE, message, key)).toEqual([false, false]);
    const genuine = generateSigningKey();
    const signature = sign(message, genuine.secretKey);
    expect(both(signature, message, genuine.publicKey)).toEqual([true, true]);
    expect(both(signature, message, mixedOrderKey(genuine.publicKey))).toEqual([false, false]);
    expect(both(malleated(signature), message, genuine.publicKey)).toEqual([false, false]);
    expect(both(signature.subarray(0, 63), message, genuine.publicKey)).toEqual([false, false]);
    // A non-canonical R (y + p for a small y is out of reach; the sign bit on x = 0 is not).
    const r0 = new Uint8Array(signature);
    r0.set(NON_CANONICAL[0] ?? new Uint8Array(), 0);
    expect(both(r0, message, genuine.publicKey)).toEqual([false, false]);
  });

  it('agree on genuine, changed and re-keyed signatures (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 1, max: 255 }))),
        fc.boolean(),
        fc.boolean(),
        (message, flip, changeMessage, otherKey) => {
          const key = generateSigningKey();
          const signature = sign(message, key.secretKey);
          if (flip) signature[flip[0]] = (signature[flip[0]] ?? 0) ^ flip[1];
          const checked = changeMessage ? new Uint8Array([...message, 0]) : message;
          const publicKey = otherKey ? generateSigningKey().publicKey : key.publicKey;
          const [noble, openssl] = both(signature, checked, publicKey);
          expect(openssl).toBe(noble);
          expect(noble).toBe(!flip && !changeMessage && !otherKey);
        },
      ),
      { numRuns: 150 },
    );
  });
});
