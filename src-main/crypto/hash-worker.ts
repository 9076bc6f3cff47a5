/**
 * SHA-256 of large inputs on the machine's second core (issue 22), for main and the CLI alike:
 * while this thread reads, writes and takes the CRC-32 of a 100 MB bundle's files (or reads and
 * decrypts one), a worker thread hashes the same bytes — each payload file's SHA-256 that
 * SHA256SUMS carries, the whole file's SHA-256 of a bundle opened — and seals age's payload
 * chunks ({@link ringSeal}). Each byte is still hashed once, by OpenSSL (and zlib); the work is
 * split over two cores instead of queued on one.
 *
 * Files are read straight into the slots of a shared-memory ring (4 × 1 MiB, {@link acquireSlot}),
 * so a hasher given a piece that lies there hands the worker its place, not a copy; bytes from
 * elsewhere are copied into a free slot first. A slot is not read into again until the worker
 * has hashed every piece in it: at most 4 MiB are in flight. `digest` waits for the worker
 * (`Atomics.wait`: the hasher's interface is synchronous).
 *
 * The worker is started only ahead of a job large enough to pay for its start ({@link
 * startHashWorker}: 16 MiB; a worker's start is ≈ 30 ms of CPU on a quiet machine, hashing
 * 16 MiB ≈ 15 ms, and the start runs on the other core while this thread reads and encrypts).
 * Until it runs, and for hashers that begin with bytes not in the ring, hashing stays on the
 * calling thread.
 */
import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** Bytes per slot: the size of one read of a file (src-main/crypto/bundle-files.ts). */
export const SLOT = 1024 * 1024;
const SLOTS = 4;
/** Jobs the queue holds: a 1 MiB piece is one hash job and 16 seal jobs. */
const JOBS = 512;
/** Ints per job: op, id, then the op's fields (a SEAL's nonce is 3, a KEY's key 8). */
const JOB = 12;
/** One sealed age STREAM chunk: 64 KiB of ciphertext and its 16-byte tag. */
export const SEALED = 64 * 1024 + 16;
const TAG = 16;
/**
 * Sealed chunks the output ring holds (4.2 MB): three 1 MiB pieces' worth in flight. The rings are
 * small because fresh memory is what costs most here: each 4 KiB page's first touch is a page
 * fault of ≈ 18 µs on this kind of machine (64 MB touched: ≈ 300 ms of CPU), and a new process
 * (`jiebang pack`) touches the rings' pages for the first time (4 × 4 MiB and 16.8 MB before:
 * ≈ 8,000 faults; now ≈ 2,000).
 */
const OUT_SLOTS = 64;
/** Seals between two young-generation collections on the worker (32 × 64 KiB: 2 MiB of output). */
const GC_EVERY = 32;
/** Smallest job (bytes of one file) that starts the worker. */
export const HASH_WORKER_MIN = 16 * 1024 * 1024;
/**
 * Bytes hashed that do not lie in the ring (an opened bundle's decrypted entries) are copied into
 * cells of their own, one piece of at most {@link CELL} bytes per cell: 32 × 64 KiB (2 MiB) in
 * flight, one age chunk's plaintext each.
 */
const CELL = 64 * 1024;
const CELLS = 32;
/** Smallest input (bytes, when the caller says) hashed on the worker although not in the ring. */
export const COPY_MIN = SLOT;

/** `ctrl` indices (Int32): jobs published, jobs done, digests done, failed, worker asleep. */
const HEAD = 0;
const TAIL = 1;
const DONE = 2;
const FAILED = 3;
const ASLEEP = 4;
/**
 * Job ops: hash bytes (SHA-256), give the digest, forget a hasher or a key; take a
 * ChaCha20-Poly1305 key; seal one chunk into the output ring.
 */
const UPDATE = 1;
const DIGEST = 3;
const DROP = 4;
const KEY = 5;
const SEAL = 6;
const UPDATE_COPY = 7;

