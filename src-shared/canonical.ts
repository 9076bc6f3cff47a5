/**
 * Canonical JSON (RFC 8785, JCS) for hashing and signing: the same document always gives the
 * same bytes, whatever key order or whitespace it was written with. Uses the `canonicalize`
 * package (the RFC's reference implementation for JavaScript).
 */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('无法规范化该值');
  return text;
}

export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function canonicalHash(value: unknown): string {
  return bytesToHex(sha256(canonicalBytes(value)));
}
