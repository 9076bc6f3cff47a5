import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, publicKeyProblem, sign, verify } from './keys';
import {
  malleated,
  mixedOrderKey,
  NON_CANONICAL,
  SMALL_ORDER,
  TRIVIAL_SIGNATURE,
} from './test-vectors';

const Point = ed25519.Point;
/** The order of a point of the 8-torsion subgroup: the least n with [n]P = identity. */
function torsionOrder(bytes: Uint8Array): number {
  const p = Point.fromBytes(bytes, true);
  let q = p;
  for (let n = 1; n <= 8; n++) {
    if (q.is0()) return n;
    q = q.add(p);
  }
  return -1;
}

describe('strict Ed25519', () => {
  it('knows the small-order points: orders 1, 2, 4, 4, 8, 8, 8, 8', () => {
    expect(SMALL_ORDER.map(torsionOrder)).toEqual([1, 2, 4, 4, 8, 8, 8, 8]);
    expect(NON_CANONICAL.map(torsionOrder)).toEqual([1, 1, 4, 2]);
  });

  it('refuses keys of small order (1, 2, 4, 8) that ZIP-215 verification accepts', () => {
    const message = new TextEncoder().encode('any manifest at all');
    for (const key of SMALL_ORDER) {
      // noble's default (ZIP-215) says the trivial signature is valid: the fault this guards.
      expect(ed25519.verify(TRIVIAL_SIGNATURE, message, key)).toBe(true);
      expect(publicKeyProblem(key)).toBe('small-order');
      expect(verify(TRIVIAL_SIGNATURE, message, key)).toBe(false);
    }
  });

  it('refuses non-canonical encodings and keys with a small-order component', () => {
    for (const key of NON_CANONICAL) expect(publicKeyProblem(key)).toBe('non-canonical');
    const genuine = generateSigningKey();
    expect(publicKeyProblem(genuine.publicKey)).toBeNull();
    expect(publicKeyProblem(mixedOrderKey(genuine.publicKey))).toBe('mixed-order');
    expect(publicKeyProblem(new Uint8Array(31))).toBe('length');
  });

  it('refuses non-canonical signatures: S + L, and any changed byte', () => {
    const key = generateSigningKey();
    const message = new TextEncoder().encode('manifest');
    const signature = sign(message, key.secretKey);
    expect(verify(signature, message, key.publicKey)).toBe(true);
    expect(verify(malleated(signature), message, key.publicKey)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const changed = new Uint8Array(signature);
        changed[at] = (changed[at] ?? 0) ^ x;
        expect(verify(changed, message, key.publicKey)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with noble’s strict verification on genuine and changed messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (message, change) => {
        const key = generateSigningKey();
        const signature = sign(message, key.secretKey);
        const checked = change ? new Uint8Array([...message, 1]) : message;
        expect(verify(signature, checked, key.publicKey)).toBe(
          ed25519.verify(signature, checked, key.publicKey, { zip215: false }),
        );
      }),
      { numRuns: 40 },
    );
  });
});
