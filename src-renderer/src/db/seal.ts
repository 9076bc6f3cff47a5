/**
 * Sealing records at rest: XChaCha20-Poly1305 (IETF), a fresh random 24-byte nonce per write, and
 * the table name + primary key as additional data, so a record moved to another row fails to
 * open. The data key is split with HKDF into a sealing key and an HMAC key for blind indexes.
 *
 * The AEAD is libsodium's (WebAssembly, synchronous once loaded — so nothing awaits WebCrypto
 * inside an IndexedDB transaction): about 4× faster than pure JavaScript on small records, which
 * is what the storage bench measures. `sealReady()` loads it; JiebangDB.open() awaits it. The
 * format is the standard construction, so records sealed by any XChaCha20-Poly1305 open here
 * (seal.test.ts checks it against @noble/ciphers).
 */
import sodium from 'libsodium-wrappers';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeWire, encodeWire, hasBytes } from '../../../src-shared/wire';
import {
  adText,
  NONCE_BYTES as NONCE,
  OpenFailure,
  openManyAsJsonArray,
  sealMany,
  UTF16,
  UTF8,
  type PlainInput,
  type Sealed,
  type TextForm,
} from './aead';
import { dbText } from '../i18n/db';

let ready = false;

/** Loads the AEAD (once); sealing and opening refuse to run before it. */
export async function sealReady(): Promise<void> {
  await sodium.ready;
  ready = true;
}

/** Nonces are cut from one CSPRNG buffer refilled when spent (one getRandomValues per 2048). */
const pool = new Uint8Array(NONCE * 2048);
let poolUsed = pool.length;

function freshNonce(): Uint8Array {
  if (poolUsed + NONCE > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  const nonce = pool.slice(poolUsed, poolUsed + NONCE);
  // Never hand out the same bytes twice.
  pool.fill(0, poolUsed, poolUsed + NONCE);
  poolUsed += NONCE;
  return nonce;
}

export interface SealKeys {
  seal: Uint8Array;
  index: Uint8Array;
}

const enc = new TextEncoder();

export function deriveKeys(dataKey: Uint8Array): SealKeys {
  if (dataKey.length !== 32) throw new Error(dbText.dataKeyLength);
  return {
    seal: hkdf(sha256, dataKey, undefined, enc.encode('jiebang/seal/v1'), 32),
    index: hkdf(sha256, dataKey, undefined, enc.encode('jiebang/blind-index/v1'), 32),
  };
}

const aad = (table: string, id: string) => enc.encode(adText(table, id));

export class SealError extends Error {
  override name = 'SealError';
}

const cannotOpen = (table: string, id: string) => new SealError(dbText.cannotOpen(table, id));

function assertReady(): void {
  if (!ready) throw new SealError(dbText.sealNotReady);
}

export function sealBytes(
  keys: SealKeys,
  table: string,
  id: string,
  plain: Uint8Array,
): Uint8Array {
  assertReady();
  const nonce = freshNonce();
  const box = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plain,
    aad(table, id),
    null,
    nonce,
    keys.seal,
  );
  const out = new Uint8Array(NONCE + box.length);
  out.set(nonce);
  out.set(box, NONCE);
  return out;
}

export function openBytes(
  keys: SealKeys,
  table: string,
  id: string,
  sealed: Uint8Array,
): Uint8Array {
  assertReady();
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(NONCE),
      aad(table, id),
      sealed.subarray(0, NONCE),
      keys.seal,
    );
  } catch {
    throw cannotOpen(table, id);
  }
}

/**
 * A record as sealed, with the format it is in (aead.ts `TextForm`): format 1 as bytes, format 2
 * as a string of code units (aead.ts `Sealed`).
 */
export type SealedRecord = { format: 1; bytes: Uint8Array } | { format: 2; bytes: string };

/**
 * Seals a page of records at once (a bulk write): one pass through WebAssembly memory per format,
 * each record's fresh random nonce drawn there (aead.ts `sealMany`). A record is sealed in format
 * 2 (UTF-16) unless it carries bytes: their base64 is ASCII, which UTF-16 would double, so such a
 * record stays in format 1 (UTF-8). Either opens the same (`openValues`).
 */
export function sealValues(
  keys: SealKeys,
  table: string,
  rows: readonly { id: string; value: unknown }[],
): SealedRecord[] {
  assertReady();
  const out: SealedRecord[] = [];
  for (const { form, at, inputs } of byForm(table, rows)) {
    const sealed = sealMany(form, keys.seal, inputs);
    at.forEach((i, k) => {
      const bytes = sealed[k];
      if (typeof bytes === 'string' && form.format === 2) out[i] = { format: 2, bytes };
      else if (bytes instanceof Uint8Array && form.format === 1) out[i] = { format: 1, bytes };
      else throw new SealError(dbText.encryptFailed);
    });
  }
  return out;
}

/**
 * A page's records as JSON texts, grouped by the form each is sealed in, with their places in the
 * page. Whether a record carries bytes is asked of the value itself (one walk), which also spares
 * the text a second look: one without bytes is plain `JSON.stringify`.
 */
function byForm(table: string, rows: readonly { id: string; value: unknown }[]) {
  const text = { form: UTF16, at: new Array<number>(), inputs: new Array<PlainInput>() };
  const bytes = { form: UTF8, at: new Array<number>(), inputs: new Array<PlainInput>() };
  rows.forEach(({ id, value }, i) => {
    const withBytes = hasBytes(value);
    const group = withBytes ? bytes : text;
    group.at.push(i);
    group.inputs.push({
      ad: adText(table, id),
      text: withBytes ? encodeWire(value) : JSON.stringify(value),
    });
  });
  return [text, bytes].filter((g) => g.at.length > 0);
}

/** The form a stored record's format number names. */
export const formOf = (format: TextForm['format']): TextForm => (format === 2 ? UTF16 : UTF8);

/**
 * Opens a page of records of one format at once (query results): one pass through WebAssembly
 * memory, one decode and one JSON.parse for the page (aead.ts). Throws SealError naming the first
 * record that does not open (wrong key, changed, or moved to another table, id or format).
 */
export function openValues(
  keys: SealKeys,
  table: string,
  ids: readonly string[],
  sealed: readonly Sealed[],
  format: TextForm['format'] = 2,
): unknown[] {
  assertReady();
  let text: string;
  try {
    text = openManyAsJsonArray(formOf(format), keys.seal, { table, ids, sealed });
  } catch (error) {
    const id = error instanceof OpenFailure ? ids[error.index] : undefined;
    if (id === undefined) throw error;
    throw cannotOpen(table, id);
  }
  // A record that carries bytes is never sealed in format 2 (`sealValues`): its page is plain JSON.
  const values: unknown = format === 2 ? JSON.parse(text) : decodeWire(text);
  if (!Array.isArray(values) || values.length !== ids.length)
    throw new SealError(dbText.badRecord(table));
  return values;
}

/** Blind index: HMAC-SHA256 of a value, for exact-match lookup of an encrypted field. */
export const blindIndex = (keys: SealKeys, value: string): string =>
  bytesToHex(hmac(sha256, keys.index, enc.encode(value)));
