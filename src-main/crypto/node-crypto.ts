/**
 * The `node:crypto` provider that main and the CLI give `src-shared` (OpenSSL's SHA-256,
 * ChaCha20-Poly1305, HKDF and Ed25519 verification; zlib's CRC-32): the same bytes and the same
 * answers as the @noble provider, faster — and OpenSSL's Ed25519 needs no @noble base-point
 * tables, which `jiebang verify`'s first verification spent ≈ 75 ms building (issue 22).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CryptoProvider } from '../../src-shared/crypto/provider';
import { ringHasher } from './hash-worker';

const TAG = 16;

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** DER of an Ed25519 SubjectPublicKeyInfo up to the raw key (RFC 8410): 12 bytes, then 32. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** DER of an Ed25519 PKCS#8 private key up to the 32-byte seed (RFC 8410): 16 bytes, then 32. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const privateKeyObject = (seed: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });

/** The same DER prefixes for X25519 (RFC 8410: OID 1.3.101.110). */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

function x25519(scalar: Uint8Array, point?: Uint8Array): Uint8Array {
  if (scalar.length !== 32 || (point && point.length !== 32))
    throw new Error('X25519 的标量和点须为 32 字节');
  const privateKey = createPrivateKey({
    key: Buffer.concat([X25519_PKCS8_PREFIX, scalar]),
    format: 'der',
    type: 'pkcs8',
  });
  if (!point) {
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    return new Uint8Array(spki.subarray(X25519_SPKI_PREFIX.length));
  }
  const publicKey = createPublicKey({
    key: Buffer.concat([X25519_SPKI_PREFIX, point]),
    format: 'der',
    type: 'spki',
  });
  try {
    return asBytes(diffieHellman({ privateKey, publicKey }));
  } catch {
    // OpenSSL refuses an all-zero result (a small-order point): given as such, as the type says.
    return new Uint8Array(32);
  }
}

/** The same few keys sign every bundle of a panel: their OpenSSL key objects, remembered. */
const keyObjects = new Map<string, KeyObject>();

function keyObject(publicKey: Uint8Array): KeyObject {
  const id = Buffer.from(publicKey).toString('hex');
  let key = keyObjects.get(id);
  if (!key) {
    // As a JWK (RFC 8037), the same 32 bytes: OpenSSL takes it as a raw key, without the DER
    // decoder's first-use setup (≈ 1.5 M instructions of `jiebang verify`, issue 22).
    key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    if (keyObjects.size >= 256) keyObjects.clear();
    keyObjects.set(id, key);
  }
  return key;
}

export const nodeCrypto: CryptoProvider = {
  name: 'node:crypto',
  // A file read into the hash worker's ring is hashed there (./hash-worker.ts), and so is a large
  // input the caller announces (copied there); else here.
  sha256: (expectedBytes) => {
    const h = ringHasher(false, expectedBytes);
    return { update: (data) => h.update(data), digest: () => h.digest().sha256 };
  },
  entryHasher: () => ringHasher(true),
  hmacSha256: (key, message) => asBytes(createHmac('sha256', key).update(message).digest()),
  hkdfSha256: (ikm, salt, info, length) =>
    new Uint8Array(hkdfSync('sha256', ikm, salt, info, length)),
  chacha20poly1305: (key) => {
    const sealParts = (nonce: Uint8Array, parts: readonly Uint8Array[]): Uint8Array[] => {
      const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
      // Each part straight through OpenSSL: no copy of a chunk that straddles two buffers.
      const out: Uint8Array[] = [];
      for (const part of parts) if (part.byteLength > 0) out.push(asBytes(c.update(part)));
      c.final();
      out.push(asBytes(c.getAuthTag()));
      return out;
    };
    const openParts = (nonce: Uint8Array, parts: readonly Uint8Array[]): Uint8Array[] | null => {
      let size = 0;
      for (const part of parts) size += part.byteLength;
      if (size < TAG) return null;
      // The tag is the last 16 bytes, wherever the parts split them.
      const tag = new Uint8Array(TAG);
      const cipher: Uint8Array[] = [];
      let at = 0;
      for (const part of parts) {
        const text = Math.max(0, Math.min(part.byteLength, size - TAG - at));
        if (text > 0) cipher.push(part.subarray(0, text));
        if (text < part.byteLength) tag.set(part.subarray(text), at + text - (size - TAG));
        at += part.byteLength;
      }
      const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
      d.setAuthTag(tag);
      const plain = cipher.map((part) => asBytes(d.update(part)));
      try {
        d.final();
      } catch {
        return null;
      }
      return plain;
    };
    return {
      seal: (nonce, plaintext) => {
        const parts = sealParts(nonce, [plaintext]);
        if (parts.length === 1 && parts[0]) return parts[0];
        const out = new Uint8Array(plaintext.byteLength + TAG);
        out.set(parts[0] ?? new Uint8Array(), 0);
        out.set(parts[1] ?? new Uint8Array(), plaintext.byteLength);
        return out;
      },
      open: (nonce, sealed) => {
        const plain = openParts(nonce, [sealed]);
        return plain ? (plain[0] ?? new Uint8Array()) : null;
      },
      sealParts,
      openParts,
    };
  },
  crc32: (data, previous = 0) => crc32(data, previous),
  randomBytes: (length) => asBytes(randomBytes(length)),
  // OpenSSL signs (RFC 8032 is deterministic: @noble's bytes, node-crypto.test.ts compares).
  ed25519Sign: (message, secretKey) => {
    if (secretKey.length !== 32) throw new Error('Ed25519 私钥须为 32 字节');
    return asBytes(sign(null, message, privateKeyObject(secretKey)));
  },
  ed25519PublicKey: (secretKey) => {
    if (secretKey.length !== 32) throw new Error('Ed25519 私钥须为 32 字节');
    const spki = createPublicKey(privateKeyObject(secretKey)).export({
      format: 'der',
      type: 'spki',
    });
    return new Uint8Array(spki.subarray(SPKI_PREFIX.length));
  },
  x25519,
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
