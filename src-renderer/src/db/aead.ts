/**
 * Sealing and opening many XChaCha20-Poly1305 (IETF) records per call, over libsodium's
 * WebAssembly exports.
 *
 * libsodium-wrappers' own functions allocate, copy and free five buffers per call; for records of
 * a few hundred bytes that costs more than the cipher. Opening a page of records here copies all
 * ciphertexts into WebAssembly memory once, decrypts each into one output region separated by
 * commas, and hands back that region as one JSON array text — one decode and one JSON.parse for
 * the page. Sealing a page writes each record's JSON text straight into WebAssembly memory and
 * encrypts it there. Texts are laid out in one of two forms (`TextForm`: UTF-16LE or UTF-8). The key is copied in per call and wiped with every other byte before the memory is
 * freed, so nothing of a record or the key stays behind in WebAssembly memory.
 */
import sodium from 'libsodium-wrappers';
import { dbText } from '../i18n/db';

/** The slice of libsodium's Emscripten module used here (checked when first used). */
interface RawSodium {
  HEAPU8: Uint8Array;
  _malloc: (size: number) => number;
  _free: (ptr: number) => void;
  _crypto_aead_xchacha20poly1305_ietf_encrypt: (...args: (number | null)[]) => number;
  _crypto_aead_xchacha20poly1305_ietf_decrypt: (...args: (number | null)[]) => number;
}

const FUNCTIONS = [
  '_malloc',
  '_free',
  '_crypto_aead_xchacha20poly1305_ietf_encrypt',
  '_crypto_aead_xchacha20poly1305_ietf_decrypt',
] as const;

function isRawSodium(m: unknown): m is RawSodium {
  if (typeof m !== 'object' || m === null) return false;
  return (
    Reflect.get(m, 'HEAPU8') instanceof Uint8Array &&
    FUNCTIONS.every((f) => typeof Reflect.get(m, f) === 'function')
  );
}

function raw(): RawSodium {
  const m: unknown = Reflect.get(sodium, 'libsodium');
  if (!isRawSodium(m)) throw new Error(dbText.sodiumNotReady);
  return m;
}

export const NONCE_BYTES = 24;

/** The additional data of a record: its table and primary key, so a moved record fails to open. */
export const adText = (table: string, id: string): string => `${table}\u0000${id}`;
export const TAG_BYTES = 16;
const KEY_BYTES = 32;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A sealed record, `nonce ‖ ciphertext ‖ tag`, as stored: bytes (format 1), or (format 2) those
 * bytes as a string of UTF-16 code units, two bytes each, little end first. IndexedDB stores and
 * reads a row holding a string at the cost of a plain row; a row holding bytes costs about twice
 * as much (structured clone, docs/bench.md).
 */
export type Sealed = Uint8Array | string;

/** A sealed record's length in bytes. */
const sealedBytesOf = (s: Sealed | undefined): number =>
  typeof s === 'string' ? 2 * s.length : (s?.length ?? 0);

/** A page of sealed records of one table: each `nonce ‖ ciphertext ‖ tag`, its id in the AD. */
export interface SealedPage {
  table: string;
  ids: readonly string[];
  sealed: readonly Sealed[];
}

export class OpenFailure extends Error {
  constructor(readonly index: number) {
    super(`record ${index} failed to open`);
  }
}

/** Runs `work` on a fresh WebAssembly allocation of `size` bytes, wiped and freed afterwards. */
function withHeap<T>(size: number, work: (m: RawSodium, base: number) => T): T {
  const m = raw();
  const base = m._malloc(Math.max(1, size));
  if (base === 0) throw new Error(dbText.wasmOutOfMemory);
  try {
    return work(m, base);
  } finally {
    // HEAPU8 is re-read: memory growth replaces the view.
    m.HEAPU8.fill(0, base, base + size);
    m._free(base);
  }
}

/**
 * How a record's plaintext and additional data are laid out as bytes. Format 2 (`UTF16`, what
 * text records are sealed in): UTF-16LE, the JSON text's code units copied straight into
 * WebAssembly memory, and a page opened is read back as code units (`String.fromCharCode`), where
 * UTF-8 decoding took half the CPU of reading a page (docs/bench.md). Format 1 (`UTF8`): UTF-8, for
 * records that carry bytes (their base64 is ASCII, which UTF-16 would double) and for every row
 * written before format 2. The additional data is the same text, `table ‖ U+0000 ‖ id`, in the
 * record's own encoding, so a record relabelled to the other format does not open either.
 */
