/**
 * Bundles as files on disk, for main and the CLI (issue 22): built and opened as streams through
 * `node:crypto`, with bounded memory — a 100 MB bundle is never held whole. A file is read in
 * 1 MiB pieces into one reused buffer and the output written in pieces of the same size, each
 * with a blocking read or write on this thread: on a loaded machine every thread-pool round trip
 * is a wait for a core (measured: 4 MiB reads of a cached file averaging 75 ms each through the
 * pool), where the copy itself takes a millisecond. The event loop is given a turn after each
 * piece, so main keeps answering while a bundle is built. Large files are hashed on a second core
 * (./hash-worker.ts), read straight into its shared ring. The output goes under a temporary name renamed only when complete. Fresh
 * memory is what costs most on this kind of machine (touching 100 MB of new pages takes longer
 * than hashing and encrypting it): nothing here allocates in proportion to the file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import {
  buildBundleStream,
  openBundle,
  openBundleStream,
  type BuildInput,
  type BundleKind,
  type OpenOptions,
  type OpenResult,
  type PayloadFile,
  type PayloadSource,
  zipEndRefusal,
} from '../../src-shared/bundle';
import {
  acquireSlot,
  freeSealed,
  HASH_WORKER_MIN,
  isSealed,
  isSettled,
  releaseSlot,
  ringSeal,
  settleSealed,
  SLOT,
  startHashWorker,
  type Slot,
  workerBacklog,
} from './hash-worker';
import type { CryptoProvider } from '../../src-shared/crypto/provider';
import { minorGc } from './minor-gc';
import { nodeCrypto } from './node-crypto';
import { writeStreamAtomic } from '../fs/atomic-write';

/** One read or write: a slot of the hash worker's ring. */
const PIECE = SLOT;

/** One turn of the event loop (timers, I/O callbacks, IPC) between two pieces. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A file's bytes in 1 MiB pieces, read into one buffer: a piece is valid until the one after it
 * is asked for.
 */
async function* pieces(path: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, 'r');
  // Into a slot of the hash worker's ring when it runs (hashed there in place, ./hash-worker.ts).
  let slot: Slot | null = null;
  let own: Uint8Array | null = null;
  try {
    for (;;) {
      if (slot) releaseSlot(slot);
      slot = acquireSlot();
      const buffer = slot?.bytes ?? (own ??= new Uint8Array(PIECE));
      const read = readSync(fd, buffer, 0, PIECE, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
      await turn();
    }
  } finally {
    if (slot) releaseSlot(slot);
    closeSync(fd);
  }
}

/** A payload file on disk, read once when the bundle is built (hashed, encrypted, written). */
export async function fileSource(path: string): Promise<PayloadSource> {
  const { size } = await stat(path);
  // Hashed (SHA-256, CRC-32) on a second core while this one encrypts and writes.
  startHashWorker(size);
  return { size, chunks: () => pieces(path) };
}

/**
 * Jobs queued on the hash worker (a 1 MiB piece read is one hash job and 16 seal jobs) beyond which
 * {@link buildBundleFile} seals the next age chunk on this thread instead: 2 MiB of work, half the
 * read ring, so this thread neither waits for a slot to read into nor idles while the worker is
 * behind (issue 22: in a new process — every `jiebang pack` — the worker is the longer thread).
 */
const WORKER_BEHIND = 32;

/**
 * `nodeCrypto`, with age's payload chunks sealed on the hash worker while it runs (./hash-worker.ts):
 * `sealParts` then gives a chunk's place in the worker's output ring, which only
 * {@link buildBundleFile}'s writer reads (after `settleSealed`). Everything else — the header's
 * key wrapping, the last chunk, decryption — stays `nodeCrypto`'s, here and at once. With `own`,
 * a chunk is sealed here when the worker is behind ({@link WORKER_BEHIND}) or its output ring is
 * full, and what is sealed here is added to `own`: fresh buffers, which the writer may hold.
 * `behind`: whether the worker is behind now (its backlog past {@link WORKER_BEHIND}; a test
 * passes its own to mix both threads' chunks whatever the machine's speed).
 */
