/**
 * Sealing and opening many XChaCha20-Poly1305 (IETF) records per call, over libsodium's
 * WebAssembly exports.
 *
 * libsodium-wrappers' own functions allocate, copy and free five buffers per call; for records of
 * a few hundred bytes that costs more than the cipher. Opening a page of records here copies all
 * ciphertexts into WebAssembly memory once, decrypts each into one output region separated by
 * commas, and hands back that region as one JSON array text — one UTF-8 decode and one JSON.parse
 * for the page. Sealing a page encodes each record's JSON text straight into WebAssembly memory
 * and encrypts it there. The key is copied in per call and wiped with every other byte before the memory is
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

/** A page of sealed records of one table: each `nonce ‖ ciphertext ‖ tag`, its id in the AD. */
export interface SealedPage {
  table: string;
  ids: readonly string[];
  sealed: readonly Uint8Array[];
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
 * Opens a page of records; returns the UTF-8 text `[p0,p1,…]` of their plaintexts (each must be a
 * JSON text). The additional data of record k is `table ‖ 0x00 ‖ ids[k]`. Throws OpenFailure
 * naming the first record that does not open.
 */
export function openManyAsJsonArray(key: Uint8Array, page: SealedPage): string {
  const { table, ids, sealed } = page;
  let sealedBytes = 0;
  let outBytes = 2 + sealed.length;
  for (let k = 0; k < sealed.length; k++) {
    const len = sealed[k]?.length ?? 0;
    if (len < NONCE_BYTES + TAG_BYTES) throw new OpenFailure(k);
    sealedBytes += len;
    outBytes += len - NONCE_BYTES - TAG_BYTES;
  }
  // Every record's additional data, one after the other, as one text: encoded in one call.
  const adAll = ids.map((id) => adText(table, id)).join('');
  const adRoom = 3 * adAll.length;
  return withHeap(KEY_BYTES + sealedBytes + adRoom + outBytes, (m, base) => {
    // No allocation happens inside this call, so one view of the memory serves throughout.
    const heap = m.HEAPU8;
    heap.set(key, base);
    let sealedPtr = base + KEY_BYTES;
    const adStart = sealedPtr + sealedBytes;
    const adEnd = adStart + adRoom;
    const adWritten = encoder.encodeInto(adAll, heap.subarray(adStart, adEnd)).written;
    // Offsets in the joined text are byte offsets only when it is all ASCII (ids usually are);
    // otherwise each record's additional data is encoded again on its own, over the joined text
    // (together they take the same bytes).
    const ascii = adWritten === adAll.length;
    let adPtr = adStart;
    const outStart = adEnd;
    let outPtr = outStart;
    heap[outPtr++] = 0x5b; // [
    for (let k = 0; k < sealed.length; k++) {
      const box = sealed[k] ?? new Uint8Array();
      heap.set(box, sealedPtr);
      const adAt = adPtr;
      const adLen = ascii
        ? table.length + 1 + (ids[k]?.length ?? 0)
        : encoder.encodeInto(adText(table, ids[k] ?? ''), heap.subarray(adPtr, adEnd)).written;
      adPtr += adLen;
      if (k > 0) heap[outPtr++] = 0x2c; // ,
      const clen = box.length - NONCE_BYTES;
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
      sealedPtr += box.length;
      outPtr += clen - TAG_BYTES;
    }
    heap[outPtr++] = 0x5d; // ]
    return decoder.decode(heap.subarray(outStart, outPtr));
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
 * Seals many records; each result is `nonce ‖ ciphertext ‖ tag` in an ArrayBuffer of its own (a
 * stored record must not carry its neighbours' bytes). The nonces of the whole page are drawn
 * from the CSPRNG straight into WebAssembly memory, a fresh random one per record, and each
 * record is laid out as `ad ‖ plaintext ‖ nonce ‖ ciphertext ‖ tag`, so its result is one copy
 * out (`slice`) with no small buffers made on the way.
 */
export function sealMany(key: Uint8Array, inputs: readonly PlainInput[]): Uint8Array[] {
  const noncesBytes = NONCE_BYTES * inputs.length;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: room for the plaintext and its ciphertext.
  let room = KEY_BYTES + noncesBytes;
  for (const i of inputs) room += 3 * i.ad.length + 2 * 3 * i.text.length + NONCE_BYTES + TAG_BYTES;
  return withHeap(room, (m, base) => {
    // No allocation happens inside this call, so one view of the memory serves throughout.
    const heap = m.HEAPU8;
    heap.set(key, base);
    const nonces = base + KEY_BYTES;
    for (let at = 0; at < noncesBytes; at += RANDOM_MAX)
      globalThis.crypto.getRandomValues(
        heap.subarray(nonces + at, nonces + Math.min(noncesBytes, at + RANDOM_MAX)),
      );
    const end = base + room;
    let ptr = nonces + noncesBytes;
    const out: Uint8Array[] = [];
    let k = 0;
    for (const input of inputs) {
      const adPtr = ptr;
      const ad = encoder.encodeInto(input.ad, heap.subarray(adPtr, end)).written;
      const plainPtr = adPtr + ad;
      const plain = encoder.encodeInto(input.text, heap.subarray(plainPtr, end)).written;
      const noncePtr = plainPtr + plain;
      const drawn = nonces + NONCE_BYTES * k++;
      heap.copyWithin(noncePtr, drawn, drawn + NONCE_BYTES);
      const cipherPtr = noncePtr + NONCE_BYTES;
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
      ptr = cipherPtr + plain + TAG_BYTES;
      out.push(heap.slice(noncePtr, ptr));
    }
    return out;
  });
}
