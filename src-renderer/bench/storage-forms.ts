/**
 * Runs inside Chromium (loaded by test/bench/storage-forms.ts): the candidate stored forms of a
 * sealed record measured side by side in one page, on raw IndexedDB (no Dexie, no cipher), so
 * the figures are IndexedDB's own cost of each form, plus the JavaScript conversions each form
 * needs on the way in and out of WebAssembly memory.
 */
import { benchRecord } from './bench-record';

const record = benchRecord;

const SEAL_OVERHEAD = 24 + 16;
const encoder = new TextEncoder();

const FORMS = [
  'plain',
  'u8',
  'ab',
  'latin1',
  'utf16pair',
  'u8-utf16len',
  'u8-zeros',
  'json',
] as const;
type Form = (typeof FORMS)[number];
const isForm = (f: string): f is Form => FORMS.some((x) => x === f);

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  crypto.getRandomValues(b);
  return b;
}

/** `String.fromCharCode` over an array of char codes, a chunk a call. */
function fromCodes(codes: Uint8Array | Uint16Array): string {
  let s = '';
  for (let at = 0; at < codes.length; at += 8192)
    s += String(Reflect.apply(String.fromCharCode, null, codes.subarray(at, at + 8192)));
  return s;
}

/** One char per byte (a one-byte string in V8). */
const latin1 = (b: Uint8Array): string => fromCodes(b);

/** Two bytes per UTF-16 code unit (any code unit, lone surrogates included). */
const pairs = (b: Uint8Array): string =>
  fromCodes(new Uint16Array(b.buffer, b.byteOffset, b.length >> 1));

function rowsOf(form: Form, n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const r = record(i);
    if (form === 'plain') {
      out.push(r);
      continue;
    }
    const json = JSON.stringify(r);
    const len8 = encoder.encode(json).length + SEAL_OVERHEAD;
    const len16 = 2 * json.length + SEAL_OVERHEAD;
    const clear = { id: r.id, packageId: r.packageId, expertId: r.expertId, status: r.status };
    const sealed =
      form === 'u8'
        ? randomBytes(len8)
        : form === 'ab'
          ? randomBytes(len8).buffer
          : form === 'latin1'
            ? latin1(randomBytes(len8))
            : form === 'utf16pair'
              ? pairs(randomBytes(len16))
              : form === 'u8-zeros'
                ? new Uint8Array(len8)
                : form === 'json'
                  ? json
                  : randomBytes(len16);
    out.push({ ...clear, $s: sealed });
  }
  return out;
}

const done = (req: IDBRequest) =>
  new Promise<unknown>((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
const complete = (tx: IDBTransaction) =>
  new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error);
  });

async function openDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const s = req.result.createObjectStore('sheets', { keyPath: 'id' });
    s.createIndex('packageId', 'packageId');
    s.createIndex('expertId', 'expertId');
    s.createIndex('status', 'status');
  };
  const db = await done(req);
  if (!(db instanceof IDBDatabase)) throw new Error('open');
  return db;
}

interface Figures {
  putMs: number;
  getAllMs: number;
  queryMs: number;
}

