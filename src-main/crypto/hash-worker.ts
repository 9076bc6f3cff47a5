/**
 * SHA-256 of large inputs on a second thread (issue 22): while main's thread encrypts a 100 MB
 * bundle (or decrypts and unzips one), a worker hashes the same bytes — the payload files' hashes
 * that SHA256SUMS lists, the whole file's hash of an opened bundle. Each byte is still hashed once,
 * by OpenSSL; the work is split over the machine's cores instead of queued on one.
 *
 * The bytes travel through a ring of shared memory (8 slots of 1 MiB): the caller copies each
 * update into the next free slot and goes on; the worker hashes the slots in order. `digest`
 * waits (Atomics.wait: the hasher's interface is synchronous) until the worker has hashed every
 * slot before it. The caller waits too when all slots are full (the worker is behind), so at most
 * 8 MiB are in flight. Hashers that stay small (≤ 256 KiB: manifests, signatures, keys) are
 * hashed on the caller's thread, and so is everything while the worker is not running: it is
 * started by {@link startHashWorker} ahead of a large job and used once it has started.
 */
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Hasher } from '../../src-shared/crypto/provider';

const SLOTS = 8;
const SLOT = 1024 * 1024;
/** A hasher given at most this many bytes is hashed on the calling thread. */
const SMALL = 256 * 1024;

/**
 * `ctrl` indices (Int32): slots published, slots hashed, digests done, started, failed, and
 * whether the worker is asleep (waiting for a slot): only then is it woken — a wake-up is a
 * system call, and on a loaded machine the waker can lose its core to the woken thread.
 */
const HEAD = 0;
const TAIL = 1;
const DONE = 2;
const READY = 3;
const FAILED = 4;
const ASLEEP = 5;
/** Slots published before a sleeping worker is woken (a command wakes it at once). */
const BATCH = 4;
/** Slot commands (`meta`: op, hasher id, length per slot). */
const UPDATE = 1;
const DIGEST = 2;
const DROP = 3;

