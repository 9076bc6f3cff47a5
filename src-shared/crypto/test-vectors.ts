/**
 * Ed25519 inputs strict verification must refuse, shared by the tests of `keys.ts` and of every
 * crypto provider (src-main/crypto/node-crypto.test.ts feeds them to @noble and to OpenSSL alike).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';

/** Every point of order 1, 2, 4 and 8, canonically encoded. */
export const SMALL_ORDER = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0000000000000000000000000000000000000000000000000000000000000080',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
].map(hexToBytes);

/** The same points again under encodings RFC 8032 forbids (y ≥ p, or a sign bit on x = 0). */
export const NON_CANONICAL = [
  '0100000000000000000000000000000000000000000000000000000000000080',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
].map(hexToBytes);

/** R = identity, S = 0: "signs" any message for any small-order key, with no private key. */
export const TRIVIAL_SIGNATURE = new Uint8Array(64);
TRIVIAL_SIGNATURE[0] = 1;

/** The group order L = 2^252 + 27742317777372353535851937790883648493. */
export const L = 2n ** 252n + 27742317777372353535851937790883648493n;

/** A genuine key plus a point of order 8: a key with a small-order component. */
export function mixedOrderKey(publicKey: Uint8Array): Uint8Array {
  const t8 = ed25519.Point.fromBytes(SMALL_ORDER[4] ?? new Uint8Array());
  return ed25519.Point.fromBytes(publicKey).add(t8).toBytes();
}

/** The signature with S replaced by S + L (the same point equation, a non-canonical S). */
export function malleated(signature: Uint8Array): Uint8Array {
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i] ?? 0);
  const out = new Uint8Array(signature);
  let t = s + L;
  for (let i = 32; i < 64; i++) {
    out[i] = Number(t & 0xffn);
    t >>= 8n;
  }
  return out;
}
