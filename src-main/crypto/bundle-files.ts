/**
 * Bundles as files on disk, for main and the CLI (issue 22): built and opened as streams through
 * `node:crypto`, with bounded memory — a 100 MB bundle is never held whole. A file is read in
 * 4 MiB pieces into two reused buffers, the next piece read while the last is hashed and
 * encrypted (on a loaded machine each read is a thread-pool round trip: fewer, larger, and
 * overlapped with the work); the output is written as it is made, in pieces of the same size,
 * under a temporary name renamed only when complete. Fresh memory is what costs most on this kind of machine
 * (touching 100 MB of new pages takes longer than hashing and encrypting it): nothing here
 * allocates in proportion to the file.
 */
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
} from '../../src-shared/bundle';
import { nodeCrypto } from './node-crypto';
import { writeStreamAtomic } from '../fs/atomic-write';

const PIECE = 4 * 1024 * 1024;

/**
 * A file's bytes in 4 MiB pieces, from two buffers in turn: while the caller works on one piece
 * the next is being read into the other. A piece is valid until the one after it is asked for.
 */
async function* pieces(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  const buffers = [new Uint8Array(PIECE), new Uint8Array(PIECE)] as const;
  let turn = 0;
  const readInto = (buffer: Uint8Array) =>
    handle.read(buffer, 0, PIECE, null).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  let next: Promise<Uint8Array> | null = readInto(buffers[0]);
  try {
    while (next) {
      const piece = await next;
      if (piece.length === 0) return;
      turn ^= 1;
      // The other buffer's piece was given out before this one: the caller is done with it.
      next = readInto(turn ? buffers[1] : buffers[0]);
      yield piece;
    }
  } finally {
    // Settle a read still under way before the handle closes.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/** A payload file on disk, read once when the bundle is built (hashed, encrypted, written). */
export async function fileSource(path: string): Promise<PayloadSource> {
  const { size } = await stat(path);
  return { size, chunks: () => pieces(path) };
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
  // Small pieces (headers, age chunks) gathered into 4 MiB writes, two buffers in turn: one is
  // written while the other fills (at most one write under way); the file is written whole or
  // not at all (a unique temporary name, flushed, renamed: writeStreamAtomic).
  await writeStreamAtomic(out, async (write) => {
    const buffers = [new Uint8Array(PIECE), new Uint8Array(PIECE)] as const;
    let turn = 0;
    let held = 0;
    let writing: Promise<void> = Promise.resolve();
    const settle = async () => {
      const last = writing;
      writing = Promise.resolve();
      await last;
    };
    const flush = async () => {
      if (held === 0) return;
      await settle();
      writing = write((turn ? buffers[1] : buffers[0]).subarray(0, held));
      // Awaited by the next flush or at the end; marked handled so that a failure in between
      // (the build refusing) is not also reported as unhandled.
      writing.catch(() => undefined);
      turn ^= 1;
      held = 0;
    };
    await buildBundleStream({ ...input, crypto: nodeCrypto }, async (piece) => {
      if (piece.length >= PIECE) {
        // The source's own buffer: written before the sink returns (the source reuses it).
        await flush();
        await settle();
        await write(piece);
        return;
      }
      if (held + piece.length > PIECE) await flush();
      (turn ? buffers[1] : buffers[0]).set(piece, held);
      held += piece.length;
    });
    await flush();
    await settle();
  });
}

/**
 * Opens and verifies the bundle file at `path` in one streaming pass (`openBundleStream`); a file
 * that pass does not accept — refused, armored, or holding what it cannot stream — is opened whole
 * by `openBundle`, whose result (the refusal and its message) is the one given.
 */
export async function openBundleFile(
  path: string,
  options: Omit<OpenOptions, 'crypto'>,
): Promise<OpenResult> {
  const { size } = await stat(path);
  const streamed = await openBundleStream(pieces(path), { ...options, crypto: nodeCrypto, size });
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