export function sealingOnWorker(
  own?: WeakSet<Uint8Array>,
  behind: () => boolean = () => workerBacklog() > WORKER_BEHIND,
): CryptoProvider {
  return {
    ...nodeCrypto,
    chacha20poly1305: (key) => {
      const aead = nodeCrypto.chacha20poly1305(key);
      const seal = ringSeal(key);
      if (!seal) return aead;
      return {
        ...aead,
        sealParts: (nonce, parts) => {
          const sealed = own && behind() ? null : seal(nonce, parts);
          if (sealed) return [sealed];
          const here = aead.sealParts(nonce, parts);
          for (const part of here) own?.add(part);
          return here;
        },
      };
    },
  };
}

/** Bytes of chunks sealed on this thread that the writer holds before it waits for the worker. */
const HELD_MAX = 4 * PIECE;

/** A piece of the output not yet written: a run of chunks in the worker's output ring, or held. */
interface Unwritten {
  bytes: Uint8Array;
  ring: boolean;
}

/**
 * Builds a bundle straight into the file `out` (written as `out.part`, renamed when complete; on
 * any error nothing is left). Payload files may be sources on disk ({@link fileSource}).
 * @throws {BundleBuildError} as `buildBundle` does.
 */
export async function buildBundleFile<K extends BundleKind>(
  input: Omit<BuildInput<K>, 'files' | 'crypto'> & { files?: ReadonlyMap<string, PayloadFile> },
  out: string,
): Promise<void> {
  // Small pieces (headers, age chunks sealed here) gathered into 1 MiB writes; chunks sealed on
  // the worker written straight from its output ring, a run of consecutive ones (up to 1 MiB) at
  // a time, in order with the chunks sealed here. This thread waits for the worker only when it
  // must: at the end, before a piece it does not own, and when it holds {@link HELD_MAX} of its
  // own chunks behind one the worker has not sealed — otherwise it reads and seals on. The file
  // is written whole or not at all (a unique temporary name, flushed, renamed: writeStreamAtomic).
  const unwritten: Unwritten[] = [];
  const own = new WeakSet<Uint8Array>();
  let held = 0;
  let run: Unwritten | null = null;
  try {
    await writeStreamAtomic(
      out,
      async (write) => {
        const buffer = new Uint8Array(PIECE);
        let gathered = 0;
        const flush = async () => {
          if (gathered > 0) await write(buffer.subarray(0, gathered));
          gathered = 0;
        };
        // A piece written before the sink returns (the source's own buffer when not encrypting).
        const gather = async (piece: Uint8Array) => {
          if (gathered + piece.length > PIECE) await flush();
          if (piece.length >= PIECE) return write(piece);
          buffer.set(piece, gathered);
          gathered += piece.length;
        };
        // Writes from the front while more than `keep` are unwritten; with `wait` false, stops at
        // a run the worker has not sealed yet unless this thread holds HELD_MAX of its own.
        const drain = async (keep: number, wait: boolean) => {
          for (let next = unwritten[0]; next && unwritten.length > keep; next = unwritten[0]) {
            if (next.ring) {
              if (!wait && held < HELD_MAX && !isSettled(next.bytes)) return;
              await flush();
              settleSealed(next.bytes);
              await write(next.bytes);
              freeSealed(next.bytes);
            } else {
              await gather(next.bytes);
              held -= next.bytes.byteLength;
            }
            if (run === next) run = null;
            unwritten.shift();
          }
        };
        await buildBundleStream({ ...input, crypto: sealingOnWorker(own) }, async (piece) => {
          if (isSealed(piece)) {
            const end = run ? run.bytes.byteOffset + run.bytes.byteLength : -1;
            if (
              run &&
              piece.byteOffset === end &&
              run.bytes.byteLength + piece.byteLength <= PIECE
            ) {
              run.bytes = new Uint8Array(
                piece.buffer,
                run.bytes.byteOffset,
                run.bytes.byteLength + piece.byteLength,
              );
              return;
            }
            run = { bytes: piece, ring: true };
            unwritten.push(run);
            // The runs before the one just begun are written while the worker seals this one.
            return drain(1, false);
          }
          run = null;
          if (own.has(piece)) {
            unwritten.push({ bytes: piece, ring: false });
            held += piece.byteLength;
            return drain(0, false);
          }
          await drain(0, true);
          return gather(piece);
        });
        await drain(0, true);
        await flush();
      },
      // The disk written from the first 32 MiB on, while the rest is encrypted (not all at the end).
      { blocking: true, flushEvery: 32 * 1024 * 1024 },
    );
  } finally {
    // On an error, the output ring's slots are given back once the worker is done with them.
    for (const { bytes, ring } of unwritten) {
      if (!ring) continue;
      try {
        settleSealed(bytes);
      } finally {
        freeSealed(bytes);
      }
    }
  }
}