/**
 * The worker, as CommonJS evaluated in the thread (no file to bundle or find at run time): hashes
 * each published slot into its hasher; a DIGEST writes the 32 bytes to `result`.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { ctrl, meta, data, result } = workerData;
const hashes = new Map();
let tail = 0;
try {
  Atomics.store(ctrl, ${READY}, 1);
  for (;;) {
    while (Atomics.load(ctrl, ${HEAD}) === tail) {
      Atomics.store(ctrl, ${ASLEEP}, 1);
      if (Atomics.load(ctrl, ${HEAD}) === tail) Atomics.wait(ctrl, ${HEAD}, tail, 1000);
      Atomics.store(ctrl, ${ASLEEP}, 0);
    }
    const s = tail % ${SLOTS};
    const op = meta[s * 3], id = meta[s * 3 + 1], len = meta[s * 3 + 2];
    let h = hashes.get(id);
    if (!h) hashes.set(id, (h = createHash('sha256')));
    if (op === ${UPDATE}) h.update(data.subarray(s * ${SLOT}, s * ${SLOT} + len));
    else {
      hashes.delete(id);
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

class HashRing {
  readonly #ctrl = new Int32Array(new SharedArrayBuffer(8 * 4));
  readonly #meta = new Int32Array(new SharedArrayBuffer(SLOTS * 3 * 4));
  readonly #data = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT));
  readonly #result = new Uint8Array(new SharedArrayBuffer(32));
  #head = 0;
  /** The slot being filled (not yet given to the worker): its hasher and length. */
  #open: { id: number; length: number } | null = null;
  #nextId = 1;
  readonly #dropped = new FinalizationRegistry<number>((id) => {
    if (!this.failed) this.#command(DROP, id);
  });

  constructor() {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ctrl: this.#ctrl, meta: this.#meta, data: this.#data, result: this.#result },
    });
    // Never keeps the process alive; a worker that fails leaves hashing to the caller's thread.
    worker.unref();
    worker.on('error', () => Atomics.store(this.#ctrl, FAILED, 1));
    worker.on('exit', () => Atomics.store(this.#ctrl, FAILED, 1));
  }

  get ready(): boolean {
    return Atomics.load(this.#ctrl, READY) === 1 && !this.failed;
  }

  get failed(): boolean {
    return Atomics.load(this.#ctrl, FAILED) === 1;
  }

  /** A new hasher's id; `owner` is the object whose collection drops it if never digested. */
  open(owner: object): number {
    const id = this.#nextId++;
    this.#dropped.register(owner, id, owner);
    return id;
  }

  update(id: number, bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      if (this.#open && this.#open.id !== id) this.#publish(UPDATE);
      if (!this.#open) {
        this.#waitForSlot();
        this.#open = { id, length: 0 };
      }
      const n = Math.min(SLOT - this.#open.length, bytes.length - i);
      this.#data.set(bytes.subarray(i, i + n), (this.#head % SLOTS) * SLOT + this.#open.length);
      this.#open.length += n;
      i += n;
      if (this.#open.length === SLOT) this.#publish(UPDATE);
    }
  }

  digest(id: number, owner: object): Uint8Array {
    this.#dropped.unregister(owner);
    const before = Atomics.load(this.#ctrl, DONE);
    this.#command(DIGEST, id);
    while (Atomics.load(this.#ctrl, DONE) === before) {
      this.#check();
      Atomics.wait(this.#ctrl, DONE, before, 100);
    }
    return new Uint8Array(this.#result);
  }

  #command(op: number, id: number): void {
    if (this.#open) this.#publish(UPDATE);
    this.#waitForSlot();
    this.#open = { id, length: 0 };
    this.#publish(op);
  }

  #publish(op: number): void {
    const open = this.#open;
    if (!open) return;
    const s = this.#head % SLOTS;
    this.#meta[s * 3] = op;
    this.#meta[s * 3 + 1] = open.id;
    this.#meta[s * 3 + 2] = open.length;
    this.#open = null;
    this.#head++;
    Atomics.store(this.#ctrl, HEAD, this.#head);
    const behind = this.#head - Atomics.load(this.#ctrl, TAIL);
    if ((op !== UPDATE || behind >= BATCH) && Atomics.load(this.#ctrl, ASLEEP) === 1)
      Atomics.notify(this.#ctrl, HEAD);
  }

  #waitForSlot(): void {
    for (;;) {
      const tail = Atomics.load(this.#ctrl, TAIL);
      if (this.#head - tail < SLOTS) return;
      this.#check();
      Atomics.notify(this.#ctrl, HEAD);
      Atomics.wait(this.#ctrl, TAIL, tail, 100);
    }
  }

  #check(): void {
    if (this.failed) throw new Error('SHA-256 worker thread stopped');
  }
}

let ring: HashRing | null = null;
let allowed = true;

/**
 * Whether this process may start the hashing thread (default: yes). A one-shot process (the
 * CLI's `pack` and `verify`) turns it off: a worker's start — a second V8 isolate and Node's
 * bootstrap, ≈ 0.3–0.4 s of CPU on a loaded machine — costs about what it saves on 100 MB, and the
 * CLI would pay it on every run (measured: `jiebang pack` of 100 MB 6.2–7.0 s without the worker,
 * 4.7–10.2 s with it, more CPU and ≈ 25 MB more peak RSS). A long-lived process pays it once.
 */
export function allowHashWorker(on: boolean): void {
  allowed = on;
}

/**
 * Starts the hashing thread, if allowed and not yet started, ahead of a large job (a payload file
 * or a bundle file of `bytes`); below 16 MiB it is not worth a thread. Hashers created once it is
 * running use it.
 */
export function startHashWorker(bytes: number): void {
  if (allowed && bytes >= 16 * 1024 * 1024 && (!ring || ring.failed)) ring = new HashRing();
}

/** Whether hashers created now use the worker (tests wait for it). */
export const hashWorkerReady = (): boolean => ring?.ready ?? false;

/** An incremental SHA-256: on the worker once it exceeds 256 KiB and the worker runs. */
export function sha256Hasher(): Hasher {
  let local: Hash | null = null;
  let remote: { ring: HashRing; id: number } | null = null;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  const hasher: Hasher = {
    update: (data) => {
      if (remote) return remote.ring.update(remote.id, data);
      if (local) return void local.update(data);
      if (heldBytes + data.byteLength <= SMALL) {
        held.push(data.slice());
        heldBytes += data.byteLength;
        return;
      }
      if (ring?.ready) {
        remote = { ring, id: ring.open(hasher) };
        for (const part of held) remote.ring.update(remote.id, part);
        remote.ring.update(remote.id, data);
      } else {
        local = createHash('sha256');
        for (const part of held) local.update(part);
        local.update(data);
      }
      held = [];
    },
    digest: () => {
      if (remote) return remote.ring.digest(remote.id, hasher);
      if (!local) {
        local = createHash('sha256');
        for (const part of held) local.update(part);
      }
      const d = local.digest();
      return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
    },
  };
  return hasher;
}
