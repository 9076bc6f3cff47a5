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
  clearAdText,
  NONCE_BYTES as NONCE,
  OpenFailure,
  openManyAsJsonArrays,
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
 * A record as sealed, with the format it is in (aead.ts `TextForm`): format 1 as bytes, formats 2
 * and 3 as a string of code units (aead.ts `Sealed`).
 */
export type SealedRecord = { format: 1; bytes: Uint8Array } | { format: 2 | 3; bytes: string };

/** A record to seal: its primary key and its value (whose clear fields the row also carries). */
export interface ToSeal {
  id: string;
  value: unknown;
}

/**
 * Seals a page of records at once (a bulk write): one pass through WebAssembly memory per format,
 * each record's fresh random nonce drawn there (aead.ts `sealMany`). A text record whose JSON
 * begins with its id and then its clear fields (`clear`, the table's order; strings) is sealed in
 * format 3: those fields are left out of the sealed text and bound as additional data instead
 * (aead.ts `clearAdText`: the row's own copies, so changing one makes the record fail to open).
 * Any other text record is sealed whole in format 2 (UTF-16); a record that carries bytes in format
 * 1 (UTF-8: their base64 is ASCII, which UTF-16 would double). Each opens to the same value
 * (`openValues`, `openLifted`). Without `clear` nothing is lifted (formats 1 and 2 only).
 */
export function sealValues(
  keys: SealKeys,
  table: string,
  rows: readonly ToSeal[],
  clear?: readonly string[],
): SealedRecord[] {
  assertReady();
  const out: SealedRecord[] = [];
  for (const { format, at, inputs } of byForm(table, rows, clear)) {
    const sealed = sealMany(formOf(format), keys.seal, inputs);
    at.forEach((i, k) => {
      const bytes = sealed[k];
      if (typeof bytes === 'string' && format !== 1) out[i] = { format, bytes };
      else if (bytes instanceof Uint8Array && format === 1) out[i] = { format, bytes };
      else throw new SealError(dbText.encryptFailed);
    });
  }
  return out;
}

const ID_KEY = '{"id":';
const KEYS = new Map<string, string>();
/** `,"field":` as JSON has it (made once per field name). */
function keyJson(field: string): string {
  let key = KEYS.get(field);
  if (key === undefined) KEYS.set(field, (key = `,"${field}":`));
  return key;
}

/**
 * A text record's JSON with its id and clear fields lifted out (format 3): the rest of the object
 * as its own JSON text, and the additional data binding what was lifted; null when the text does
 * not begin with them (another key order, a clear field that is not a string) and the record is
 * sealed whole. An absent or undefined clear field is absent from the JSON text too.
 */
function lift(
  table: string,
  { id, value }: ToSeal,
  clear: readonly string[],
  text: string,
): PlainInput | null {
  if (typeof value !== 'object' || value === null) return null;
  // Compared piece by piece where the text has them (no string built for the head). The clear
  // fields are the table's own names (database.ts CLEAR_FIELDS): their JSON needs no escape.
  let at = ID_KEY.length;
  const idJson = JSON.stringify(id);
  if (!text.startsWith(ID_KEY) || !text.startsWith(idJson, at)) return null;
  at += idJson.length;
  const values: (string | undefined)[] = [];
  for (const f of clear) {
    const v: unknown = Reflect.get(value, f);
    values.push(typeof v === 'string' ? v : undefined);
    if (v === undefined) continue;
    if (typeof v !== 'string') return null;
    const key = keyJson(f);
    const json = JSON.stringify(v);
    if (!text.startsWith(key, at) || !text.startsWith(json, at + key.length)) return null;
    at += key.length + json.length;
  }
  // The rest of the object: `{` and the text after the comma (or the closing brace) that ends
  // the lifted fields.
  const next = text.charCodeAt(at);
  if (next !== 0x2c && next !== 0x7d) return null;
  return { ad: clearAdText(table, id, values), text, from: next === 0x2c ? at + 1 : at };
}

/**
 * A page's records as JSON texts, grouped by the format each is sealed in, with their places in the
 * page. Whether a record carries bytes is asked of the value itself (one walk), which also spares
 * the text a second look: one without bytes is plain `JSON.stringify`.
 */