/**
 * The worker, as CommonJS evaluated in the thread (no file to bundle or find at run time). A job
 * is {@link JOB} Int32s: op, id, then its fields. UPDATE: byte offset in `data`, length;
 * UPDATE_COPY: the same in `copy`, whose cell's count in `copyPending` it takes down. DIGEST
 * writes 32 bytes of SHA-256 to `result`. KEY: the 32-byte key.
 * SEAL (one age STREAM chunk, ./age.ts decides its bounds and nonce): the 12-byte nonce, the
 * chunk's place in `out`, how many plaintext bytes were copied there, then a piece of `data`
 * (offset, length) that follows them; the sealed chunk (ciphertext, tag) replaces them in `out`
 * and `ready` of its out slot is set to the job's number + 1.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { createHash, createCipheriv } = require('node:crypto');
const { ctrl, jobs, pending, data, result, out, ready, copy, copyPending } = workerData;
const hashers = new Map();
const keys = new Map();
const jobBytes = new Uint8Array(jobs.buffer);
// A young-generation collection every ${GC_EVERY} seals: each update() returns a fresh 64 KiB
// buffer, which V8 frees only once ≈ 32–64 MB of them have piled up; collected early, malloc hands
// the same pages back (a new process: ≈ 4,000 fewer page faults per 100 MB). The flag is set only
// while this thread takes the function, then put back (V8's flags are the process's). Not under
// Electron, whose V8 may refuse a flag set after start (./minor-gc.ts).
// Taken at the first seal (a worker that only hashes never needs it).
let minorGc;
const takeMinorGc = () => {
  minorGc = null;
  try {
    if (process.versions.electron) return;
    const v8 = require('node:v8');
    v8.setFlagsFromString('--expose-gc');
    try {
      minorGc = require('node:vm').runInNewContext('gc');
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  } catch {}
};
let sealed = 0;
let tail = 0;
const done = (at) => {
  const slot = Math.floor(at / ${SLOT});
  Atomics.sub(pending, slot, 1);
  Atomics.notify(pending, slot);
};
try {
  for (;;) {
    while (Atomics.load(ctrl, ${HEAD}) === tail) {
      Atomics.store(ctrl, ${ASLEEP}, 1);
      if (Atomics.load(ctrl, ${HEAD}) === tail) Atomics.wait(ctrl, ${HEAD}, tail, 1000);
      Atomics.store(ctrl, ${ASLEEP}, 0);
    }
    const j = (tail % ${JOBS}) * ${JOB};
    const op = jobs[j], id = jobs[j + 1];
    if (op === ${KEY}) {
      keys.set(id, Buffer.from(jobBytes.slice((j + 2) * 4, (j + 2) * 4 + 32)));
    } else if (op === ${SEAL}) {
      if (minorGc === undefined) takeMinorGc();
      const nonce = jobBytes.slice((j + 2) * 4, (j + 2) * 4 + 12);
      const at = jobs[j + 5], copied = jobs[j + 6], from = jobs[j + 7], length = jobs[j + 8];
      const c = createCipheriv('chacha20-poly1305', keys.get(id), nonce, { authTagLength: 16 });
      let w = at;
      if (copied > 0) {
        const x = c.update(out.subarray(at, at + copied));
        out.set(x, w);
        w += x.length;
      }
      if (length > 0) {
        const x = c.update(data.subarray(from, from + length));
        out.set(x, w);
        w += x.length;
        done(from);
      }
      c.final();
      out.set(c.getAuthTag(), w);
      const slot = Math.floor(at / ${SEALED});
      Atomics.store(ready, slot, tail + 1);
      Atomics.notify(ready, slot);
      if (minorGc && ++sealed % ${GC_EVERY} === 0) minorGc({ type: 'minor' });
    } else if (op === ${UPDATE} || op === ${UPDATE_COPY}) {
      const at = jobs[j + 2], length = jobs[j + 3];
      let h = hashers.get(id);
      if (!h) hashers.set(id, (h = createHash('sha256')));
      if (op === ${UPDATE}) {
        h.update(data.subarray(at, at + length));
        done(at);
      } else {
        h.update(copy.subarray(at, at + length));
        const cell = Math.floor(at / ${CELL});
        Atomics.sub(copyPending, cell, 1);
        Atomics.notify(copyPending, cell);
      }
    } else {
      const h = hashers.get(id) || createHash('sha256');
      hashers.delete(id);
      keys.delete(id);
      if (op === ${DIGEST}) {
        result.set(h.digest());
        Atomics.add(ctrl, ${DONE}, 1);
        Atomics.notify(ctrl, ${DONE});
      }
    }
    tail++;
    Atomics.store(ctrl, ${TAIL}, tail);
    Atomics.notify(ctrl, ${TAIL});
  }
} catch (error) {
  Atomics.store(ctrl, ${FAILED}, 1);
  Atomics.notify(ctrl, ${TAIL});
  Atomics.notify(ctrl, ${DONE});
  throw error;
}
`;

/** A slot of the ring, lent to a reader until it asks for the next one. */
export interface Slot {
  readonly index: number;
  readonly bytes: Uint8Array;
}

