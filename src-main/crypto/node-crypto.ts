/**
 * The `node:crypto` provider that main and the CLI give `src-shared` (OpenSSL's SHA-256,
 * ChaCha20-Poly1305, HKDF and Ed25519 verification; zlib's CRC-32): the same bytes and the same
 * answers as the @noble provider, faster — and OpenSSL's Ed25519 needs no @noble base-point
 * tables, which `jiebang verify`'s first verification spent ≈ 75 ms building (issue 22).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
  type KeyObject,
} from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CryptoProvider } from '../../src-shared/crypto/provider';

const TAG = 16;

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** DER of an Ed25519 SubjectPublicKeyInfo up to the raw key (RFC 8410): 12 bytes, then 32. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The same few keys sign every bundle of a panel: their OpenSSL key objects, remembered. */
const keyObjects = new Map<string, KeyObject>();

function keyObject(publicKey: Uint8Array): KeyObject {
  const id = Buffer.from(publicKey).toString('hex');
  let key = keyObjects.get(id);
  if (!key) {
    key = createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
    if (keyObjects.size >= 256) keyObjects.clear();
    keyObjects.set(id, key);
  }
  return key;
}

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
  ed25519Verify: (signature, message, publicKey) => {
    if (signature.length !== 64 || publicKey.length !== 32) return false;
    try {
      return verify(null, message, keyObject(publicKey), signature);
    } catch {
      // A 32-byte string OpenSSL cannot decode as a point: not a key (verify refuses it before).
      return false;
    }
  },
};
