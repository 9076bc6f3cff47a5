/**
 * Ed25519 signing keys in the formats standard tools read: the public key as an SPKI PEM
 * (`openssl pkeyutl -verify -pubin -inkey signer.pem -rawin`), the private key as PKCS#8 PEM.
 * @noble/curves signs synchronously in the browser, in Node and in the CLI alike.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { equalBytes } from '@noble/curves/utils.js';
import { base64 } from '@scure/base';

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

export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return signature.length === 64 && ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
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