async function round(form: Form, rows: readonly unknown[]): Promise<Figures> {
  const name = `forms-${form}-${Date.now()}`;
  const db = await openDb(name);
  let t = performance.now();
  const w = db.transaction('sheets', 'readwrite');
  const store = w.objectStore('sheets');
  for (const r of rows) store.put(r);
  await complete(w);
  const putMs = performance.now() - t;
  t = performance.now();
  const all = await done(db.transaction('sheets', 'readonly').objectStore('sheets').getAll());
  const getAllMs = performance.now() - t;
  if (!Array.isArray(all) || all.length !== rows.length) throw new Error('read back');
  t = performance.now();
  for (let p = 0; p < 10; p++)
    await done(
      db.transaction('sheets', 'readonly').objectStore('sheets').index('packageId').getAll(`P${p}`),
    );
  const queryMs = performance.now() - t;
  db.close();
  await done(indexedDB.deleteDatabase(name));
  return { putMs, getAllMs, queryMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** JavaScript-side costs of each form for `n` records (ms), medians of `rounds`. */
function conversions(n: number, rounds: number) {
  const texts = Array.from({ length: n }, (_, i) => JSON.stringify(record(i)));
  const heap = new Uint8Array(4 * texts.reduce((a, t) => a + t.length, 0) + 64);
  const heap16 = new Uint16Array(heap.buffer);
  const sealed8 = texts.map((t) => randomBytes(encoder.encode(t).length + SEAL_OVERHEAD));
  const sealed16 = texts.map((t) => randomBytes(2 * t.length + SEAL_OVERHEAD));
  const time = (fn: () => void) => {
    const runs: number[] = [];
    for (let r = 0; r <= rounds; r++) {
      const t = performance.now();
      fn();
      if (r > 0) runs.push(performance.now() - t);
    }
    return median(runs);
  };
  let sink = 0;
  const s1 = sealed8.map(latin1);
  const s2 = sealed16.map(pairs);
  const page = (plain16: boolean) => {
    let p = 0;
    for (const t of texts) {
      if (plain16) for (let i = 0; i < t.length; i++) heap16[p++] = t.charCodeAt(i);
      else p += encoder.encodeInto(t, heap.subarray(p)).written;
    }
    return p;
  };
  const bytes8 = page(false);
  const units16 = page(true);
  // Structured clone is the serializer IndexedDB uses: a deterministic measure of each form's
  // cost in a row, where IndexedDB's own timings drown in a loaded machine's noise.
  const clear = (i: number) => ({
    id: `P${i}`,
    packageId: 'P',
    expertId: `E${i}`,
    status: 'draft',
  });
  const plainRows = texts.map((_, i) => record(i));
  const u8Rows = sealed16.map((b, i) => ({ ...clear(i), $s: b }));
  const stringRows = s2.map((s, i) => ({ ...clear(i), $s: s }));
  const cloneEach = (rows: readonly unknown[]) => () => {
    for (const r of rows) sink += structuredClone(r) === r ? 0 : 1;
  };
  return {
    clonePlainRowsMs: time(cloneEach(plainRows)),
    cloneU8RowsMs: time(cloneEach(u8Rows)),
    cloneStringRowsMs: time(cloneEach(stringRows)),
    readBackUtf16FromCharCodeMs: time(() => {
      page(true);
      sink += fromCodes(heap16.subarray(0, units16)).length;
    }),
    encodeUtf8Ms: time(() => (sink += page(false))),
    encodeUtf16Ms: time(() => (sink += page(true))),
    decodeUtf8Ms: time(() => {
      page(false);
      sink += new TextDecoder('utf-8', { fatal: true }).decode(heap.subarray(0, bytes8)).length;
    }),
    decodeUtf16Ms: time(() => {
      page(true);
      sink += new TextDecoder('utf-16le', { fatal: true }).decode(
        heap.subarray(0, 2 * units16),
      ).length;
    }),
    bytesUtf8: bytes8,
    bytesUtf16: 2 * units16,
    toLatin1Ms: time(() => (sink += sealed8.map(latin1).length)),
    toPairsMs: time(() => (sink += sealed16.map(pairs).length)),
    copyU8Ms: time(() => {
      let p = 0;
      for (const b of sealed8) {
        heap.set(b, p);
        p += b.length;
      }
      sink += p;
    }),
    copyLatin1Ms: time(() => {
      let p = 0;
      for (const s of s1) for (let i = 0; i < s.length; i++) heap[p++] = s.charCodeAt(i);
      sink += p;
    }),
    copyPairsMs: time(() => {
      let p = 0;
      for (const s of s2) for (let i = 0; i < s.length; i++) heap16[p++] = s.charCodeAt(i);
      sink += p;
    }),
    sink,
  };
}

/**
 * `forms` (comma-separated, default all): u8 / ab = the sealed bytes as a Uint8Array / an
 * ArrayBuffer; latin1 = a string of one char per byte; utf16pair = two bytes per UTF-16 code unit
 * (sealed UTF-16 plaintext); u8-utf16len = random bytes of that length; u8-zeros = the sealed
 * length as zero bytes (compressible); json = the record's JSON text as a string.
 */
async function run(n: number, rounds: number, only = '', js = true) {
  const forms = only === '' ? [...FORMS] : only.split(',').filter(isForm);
  const rows = new Map(forms.map((f) => [f, rowsOf(f, n)]));
  const figures = new Map<Form, Figures[]>(forms.map((f) => [f, []]));
  for (const f of forms) await round(f, rows.get(f) ?? []);
  for (let r = 0; r < rounds; r++)
    for (const f of r % 2 === 0 ? forms : [...forms].reverse())
      figures.get(f)?.push(await round(f, rows.get(f) ?? []));
  const idb = forms.map((f) => {
    const runs = figures.get(f) ?? [];
    return {
      form: f,
      putMs: median(runs.map((x) => x.putMs)),
      getAllMs: median(runs.map((x) => x.getAllMs)),
      queryMs: median(runs.map((x) => x.queryMs)),
    };
  });
  return { idb, js: js ? conversions(n, rounds) : null };
}

Reflect.set(window, 'runStorageForms', run);
