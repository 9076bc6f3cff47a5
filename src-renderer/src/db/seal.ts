/**
 * Sealing records at rest: XChaCha20-Poly1305 (@noble/ciphers, synchronous — so nothing awaits
 * WebCrypto inside an IndexedDB transaction), a fresh 24-byte nonce per write, and the table
 * name + primary key as additional data, so a record moved to another row fails to open.
 * The data key is split with HKDF into a sealing key and an HMAC key for blind indexes.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, randomBytes } from '@noble/hashes/utils.js';
import { decodeWire, encodeWire } from '../../../src-shared/wire';

export interface SealKeys {
  seal: Uint8Array;
  index: Uint8Array;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function deriveKeys(dataKey: Uint8Array): SealKeys {
  if (dataKey.length !== 32) throw new Error('数据密钥长度错误');
  return {
    seal: hkdf(sha256, dataKey, undefined, enc.encode('jiebang/seal/v1'), 32),
    index: hkdf(sha256, dataKey, undefined, enc.encode('jiebang/blind-index/v1'), 32),
  };
}

const aad = (table: string, id: string) => enc.encode(`${table}\u0000${id}`);

export class SealError extends Error {
  override name = 'SealError';
}

export function sealBytes(
  keys: SealKeys,
  table: string,
  id: string,
  plain: Uint8Array,
): Uint8Array {
  const nonce = randomBytes(24);
  return concatBytes(nonce, xchacha20poly1305(keys.seal, nonce, aad(table, id)).encrypt(plain));
}

export function openBytes(
  keys: SealKeys,
  table: string,
  id: string,
  sealed: Uint8Array,
): Uint8Array {
  try {
    return xchacha20poly1305(keys.seal, sealed.subarray(0, 24), aad(table, id)).decrypt(
      sealed.subarray(24),
    );
  } catch {
    throw new SealError(`记录无法解密（${table}/${id}）：密钥不对，或记录被改动、移动`);
  }
}

export const sealValue = (keys: SealKeys, table: string, id: string, value: unknown): Uint8Array =>
  sealBytes(keys, table, id, enc.encode(encodeWire(value)));

export const openValue = (keys: SealKeys, table: string, id: string, sealed: Uint8Array): unknown =>
  decodeWire(dec.decode(openBytes(keys, table, id, sealed)));

/** Blind index: HMAC-SHA256 of a value, for exact-match lookup of an encrypted field. */
export const blindIndex = (keys: SealKeys, value: string): string =>
  bytesToHex(hmac(sha256, keys.index, enc.encode(value)));