class HashRing {
  readonly #ctrl = new Int32Array(new SharedArrayBuffer(8 * 4));
  readonly #jobs = new Int32Array(new SharedArrayBuffer(JOBS * JOB * 4));
  /** Per slot: pieces in it not yet hashed by the worker. */
  readonly #pending = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
  readonly #data = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT));
  readonly #result = new Uint8Array(new SharedArrayBuffer(32));
  /** Sealed age chunks, one per {@link SEALED} bytes, and per out slot the job that filled it. */
  readonly #out = new Uint8Array(new SharedArrayBuffer(OUT_SLOTS * SEALED));
  readonly #ready = new Int32Array(new SharedArrayBuffer(OUT_SLOTS * 4));
  /** Cells for bytes hashed that are not in the ring, and per cell its pieces not yet hashed. */
  readonly #copy = new Uint8Array(new SharedArrayBuffer(CELLS * CELL));
  readonly #copyBytes = Buffer.from(this.#copy.buffer);
  readonly #copyPending = new Int32Array(new SharedArrayBuffer(CELLS * 4));
  #nextCell = 0;
  /** Per out slot (this thread only): the SEAL job's number + 1 while its chunk is unwritten. */
  readonly #outJob = new Array<number>(OUT_SLOTS).fill(0);
  #outNext = 0;
  /** Slots lent to a reader (this thread only). */
  readonly #lent = new Array<boolean>(SLOTS).fill(false);
  #next = 0;
  #head = 0;
  #nextId = 1;
  readonly #dropped = new FinalizationRegistry<number>((id) => {
    if (!this.failed) this.#publish(DROP, id);
  });

  constructor() {
    // `node:worker_threads` loaded when the first worker starts, not with this module: a small
    // `jiebang verify` never starts one, and the module costs ≈ 3.6 M instructions to load
    // (issue 22; `process.getBuiltinModule`: node ≥ 20.16, Electron's node 22).
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        ctrl: this.#ctrl,
        jobs: this.#jobs,
        pending: this.#pending,
        data: this.#data,
        result: this.#result,
        out: this.#out,
        ready: this.#ready,
        copy: this.#copy,
        copyPending: this.#copyPending,
      },
    });
    // Never keeps the process alive; a worker that stops makes the hashers waiting on it throw.
    worker.unref();
    worker.on('error', () => this.#fail());
    worker.on('exit', () => this.#fail());
  }

  /** Jobs given to the worker so far. */
  get published(): number {
    return this.#head;
  }

  get failed(): boolean {
    return Atomics.load(this.#ctrl, FAILED) === 1;
  }

  #fail(): void {
    Atomics.store(this.#ctrl, FAILED, 1);
    Atomics.notify(this.#ctrl, TAIL);
    Atomics.notify(this.#ctrl, DONE);
    for (let s = 0; s < SLOTS; s++) Atomics.notify(this.#pending, s);
    for (let s = 0; s < OUT_SLOTS; s++) Atomics.notify(this.#ready, s);
    for (let c = 0; c < CELLS; c++) Atomics.notify(this.#copyPending, c);
  }

  #check(): void {
    if (this.failed) throw new Error('SHA-256 工作线程已停止（hash worker stopped）');
  }

  /** Whether `bytes` lie in the ring (a piece read into a slot). */
  holds(bytes: Uint8Array): boolean {
    return bytes.buffer === this.#data.buffer;
  }

  /** A free slot (none lent, all its pieces hashed), or null when every slot is lent. */
  acquire(): Slot | null {
    for (let k = 0; k < SLOTS; k++) {
      const index = (this.#next + k) % SLOTS;
      if (this.#lent[index]) continue;
      this.#next = index + 1;
      this.#lent[index] = true;
      this.#waitFree(index);
      return { index, bytes: this.#data.subarray(index * SLOT, (index + 1) * SLOT) };
    }
    return null;
  }

  release(slot: Slot): void {
    this.#lent[slot.index] = false;
  }

  #waitFree(index: number): void {
    for (;;) {
      const n = Atomics.load(this.#pending, index);
      if (n === 0) return;
      this.#check();
      Atomics.wait(this.#pending, index, n, 100);
    }
  }

  open(owner: object): number {
    const id = this.#nextId++;
    this.#dropped.register(owner, id, owner);
    return id;
  }

  update(id: number, bytes: Uint8Array): void {
    if (this.holds(bytes)) {
      // In place: split where the bytes cross from one slot into the next.
      for (let at = bytes.byteOffset, end = at + bytes.byteLength; at < end;) {
        const slot = Math.floor(at / SLOT);
        const n = Math.min(end, (slot + 1) * SLOT) - at;
        Atomics.add(this.#pending, slot, 1);
        this.#publish(UPDATE, id, at, n);
        at += n;
      }
      return;
    }
    // Bytes from elsewhere: copied into the next cell (in turn, once the worker has hashed what
    // it held), a cell's worth at a time.
    for (let i = 0; i < bytes.byteLength;) {
      const cell = this.#nextCell;
      this.#nextCell = (cell + 1) % CELLS;
      for (;;) {
        const n = Atomics.load(this.#copyPending, cell);
        if (n === 0) break;
        this.#check();
        Atomics.wait(this.#copyPending, cell, n, 100);
      }
      const n = Math.min(CELL, bytes.byteLength - i);
      // Buffer's copy (memmove): a typed array's `set` into shared memory copies with relaxed
      // atomics, measurably slower here.
      Buffer.from(bytes.buffer, bytes.byteOffset + i, n).copy(this.#copyBytes, cell * CELL);
      Atomics.add(this.#copyPending, cell, 1);
      this.#publish(UPDATE_COPY, id, cell * CELL, n);
      i += n;
    }
  }

  digest(id: number, owner: object): Uint8Array {
    this.#dropped.unregister(owner);
    const before = Atomics.load(this.#ctrl, DONE);
    this.#publish(DIGEST, id);
    while (Atomics.load(this.#ctrl, DONE) === before) {
      this.#check();
      Atomics.wait(this.#ctrl, DONE, before, 100);
    }
    return this.#result.slice(0, 32);
  }

  /** A ChaCha20-Poly1305 key for {@link seal}, forgotten by the worker when `owner` is collected. */
  key(owner: object, key: Uint8Array): number {
    const id = this.open(owner);
    const ints = new Int32Array(8);
    new Uint8Array(ints.buffer).set(key.subarray(0, 32));
    this.#publish(KEY, id, ...ints);
    return id;
  }

  /**
   * Hands the sealing of one chunk (`parts` in order, at most 64 KiB) to the worker: the sealed
   * chunk's place in the output ring, to be read only after {@link settle}; null when the next out
   * slot is still unwritten (the caller seals it itself). A last part that lies in one slot of the
   * ring is read there; the parts before it are copied into the out slot.
   */
  seal(id: number, nonce: Uint8Array, parts: readonly Uint8Array[]): Uint8Array | null {
    const slot = this.#outNext;
    if (this.#outJob[slot] !== 0 || nonce.byteLength !== 12) return null;
    let size = 0;
    for (const part of parts) size += part.byteLength;
    if (size > SEALED - TAG) return null;
    const last = parts.at(-1);
    const inRing =
      last !== undefined &&
      last.byteLength > 0 &&
      this.holds(last) &&
      Math.floor(last.byteOffset / SLOT) ===
        Math.floor((last.byteOffset + last.byteLength - 1) / SLOT);
    const at = slot * SEALED;
    let copied = 0;
    for (const part of inRing ? parts.slice(0, -1) : parts) {
      this.#out.set(part, at + copied);
      copied += part.byteLength;
    }
    const ints = new Int32Array(3);
    new Uint8Array(ints.buffer).set(nonce);
    const from = inRing ? last.byteOffset : 0;
    const length = inRing ? last.byteLength : 0;
    if (inRing) Atomics.add(this.#pending, Math.floor(from / SLOT), 1);
    this.#outJob[slot] = this.#publish(SEAL, id, ...ints, at, copied, from, length) + 1;
    this.#outNext = (slot + 1) % OUT_SLOTS;
    return this.#out.subarray(at, at + size + TAG);
  }

  /** Jobs given to the worker that it has not finished yet. */
  backlog(): number {
    return this.#head - Atomics.load(this.#ctrl, TAIL);
  }

  /** Whether the worker has sealed every chunk `bytes` (a run of out slots) covers, now. */
  sealedNow(bytes: Uint8Array): boolean {
    const first = Math.floor(bytes.byteOffset / SEALED);
    const last = Math.floor((bytes.byteOffset + bytes.byteLength - 1) / SEALED);
    for (let slot = first; slot <= last; slot++)
      if (Atomics.load(this.#ready, slot) !== (this.#outJob[slot] ?? 0)) return false;
    return true;
  }

  /** Whether `bytes` lie in the output ring (a chunk {@link seal} gave). */
  holdsSealed(bytes: Uint8Array): boolean {
    return bytes.buffer === this.#out.buffer;
  }

  /** Waits until the worker has sealed every chunk `bytes` (a run of out slots) covers. */
  settle(bytes: Uint8Array): void {
    const first = Math.floor(bytes.byteOffset / SEALED);
    const last = Math.floor((bytes.byteOffset + bytes.byteLength - 1) / SEALED);
    for (let slot = first; slot <= last; slot++) {
      const job = this.#outJob[slot] ?? 0;
      for (;;) {
        const n = Atomics.load(this.#ready, slot);
        if (n === job) break;
        this.#check();
        Atomics.wait(this.#ready, slot, n, 100);
      }
    }
  }

  /** The out slots `bytes` covers may be sealed into again (their chunks are written). */
  free(bytes: Uint8Array): void {
    const first = Math.floor(bytes.byteOffset / SEALED);
    const last = Math.floor((bytes.byteOffset + bytes.byteLength - 1) / SEALED);
    for (let slot = first; slot <= last; slot++) this.#outJob[slot] = 0;
  }

  /** Publishes a job: `fields` are Int32s after op and id. Returns its number. */
  #publish(op: number, id: number, ...fields: number[]): number {
    for (;;) {
      const tail = Atomics.load(this.#ctrl, TAIL);
      if (this.#head - tail < JOBS) break;
      this.#check();
      Atomics.wait(this.#ctrl, TAIL, tail, 100);
    }
    const j = (this.#head % JOBS) * JOB;
    this.#jobs[j] = op;
    this.#jobs[j + 1] = id;
    this.#jobs.set(fields, j + 2);
    const number = this.#head++;
    Atomics.store(this.#ctrl, HEAD, this.#head);
    if (Atomics.load(this.#ctrl, ASLEEP) === 1) Atomics.notify(this.#ctrl, HEAD);
    return number;
  }
}

let ring: HashRing | null = null;

/**
 * Starts the hashing thread, if not yet running, ahead of a job of `bytes` (a payload file, a
 * bundle file); below {@link HASH_WORKER_MIN} it does not pay for its start. Main and the CLI
 * both call it through `fileSource` and `openBundleFile`.
 */
export function startHashWorker(bytes: number): void {
  if (bytes >= HASH_WORKER_MIN && (!ring || ring.failed)) ring = new HashRing();
}

/** Jobs given to the worker so far (0 when it never ran): tests see that it was used. */
export const hashWorkerJobs = (): number => ring?.published ?? 0;

/** A slot of the running worker's ring to read a file into, or null (read into your own). */
export function acquireSlot(): Slot | null {
  return ring && !ring.failed ? ring.acquire() : null;
}

/** Gives a slot back once the reader is done with the piece in it. */
export function releaseSlot(slot: Slot): void {
  ring?.release(slot);
}

/** SHA-256, and CRC-32 if `crc`, fed incrementally: on the worker when the first bytes lie in its ring. */
export interface RingHasher {
  update(data: Uint8Array): void;
  digest(): { sha256: Uint8Array; crc32: number };
}

/**
 * `expected`: the bytes the caller will feed, when it knows (0: unknown). An input of at least
 * {@link COPY_MIN} is hashed on the worker even when its bytes are not in the ring (copied into
 * its cells: an opened bundle's large decrypted entries, issue 22); a smaller one, whose digest
 * would wait for the worker's queue, stays here.
 */
export function ringHasher(crc: boolean, expected = 0): RingHasher {
  let local: Hash | null = null;
  let remote: { ring: HashRing; id: number } | null = null;
  // The CRC-32 stays on this thread (zlib, ≈ 0.3 ms per MiB): the worker also seals, and is the
  // longer of the two threads when a bundle is built.
  let sum = 0;
  const hasher: RingHasher = {
    update: (data) => {
      if (crc) sum = crc32(data, sum);
      if (remote) return remote.ring.update(remote.id, data);
      if (!local) {
        if (ring && !ring.failed && (ring.holds(data) || expected >= COPY_MIN)) {
          remote = { ring, id: ring.open(hasher) };
          return remote.ring.update(remote.id, data);
        }
        local = createHash('sha256');
      }
      local.update(data);
    },
    digest: () => {
      if (remote) return { sha256: remote.ring.digest(remote.id, hasher), crc32: sum >>> 0 };
      const d = (local ?? createHash('sha256')).digest();
      return { sha256: new Uint8Array(d.buffer, d.byteOffset, d.byteLength), crc32: sum >>> 0 };
    },
  };
  return hasher;
}

/** Seals one age STREAM chunk on the worker: its place in the output ring, or null (seal it here). */
export type RingSeal = (nonce: Uint8Array, parts: readonly Uint8Array[]) => Uint8Array | null;

/**
 * Sealing under `key` on the running worker (null when it does not run): the ChaCha20-Poly1305
 * of age's 64 KiB payload chunks moves off this thread with the hashing (issue 22). What it gives
 * lies in the output ring and may be read only after {@link settleSealed}, then given back with
 * {@link freeSealed} once written.
 */
export function ringSeal(key: Uint8Array): RingSeal | null {
  const running = ring;
  if (!running || running.failed) return null;
  let id = 0;
  const seal: RingSeal = (nonce, parts) => (running.failed ? null : running.seal(id, nonce, parts));
  id = running.key(seal, key);
  return seal;
}

/** Whether `bytes` are a chunk (or a run of chunks) {@link ringSeal} gave. */
export function isSealed(bytes: Uint8Array): boolean {
  return ring !== null && ring.holdsSealed(bytes);
}

/** Jobs queued on the running worker and not yet done (0 when it does not run). */
export const workerBacklog = (): number => (ring && !ring.failed ? ring.backlog() : 0);

/**
 * Whether the worker has sealed `bytes` (chunks {@link ringSeal} gave) already: {@link settleSealed}
 * would not wait. True when the worker has stopped (settling then throws).
 */
export function isSettled(bytes: Uint8Array): boolean {
  return !ring || ring.failed || ring.sealedNow(bytes);
}

/** Waits until the worker has sealed `bytes` (chunks {@link ringSeal} gave). */
export function settleSealed(bytes: Uint8Array): void {
  ring?.settle(bytes);
}

/** Gives the output ring's slots under `bytes` back once they are written (or abandoned). */
export function freeSealed(bytes: Uint8Array): void {
  ring?.free(bytes);
}
