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

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
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
