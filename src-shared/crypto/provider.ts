/**
 * The hashing and cipher primitives `src-shared` is given rather than imports: main and the CLI
 * pass `node:crypto` (src-main/crypto/node-crypto.ts), the renderer passes pure-JS @noble
 * ({@link ./noble.ts}). Bulk work — hashing every payload file, the age payload cipher, ZIP
 * checksums, the Ed25519 equation — goes through a provider (in main and the CLI, OpenSSL verifies
 * without @noble's first-use base-point tables); short digests of keys and canonical JSON use @noble
 * directly (a few hundred bytes, the same everywhere).
 *
 * Every implementation must give identical bytes for identical inputs
 * (src-main/crypto/node-crypto.test.ts feeds both the same inputs and compares).
 */

/** An incremental SHA-256: `update` any number of times, then `digest` once (32 bytes). */
export interface Hasher {
  update(data: Uint8Array): void;
  digest(): Uint8Array;
}

/** SHA-256 and CRC-32 of one stream of bytes (a ZIP entry's data), fed incrementally. */
export interface EntryHasher {
  update(data: Uint8Array): void;
  digest(): { sha256: Uint8Array; crc32: number };
}

/** ChaCha20-Poly1305 (RFC 8439) under one 32-byte key; 12-byte nonces, 16-byte tag appended. */
export interface Aead {
  seal(nonce: Uint8Array, plaintext: Uint8Array): Uint8Array;
  /** The plaintext, or null when the tag does not verify. */
  open(nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null;
  /**
   * `seal` of the concatenation of `parts`, given as pieces whose concatenation is the sealed
   * bytes (ciphertext, then the tag): a stream cipher seals a chunk that straddles two buffers
   * without first copying it into one (age's 64 KiB STREAM chunks, issue 22).
   */
  sealParts(nonce: Uint8Array, parts: readonly Uint8Array[]): Uint8Array[];
  /**
   * `open` of the concatenation of `parts` (ciphertext, then the 16-byte tag, split anywhere):
   * the plaintext as pieces, given only once the tag has verified; null when it does not.
   */
  openParts(nonce: Uint8Array, parts: readonly Uint8Array[]): Uint8Array[] | null;
}

/** The concatenation of `parts` (one part as it is). */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export interface CryptoProvider {
  /** For benchmarks and messages: `node:crypto`, `@noble`. */
  readonly name: string;
  /**
   * `expectedBytes`: how many bytes will be fed, where the caller knows (a ZIP entry's size); a
   * provider may hash a large input on another thread (node: src-main/crypto/hash-worker.ts).
   * The digest is the same either way.
   */
  sha256(expectedBytes?: number): Hasher;
  hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array;
  /** HKDF-SHA-256 (RFC 5869). */
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  chacha20poly1305(key: Uint8Array): Aead;
  /** CRC-32 (ISO-HDLC, as ZIP uses it) of `data`, continuing from `previous`. */
  crc32(data: Uint8Array, previous?: number): number;
  randomBytes(length: number): Uint8Array;
  /**
   * SHA-256 and CRC-32 at once, where a provider can do both elsewhere (node: on a worker thread
   * for a file read in pieces, src-main/crypto/hash-worker.ts); otherwise {@link entryHasherWith}
   * composes `sha256` and `crc32`.
   */
  entryHasher?(): EntryHasher;
  /**
   * The Ed25519 verification equation of RFC 8032 §5.1.7, cofactorless ([S]B = R + [k]A, as
   * OpenSSL checks it), for a 64-byte signature and a 32-byte public key. Only the equation:
   * callers go through `verify` of `./keys.ts`, which refuses non-canonical and small-order keys,
   * keys with a small-order component, a non-canonical R and S ≥ L first.
   */
  ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  /**
   * An Ed25519 signature (RFC 8032, deterministic: the same 64 bytes as @noble's) of `message`
   * under the 32-byte seed `secretKey`, where a provider signs without @noble (node: OpenSSL, no
   * base-point tables built at the first signature); callers go through `signWith` of ./keys.ts.
   */
  ed25519Sign?(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
  /** The 32-byte Ed25519 public key of the seed `secretKey`, likewise (`publicKeyWith`). */
  ed25519PublicKey?(secretKey: Uint8Array): Uint8Array;
  /**
   * X25519 (RFC 7748) of the 32-byte `scalar` and the u-coordinate `point` (the base point when
   * omitted), 32 bytes; all zeros where the result is (a small-order point). Where a provider has
   * it (node: OpenSSL, no @noble base-point tables built for age's ephemeral share); ./age.ts
   * falls back to @noble.
   */
  x25519?(scalar: Uint8Array, point?: Uint8Array): Uint8Array;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b];
  return out;
}

/** The provider's {@link EntryHasher}, or one made of its `sha256` and `crc32`. */
export function entryHasherWith(crypto: CryptoProvider): EntryHasher {
  if (crypto.entryHasher) return crypto.entryHasher();
  const h = crypto.sha256();
  let crc = 0;
  return {
    update: (data) => {
      h.update(data);
      crc = crypto.crc32(data, crc);
    },
    digest: () => ({ sha256: h.digest(), crc32: crc >>> 0 }),
  };
}

/** SHA-256 of `data` as 64 lowercase hex digits. */
export function sha256HexWith(crypto: CryptoProvider, data: Uint8Array): string {
  const h = crypto.sha256();
  h.update(data);
  return toHex(h.digest());
}

/**
 * Hashes a stream chunk by chunk (a file read in pieces, a ReadableStream, any async iterable),
 * without holding it whole; `onBytes` is told the running total for progress.
 */
export async function hashStream(
  crypto: CryptoProvider,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onBytes?: (done: number) => void,
): Promise<Uint8Array> {
  const h = crypto.sha256();
  let done = 0;
  for await (const chunk of source) {
    h.update(chunk);
    done += chunk.byteLength;
    onBytes?.(done);
  }
  return h.digest();
}