function byForm(table: string, rows: readonly ToSeal[], clear: readonly string[] | undefined) {
  const group = (format: SealedRecord['format']) => ({
    format,
    at: new Array<number>(),
    inputs: new Array<PlainInput>(),
  });
  const groups = [group(3), group(2), group(1)] as const;
  const [lifted, whole, bytes] = groups;
  rows.forEach((row, i) => {
    const { id, value } = row;
    if (hasBytes(value)) {
      bytes.at.push(i);
      bytes.inputs.push({ ad: adText(table, id), text: encodeWire(value) });
      return;
    }
    const text = JSON.stringify(value);
    const input = clear ? lift(table, row, clear, text) : null;
    const g = input ? lifted : whole;
    g.at.push(i);
    g.inputs.push(input ?? { ad: adText(table, id), text });
  });
  return groups.filter((g) => g.at.length > 0);
}

/** The form a stored record's format number names (3 is 2's form, with the clear fields lifted). */
export const formOf = (format: SealedRecord['format']): TextForm => (format === 1 ? UTF8 : UTF16);

/** Opens a page's records and parses their texts; SealError names the first that does not open. */
function openTexts(
  keys: SealKeys,
  table: string,
  ids: readonly string[],
  page: { ads: readonly string[]; sealed: readonly Sealed[] },
  format: SealedRecord['format'],
): unknown[] {
  assertReady();
  let texts: string[];
  try {
    texts = openManyAsJsonArrays(formOf(format), keys.seal, page);
  } catch (error) {
    const id = error instanceof OpenFailure ? ids[error.index] : undefined;
    if (id === undefined) throw error;
    throw cannotOpen(table, id);
  }
  // A record that carries bytes is only ever sealed in format 1 (`sealValues`): the others are
  // plain JSON.
  const values: unknown[] = [];
  for (const text of texts) {
    const batch: unknown = format === 1 ? decodeWire(text) : JSON.parse(text);
    if (!Array.isArray(batch)) throw new SealError(dbText.badRecord(table));
    for (const v of batch) values.push(v);
  }
  if (values.length !== ids.length) throw new SealError(dbText.badRecord(table));
  return values;
}

/**
 * Opens a page of records of format 1 or 2 at once (query results): one pass through WebAssembly
 * memory, a decode and a JSON.parse per batch of the page (aead.ts). Throws SealError naming the
 * first record that does not open (wrong key, changed, or moved to another table, id or format).
 */
export function openValues(
  keys: SealKeys,
  table: string,
  ids: readonly string[],
  sealed: readonly Sealed[],
  format: 1 | 2 = 2,
): unknown[] {
  return openTexts(keys, table, ids, { ads: ids.map((id) => adText(table, id)), sealed }, format);
}

/** A format 3 row's id and clear fields as stored (the table's order; undefined when absent). */
export interface LiftedRow {
  id: string;
  clear: readonly (string | undefined)[];
}

/**
 * Opens a page of format 3 records (`sealValues`): each value is its row's id and clear fields,
 * in the order they were lifted, then the rest of the object as sealed. The row's clear fields
 * are the additional data: one changed (or a record moved to another row) fails to open, and
 * SealError names it.
 */
export function openLifted(
  keys: SealKeys,
  table: string,
  clear: readonly string[],
  rows: readonly LiftedRow[],
  sealed: readonly string[],
): unknown[] {
  const ids = rows.map((r) => r.id);
  const ads = rows.map((r) => clearAdText(table, r.id, r.clear));
  const rests = openTexts(keys, table, ids, { ads, sealed }, 3);
  return rests.map((rest, k) => {
    const row = rows[k];
    if (typeof rest !== 'object' || rest === null || !row)
      throw new SealError(dbText.badRecord(table));
    const value: Record<string, unknown> = { id: row.id };
    clear.forEach((f, i) => {
      const v = row.clear[i];
      if (v !== undefined) value[f] = v;
    });
    return Object.assign(value, rest);
  });
}

/** Blind index: HMAC-SHA256 of a value, for exact-match lookup of an encrypted field. */
export const blindIndex = (keys: SealKeys, value: string): string =>
  bytesToHex(hmac(sha256, keys.index, enc.encode(value)));
