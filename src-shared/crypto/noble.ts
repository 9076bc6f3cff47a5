/**
 * The pure-JS provider (@noble/hashes, @noble/ciphers): what the renderer passes, and what tests
 * of `src-shared` use. Runs wherever JavaScript runs; slower than `node:crypto` for bulk work.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { ed25519Equation } from './keys';
import { joinParts, type CryptoProvider } from './provider';

/**
 * CRC-32 (ZIP's, reflected 0xEDB88320) eight bytes a step ("slicing by 8", issue 22: the desk
 * worker checks the CRC of 49 × 250 KB of sheet bundles): table `k` (at `k * 256`) is the CRC of a
 * byte followed by `k` zero bytes, so one step folds eight bytes with eight lookups.
 */
const CRC_TABLES = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n] ?? 0;
    for (let k = 1; k < 8; k++) {
      c = (t[c & 0xff] ?? 0) ^ (c >>> 8);
      t[k * 256 + n] = c >>> 0;
    }
  }
  return t;
})();

/** CRC-32 of `data`, continuing from `previous` (the CRC of the bytes before it). */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = CRC_TABLES;
  let c = (previous ^ 0xffffffff) >>> 0;
  const n = data.length;
  let i = 0;
  for (const end = n - (n % 8); i < end; i += 8) {
    const a =
      c ^
      ((data[i] ?? 0) |
        ((data[i + 1] ?? 0) << 8) |
        ((data[i + 2] ?? 0) << 16) |
        ((data[i + 3] ?? 0) << 24));
    c =
      (t[1792 + (a & 0xff)] ?? 0) ^
      (t[1536 + ((a >>> 8) & 0xff)] ?? 0) ^
      (t[1280 + ((a >>> 16) & 0xff)] ?? 0) ^
      (t[1024 + (a >>> 24)] ?? 0) ^
      (t[768 + (data[i + 4] ?? 0)] ?? 0) ^
      (t[512 + (data[i + 5] ?? 0)] ?? 0) ^
      (t[256 + (data[i + 6] ?? 0)] ?? 0) ^
      (t[data[i + 7] ?? 0] ?? 0);
  }
  for (; i < n; i++) c = (t[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const nobleCrypto: CryptoProvider = {
  name: '@noble',
  sha256: () => {
    const h = sha256.create();
    return { update: (data) => void h.update(data), digest: () => h.digest() };
  },
  hmacSha256: (key, message) => hmac(sha256, key, message),
  hkdfSha256: (ikm, salt, info, length) => hkdf(sha256, ikm, salt, info, length),
  chacha20poly1305: (key) => {
    const open = (nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null => {
      try {
        return chacha20poly1305(key, nonce).decrypt(sealed);
      } catch {
        return null;
      }
    };
    return {
      seal: (nonce, plaintext) => chacha20poly1305(key, nonce).encrypt(plaintext),
      open,
      sealParts: (nonce, parts) => [chacha20poly1305(key, nonce).encrypt(joinParts(parts))],
      openParts: (nonce, parts) => {
        const plain = open(nonce, joinParts(parts));
        return plain ? [plain] : null;
      },
    };
  },
  crc32,
  randomBytes: (length) => randomBytes(length),
  ed25519Verify: ed25519Equation,
};
