/**
 * The desk worker's provider with WebCrypto's SHA-256 made ahead (webcrypto.ts): the same digests
 * as @noble's for any bytes and any way of feeding them, the same opening of a sheet bundle (and
 * the same refusal of a tampered one), with the file and its stored entries not hashed by @noble.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src-shared/bundle';
import { sheetBundle } from '../../../src-shared/bundle/test-helpers';
import { generateSigningKey, sign } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { toHex, type CryptoProvider } from '../../../src-shared/crypto/provider';
import { sampleSheets } from '../../../src-shared/sample-fixture';
import { flipByte } from '../workflows/test-db';
import { prehashed } from './webcrypto';

const { subtle } = globalThis.crypto;

/** @noble, counting the bytes it is given to hash and the signatures it checks. */
function counting(): { provider: CryptoProvider; hashed: () => number; checked: () => number } {
  let hashed = 0;
  let checked = 0;
  return {
    provider: {
      ...nobleCrypto,
      ed25519Verify: (signature, message, publicKey) => {
        checked++;
        return nobleCrypto.ed25519Verify(signature, message, publicKey);
      },
      sha256: () => {
        const h = nobleCrypto.sha256();
        return {
          update: (d) => {
            hashed += d.byteLength;
            h.update(d);
          },
          digest: () => h.digest(),
        };
      },
    },
    hashed: () => hashed,
    checked: () => checked,
  };
}

const digestWith = (p: CryptoProvider, parts: readonly Uint8Array[]): string => {
  const h = p.sha256();
  for (const part of parts) h.update(part);
  return toHex(h.digest());
};

describe('prehashed (WebCrypto SHA-256 made ahead)', () => {
  it('gives @noble’s digest of the file, any range of it, and any split (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 4096 }),
        fc.nat(),
        fc.nat(),
        async (bytes, a, b) => {
          const p = await prehashed(nobleCrypto, subtle, bytes);
          const from = a % (bytes.length + 1);
          const to = from + (b % (bytes.length - from + 1));
          const range = bytes.subarray(from, to);
          expect(digestWith(p, [bytes])).toBe(digestWith(nobleCrypto, [bytes]));
          expect(digestWith(p, [range])).toBe(digestWith(nobleCrypto, [range]));
          expect(digestWith(p, [bytes.subarray(0, from), bytes.subarray(from)])).toBe(
            digestWith(nobleCrypto, [bytes]),
          );
          expect(digestWith(p, [])).toBe(digestWith(nobleCrypto, []));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('opens a sheet bundle as @noble does, without @noble hashing the file or its entries', async () => {
    const [, e02] = sampleSheets();
    if (!e02) throw new Error('sample sheet');
    const bytes = await sheetBundle(e02, generateSigningKey(), 'a'.repeat(64));
    const plain = await openBundle(bytes, { crypto: nobleCrypto });
    const base = counting();
    const fast = await openBundle(bytes, { crypto: await prehashed(base.provider, subtle, bytes) });
    expect(fast).toEqual(plain);
    expect(fast.ok).toBe(true);
    expect(base.hashed()).toBeLessThan(1024); // keys and canonical JSON only, not the file's bytes
    expect(base.checked()).toBe(0); // the signature checked by WebCrypto
  });

  it('gives @noble’s verdict on a signature WebCrypto checked ahead, and on any other (property)', async () => {
    const [, e02] = sampleSheets();
    if (!e02) throw new Error('sample sheet');
    const key = generateSigningKey();
    const bytes = await sheetBundle(e02, key, 'a'.repeat(64));
    const p = await prehashed(nobleCrypto, subtle, bytes);
    const opened = await openBundle(bytes, { crypto: nobleCrypto });
    if (!opened.ok) throw new Error(opened.error.message);
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        async (message, flip) => {
          const signature = sign(message, key.secretKey);
          const bad = signature.slice();
          bad[flip % 32] = (bad[flip % 32] ?? 0) ^ 1;
          for (const s of [signature, bad])
            expect(p.ed25519Verify(s, message, key.publicKey)).toBe(
              nobleCrypto.ed25519Verify(s, message, key.publicKey),
            );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a tampered bundle as @noble does', async () => {
    const [, e02] = sampleSheets();
    if (!e02) throw new Error('sample sheet');
    const bytes = await sheetBundle(e02, generateSigningKey(), 'a'.repeat(64));
    flipByte(bytes);
    const plain = await openBundle(bytes, { crypto: nobleCrypto });
    const fast = await openBundle(bytes, { crypto: await prehashed(nobleCrypto, subtle, bytes) });
    expect(plain.ok).toBe(false);
    expect(fast).toEqual(plain);
  });
});
