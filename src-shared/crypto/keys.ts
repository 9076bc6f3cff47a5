/**
 * Ed25519 signing keys in the formats standard tools read: the public key as an SPKI PEM
 * (`openssl pkeyutl -verify -pubin -inkey signer.pem -rawin`), the private key as PKCS#8 PEM.
 * @noble/curves signs synchronously in the browser, in Node and in the CLI alike.
 *
 * Verification is strict (RFC 8032 §5.1.7 plus the checks a signature meant to bind someone
 * needs), and every door uses it: a public key must be a canonical encoding of a point of the
 * prime-order subgroup — keys of small order (the identity, points of order 2, 4, 8), keys with a
 * small-order component and non-canonical encodings are refused before any signature is checked
 * (with ZIP-215 rules, noble's default, the identity key "verifies" a trivial signature on any
 * message); a signature's R must be canonical and in the same subgroup, and S < L. Under these
 * rules the cofactored equation noble checks and the cofactorless one OpenSSL checks agree, so
 * `openssl pkeyutl -verify` accepts exactly what the app accepts.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { equalBytes } from '@noble/curves/utils.js';
import { base64 } from '@scure/base';
import type { CryptoProvider } from './provider';

const SPKI_PREFIX = hexToBytes('302a300506032b6570032100');
const PKCS8_PREFIX = hexToBytes('302e020100300506032b657004220420');

export interface SigningKeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export function generateSigningKey(): SigningKeyPair {
  const secretKey = ed25519.utils.randomSecretKey();
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

/** {@link sign} by the provider where it signs itself (node: OpenSSL), else by @noble: the same bytes. */
export function signWith(
  crypto: Pick<CryptoProvider, 'ed25519Sign'>,
  message: Uint8Array,
  secretKey: Uint8Array,
): Uint8Array {
  return crypto.ed25519Sign ? crypto.ed25519Sign(message, secretKey) : sign(message, secretKey);
}

/** {@link publicKeyOf} by the provider where it can (node: OpenSSL), else by @noble. */
export function publicKeyWith(
  crypto: Pick<CryptoProvider, 'ed25519PublicKey'>,
  secretKey: Uint8Array,
): Uint8Array {
  return crypto.ed25519PublicKey ? crypto.ed25519PublicKey(secretKey) : publicKeyOf(secretKey);
}

export type PublicKeyProblem = 'length' | 'non-canonical' | 'small-order' | 'mixed-order';

export const PUBLIC_KEY_PROBLEM: Record<PublicKeyProblem, string> = {
  length: '长度不是 32 字节',
  'non-canonical': '编码不规范（同一公钥的非标准编码）',
  'small-order': '是小阶点（这种公钥任何人无需私钥即可“签名”）',
  'mixed-order': '含小阶分量（不在素数阶子群中）',
};

type Point = ReturnType<typeof ed25519.Point.fromBytes>;

/** Decodes a point only from its canonical encoding (y < p, no sign bit on x = 0). */
function canonicalPoint(bytes: Uint8Array): Point | null {
  try {
    const p = ed25519.Point.fromBytes(bytes, false);
    return equalBytes(p.toBytes(), bytes) ? p : null;
  } catch {
    return null;
  }
}

const checkedKeys = new Map<string, PublicKeyProblem | null>();

/** Why a raw Ed25519 public key is refused, or null when it is acceptable. */
export function publicKeyProblem(publicKey: Uint8Array): PublicKeyProblem | null {
  if (publicKey.length !== 32) return 'length';
  // The same few keys are checked again and again (every bundle of a panel): remember them.
  const id = bytesToHex(publicKey);
  const known = checkedKeys.get(id);
  if (known !== undefined) return known;
  const point = canonicalPoint(publicKey);
  const problem = !point
    ? 'non-canonical'
    : point.isSmallOrder()
      ? 'small-order'
      : !point.isTorsionFree()
        ? 'mixed-order'
        : null;
  if (checkedKeys.size >= 256) checkedKeys.clear();
  checkedKeys.set(id, problem);
  return problem;
}

/** The group order L = 2^252 + 27742317777372353535851937790883648493. */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function scalarLE(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  return n;
}

/**
 * The verification equation alone, with @noble: [S]B = R + [k]A, cofactorless (RFC 8032
 * §5.1.7), for a key and signature that passed the checks of {@link verify}. What the @noble
 * provider gives as `ed25519Verify`; its first use builds the base point's tables (≈ 75 ms).
 */
export function ed25519Equation(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  const a = canonicalPoint(publicKey);
  const rBytes = signature.subarray(0, 32);
  const r = canonicalPoint(rBytes);
  if (!a || !r || signature.length !== 64) return false;
  const s = scalarLE(signature.subarray(32));
  const k = scalarLE(sha512(concatBytes(rBytes, publicKey, message))) % L;
  return ed25519.Point.BASE.multiplyUnsafe(s).equals(r.add(a.multiplyUnsafe(k)));
}

/**
 * Strict Ed25519 verification (see the file comment): false for any refused key or signature.
 * The key's checks (canonical, prime order: {@link publicKeyProblem}), R canonical and S < L
 * are made here, the same for every provider; then the cofactorless equation [S]B = R + [k]A
 * (with A of prime order this also puts R in the prime-order subgroup) by `equation`: @noble by
 * default, OpenSSL (`node:crypto`) in main and the CLI through their provider's `ed25519Verify`.
 */
export function verify(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  equation: (
    signature: Uint8Array,
    message: Uint8Array,
    publicKey: Uint8Array,
  ) => boolean = ed25519Equation,
): boolean {
  if (signature.length !== 64 || publicKeyProblem(publicKey) !== null) return false;
  if (!canonicalPoint(signature.subarray(0, 32)) || scalarLE(signature.subarray(32)) >= L)
    return false;
  return equation(signature, message, publicKey);
}

function pem(label: string, der: Uint8Array): string {
  const b64 = base64.encode(der);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function unpem(label: string, text: string): Uint8Array | null {
  const match = new RegExp(
    `-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`,
  ).exec(text);
  if (!match?.[1]) return null;
  try {
    return base64.decode(match[1].replace(/\s+/g, ''));
  } catch {
    return null;
  }
}

export const publicKeyToPem = (publicKey: Uint8Array): string =>
  pem('PUBLIC KEY', concatBytes(SPKI_PREFIX, publicKey));
export const secretKeyToPem = (secretKey: Uint8Array): string =>
  pem('PRIVATE KEY', concatBytes(PKCS8_PREFIX, secretKey));

/** The raw 32-byte Ed25519 key from an SPKI PEM, or null when it is not exactly that. */
export function publicKeyFromPem(text: string): Uint8Array | null {
  const der = unpem('PUBLIC KEY', text);
  if (!der || der.length !== 44 || !equalBytes(der.subarray(0, 12), SPKI_PREFIX)) return null;
  return der.subarray(12);
}

export function secretKeyFromPem(text: string): Uint8Array | null {
  const der = unpem('PRIVATE KEY', text);
  if (!der || der.length !== 48 || !equalBytes(der.subarray(0, 16), PKCS8_PREFIX)) return null;
  return der.subarray(16);
}

/** SHA-256 of the SPKI DER, hex: the key's identity everywhere in the app. */
export function fingerprint(publicKey: Uint8Array): string {
  return bytesToHex(sha256(concatBytes(SPKI_PREFIX, publicKey)));
}

/** For people: the first 32 hex digits in groups of four, to compare with paper. */
export function formatFingerprint(hex: string): string {
  return (hex.slice(0, 32).match(/.{4}/g) ?? []).join(' ');
}

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