export interface TextForm {
  /** The format's number as recorded beside each row (middleware.ts). */
  readonly format: 1 | 2;
  /** Bytes per code unit: record lengths and offsets of format 2 are even. */
  readonly unit: 1 | 2;
  /** Most bytes `text` can take. */
  room: (text: string) => number;
  /** Writes `text` at byte `at` (a multiple of `unit`) and returns how many bytes it took. */
  write: (heap: Uint8Array, at: number, end: number, text: string) => number;
  /** The text of bytes `start` to `end` (written by `write`, authenticated: not checked again). */
  read: (heap: Uint8Array, start: number, end: number) => string;
  /**
   * The sealed records of this form as stored, from the region `start` to `ends[last]`, record k
   * ending at `ends[k]` (each a copy of its own, no neighbour's bytes in it).
   */
  take: (heap: Uint8Array, start: number, ends: readonly number[]) => Sealed[];
}

export const UTF8: TextForm = {
  format: 1,
  unit: 1,
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  room: (text) => 3 * text.length,
  write: (heap, at, end, text) => encoder.encodeInto(text, heap.subarray(at, end)).written,
  read: (heap, start, end) => decoder.decode(heap.subarray(start, end)),
  take: (heap, start, ends) => {
    let at = start;
    return ends.map((end) => heap.slice(at, (at = end)));
  },
};

/** Code units per `String.fromCharCode` call (well inside the engines' argument limits). */
const UNITS_PER_CALL = 16384;

/** Whether this machine stores a Uint16Array little end first (every platform the app ships on). */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The last code-unit view made of WebAssembly memory (memory growth replaces the buffer). */
let unitView: Uint16Array<ArrayBufferLike> = new Uint16Array(0);

/** `heap`'s buffer as code units (little end first), made again only when the buffer changed. */
function unitsOf(heap: Uint8Array): Uint16Array {
  if (!littleEndian) throw new Error(dbText.byteOrder);
  if (unitView.buffer !== heap.buffer) unitView = new Uint16Array(heap.buffer);
  return unitView;
}

/**
 * Bytes `start` to `end` as UTF-16 code units (little end first): String.fromCharCode over the
 * code units, a chunk a call, several times faster in Chromium than TextDecoder('utf-16le') on a
 * page of records (docs/bench.md).
 */
function codeUnits(heap: Uint8Array, start: number, end: number): string {
  const from = (heap.byteOffset + start) >> 1;
  const units = unitsOf(heap).subarray(from, from + ((end - start) >> 1));
  let text = '';
  for (let at = 0; at < units.length; at += UNITS_PER_CALL) {
    const part: unknown = Reflect.apply(
      String.fromCharCode,
      null,
      units.subarray(at, at + UNITS_PER_CALL),
    );
    text += String(part);
  }
  return text;
}

export const UTF16: TextForm = {
  format: 2,
  unit: 2,
  room: (text) => 2 * text.length,
  write: (heap, at, end, text) => {
    if (at % 2 !== 0 || at + 2 * text.length > end) throw new Error(dbText.encryptFailed);
    const units = unitsOf(heap);
    const from = (heap.byteOffset + at) >> 1;
    for (let i = 0; i < text.length; i++) units[from + i] = text.charCodeAt(i);
    return 2 * text.length;
  },
  read: codeUnits,
  // A string per record, made straight from its code units (one slice of a string made for the
  // whole page cost more in the storage suite's profile than a String.fromCharCode call each).
  take: (heap, start, ends) => {
    let at = start;
    return ends.map((end) => codeUnits(heap, at, (at = end)));
  },
};

/**
 * Opens a page of records; returns the text `[p0,p1,…]` of their plaintexts (each must be a JSON
 * text) in `form`. The additional data of record k is `table ‖ U+0000 ‖ ids[k]` in the same form.
 * Throws OpenFailure naming the first record that does not open (a format 2 record of odd length
 * included).
 */
