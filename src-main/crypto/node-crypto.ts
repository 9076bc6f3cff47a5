/**
 * The `node:crypto` provider that main and the CLI give `src-shared` (OpenSSL's SHA-256,
 * ChaCha20-Poly1305 and HKDF; zlib's CRC-32): the same bytes as the @noble provider, faster.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CryptoProvider } from '../../src-shared/crypto/provider';

const TAG = 16;

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const nodeCrypto: CryptoProvider = {
  name: 'node:crypto',
  sha256: () => {
    const h = createHash('sha256');
    return { update: (data) => void h.update(data), digest: () => asBytes(h.digest()) };
  },
  hmacSha256: (key, message) => asBytes(createHmac('sha256', key).update(message).digest()),
  hkdfSha256: (ikm, salt, info, length) =>
    new Uint8Array(hkdfSync('sha256', ikm, salt, info, length)),
  chacha20poly1305: (key) => ({
    seal: (nonce, plaintext) => {
      const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
      const out = new Uint8Array(plaintext.byteLength + TAG);
      out.set(c.update(plaintext), 0);
      c.final();
      out.set(c.getAuthTag(), plaintext.byteLength);
      return out;
    },
    open: (nonce, sealed) => {
      if (sealed.byteLength < TAG) return null;
      const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
      d.setAuthTag(sealed.subarray(sealed.byteLength - TAG));
      const plain = d.update(sealed.subarray(0, sealed.byteLength - TAG));
      try {
        d.final();
      } catch {
        return null;
      }
      return asBytes(plain);
    },
  }),
  crc32: (data, previous = 0) => crc32(data, previous),
  randomBytes: (length) => asBytes(randomBytes(length)),
};