/** Age chunks opened between two young-generation collections (32 × 64 KiB: 2 MiB). */
const OPENS_PER_GC = 32;

/**
 * `nodeCrypto`, with a young-generation collection after every {@link OPENS_PER_GC} age chunks
 * opened (./minor-gc.ts: each gives a fresh 64 KiB buffer; collected early, their pages are used
 * again instead of new ones faulted in). `nodeCrypto` itself where no collection is offered.
 */
export function collectingAsItOpens(gc: (() => void) | null): CryptoProvider {
  if (!gc) return nodeCrypto;
  return {
    ...nodeCrypto,
    chacha20poly1305: (key) => {
      const aead = nodeCrypto.chacha20poly1305(key);
      let opened = 0;
      return {
        ...aead,
        openParts: (nonce, parts) => {
          const plain = aead.openParts(nonce, parts);
          if (++opened % OPENS_PER_GC === 0) gc();
          return plain;
        },
      };
    },
  };
}

/** `length` bytes of the file at `path` from `offset` (fewer at its end). */
function readAt(path: string, offset: number, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(length);
    let at = 0;
    while (at < length) {
      const read = readSync(fd, bytes, at, length - at, offset + at);
      if (read === 0) break;
      at += read;
    }
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** The ZIP end-of-directory record with the longest comment: where a ZIP's end is looked for. */
const ZIP_TAIL = 22 + 65535;

/**
 * Opens and verifies the bundle file at `path` in one streaming pass (`openBundleStream`); a file
 * that pass does not accept — refused, armored, or holding what it cannot stream — is opened whole
 * by `openBundle`, whose result (the refusal and its message) is the one given. A file cut short
 * is refused before its body is read: a ZIP from its last 64 KiB (no end-of-directory record), an
 * age file from its header and its last chunk (which does not authenticate as the last), with the
 * refusal `openBundle` would give after reading it all.
 */
export async function openBundleFile(
  path: string,
  options: Omit<OpenOptions, 'crypto'>,
): Promise<OpenResult> {
  const { size } = await stat(path);
  const head = readAt(path, 0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const tail = readAt(path, Math.max(0, size - ZIP_TAIL), Math.min(size, ZIP_TAIL));
    const cut = zipEndRefusal(size, tail, options.limits);
    if (cut) return cut;
  }
  // The whole file's SHA-256 on a second core while this one decrypts and hashes the entries.
  startHashWorker(size);
  const streamed = await openBundleStream(pieces(path), {
    ...options,
    crypto: size >= HASH_WORKER_MIN ? collectingAsItOpens(minorGc()) : nodeCrypto,
    size,
    tail: { size, read: async (offset, length) => readAt(path, offset, length) },
  });
  if (streamed) return streamed;
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return await openBundle(bytes.subarray(0, at), { ...options, crypto: nodeCrypto });
  } finally {
    await handle.close();
  }
}