export function openManyAsJsonArray(form: TextForm, key: Uint8Array, page: SealedPage): string {
  const { table, ids, sealed } = page;
  let sealedBytes = 0;
  let adRoom = 0;
  // '[', ']' and the commas: one code unit each.
  let outBytes = form.unit * (2 + sealed.length);
  for (let k = 0; k < sealed.length; k++) {
    const len = sealedBytesOf(sealed[k]);
    if (len < NONCE_BYTES + TAG_BYTES || len % form.unit !== 0) throw new OpenFailure(k);
    sealedBytes += len;
    outBytes += len - NONCE_BYTES - TAG_BYTES;
    adRoom += form.room(adText(table, ids[k] ?? ''));
  }
  return withHeap(KEY_BYTES + sealedBytes + adRoom + outBytes, (m, base) => {
    // No allocation happens inside this call, so one view of the memory serves throughout.
    const heap = m.HEAPU8;
    heap.set(key, base);
    let sealedPtr = base + KEY_BYTES;
    let adPtr = sealedPtr + sealedBytes;
    const outStart = adPtr + adRoom;
    const end = outStart + outBytes;
    let outPtr = outStart + form.write(heap, outStart, end, '[');
    for (let k = 0; k < sealed.length; k++) {
      const box = sealed[k] ?? new Uint8Array();
      const boxBytes = sealedBytesOf(box);
      if (typeof box === 'string') UTF16.write(heap, sealedPtr, sealedPtr + boxBytes, box);
      else heap.set(box, sealedPtr);
      const adAt = adPtr;
      const adLen = form.write(heap, adPtr, outStart, adText(table, ids[k] ?? ''));
      adPtr += adLen;
      if (k > 0) outPtr += form.write(heap, outPtr, end, ',');
      const clen = boxBytes - NONCE_BYTES;
      const ok = m._crypto_aead_xchacha20poly1305_ietf_decrypt(
        outPtr,
        null,
        null,
        sealedPtr + NONCE_BYTES,
        clen,
        0,
        adAt,
        adLen,
        0,
        sealedPtr,
        base,
      );
      if (ok !== 0) throw new OpenFailure(k);
      sealedPtr += boxBytes;
      outPtr += clen - TAG_BYTES;
    }
    outPtr += form.write(heap, outPtr, end, ']');
    return form.read(heap, outStart, outPtr);
  });
}

/** One record to seal: its additional data and its JSON text. */
export interface PlainInput {
  ad: string;
  text: string;
}

/** Largest request `crypto.getRandomValues` takes (bytes). */
const RANDOM_MAX = 65536;

/**
 * Seals many records in `form`; each result is `nonce ‖ ciphertext ‖ tag` as the form stores it
 * (`take`): bytes in an ArrayBuffer of their own (a stored record must not carry its neighbours'
 * bytes) or a string. The nonces of the whole page are drawn from the CSPRNG straight into
 * WebAssembly memory, a fresh random one per record. Each record's additional data and plaintext
 * are written into one region and its `nonce ‖ ciphertext ‖ tag` into another, the records one
 * after the other, so the page's results leave in one pass (`take`) with no small buffers made
 * on the way.
 */
export function sealMany(form: TextForm, key: Uint8Array, inputs: readonly PlainInput[]): Sealed[] {
  const noncesBytes = NONCE_BYTES * inputs.length;
  // Room for each record's additional data and plaintext, and (after them) its sealed record.
  let inRoom = 0;
  let outRoom = 0;
  for (const i of inputs) {
    const text = form.room(i.text);
    inRoom += form.room(i.ad) + text;
    outRoom += NONCE_BYTES + text + TAG_BYTES;
  }
  const room = KEY_BYTES + noncesBytes + inRoom + outRoom;
  return withHeap(room, (m, base) => {
    // No allocation happens inside this call, so one view of the memory serves throughout. Every
    // offset is even (malloc's base, the key, nonces, format 2's texts): code units stay aligned.
    const heap = m.HEAPU8;
    heap.set(key, base);
    const nonces = base + KEY_BYTES;
    for (let at = 0; at < noncesBytes; at += RANDOM_MAX)
      globalThis.crypto.getRandomValues(
        heap.subarray(nonces + at, nonces + Math.min(noncesBytes, at + RANDOM_MAX)),
      );
    const outStart = nonces + noncesBytes + inRoom;
    const end = base + room;
    let inPtr = nonces + noncesBytes;
    let outPtr = outStart;
    const ends: number[] = [];
    let k = 0;
    for (const input of inputs) {
      const adPtr = inPtr;
      const ad = form.write(heap, adPtr, outStart, input.ad);
      const plainPtr = adPtr + ad;
      const plain = form.write(heap, plainPtr, outStart, input.text);
      inPtr = plainPtr + plain;
      const noncePtr = outPtr;
      const drawn = nonces + NONCE_BYTES * k++;
      heap.copyWithin(noncePtr, drawn, drawn + NONCE_BYTES);
      const cipherPtr = noncePtr + NONCE_BYTES;
      if (cipherPtr + plain + TAG_BYTES > end) throw new Error(dbText.encryptFailed);
      const rc = m._crypto_aead_xchacha20poly1305_ietf_encrypt(
        cipherPtr,
        null,
        plainPtr,
        plain,
        0,
        adPtr,
        ad,
        0,
        null,
        noncePtr,
        base,
      );
      if (rc !== 0) throw new Error(dbText.encryptFailed);
      outPtr = cipherPtr + plain + TAG_BYTES;
      ends.push(outPtr);
    }
    return form.take(heap, outStart, ends);
  });
}
