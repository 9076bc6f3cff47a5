/**
 * The one way main writes a file it keeps (profiles and their wrapped keys, key files, rendered
 * output): the bytes go to a temporary file with a name no other writer can share, are flushed to
 * the disk (fsync), and only then take the final name by rename, after which the directory is
 * flushed too (where the platform allows it). A crash, a full disk or a second writer at the same
 * moment leaves either the old file or the new one under the final name — never half of one, never
 * a mixture — and concurrent writers can neither collide on a temporary name nor lose each other's
 * rename (the last rename wins, whole).
 *
 * Own code rather than `write-file-atomic`: that library flushes the file but not the directory
 * and has no exclusive mode (which `keygen` needs: an existing key is never overwritten).
 *
 * Errors are Node's own (`ENOSPC`, `EACCES`…); callers turn them into a sentence with
 * `describeFileError` (./errors.ts). On any failure the temporary file is removed.
 */
import { randomBytes } from 'node:crypto';
import {
  link,
  mkdir,
  mkdtemp,
  open,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
} from 'node:fs/promises';
import { writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { errorCode } from './errors';
import { inFlight, madeParents, removeEmptyParentsSync } from './unfinished-writes';

export { removeUnfinishedWrites } from './unfinished-writes';

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0o644; 0o600 for secrets). */
  mode?: number;
  /**
   * `false`: refuse (EEXIST) when the final name already exists, atomically where the file system
   * has hard links; on one without (FAT/exFAT USB sticks) an existence check just before the
   * rename stands in. Default `true`: replace it.
   */
  overwrite?: boolean;
  /** Called with the bytes written so far, after each chunk (for a progress bar on large files). */
  onProgress?: (done: number) => void;
  /**
   * Write each piece with a blocking `writeSync` on the calling thread instead of the thread
   * pool: for a producer that gives few, large pieces and works between them (a bundle being
   * built), where each thread-pool round trip costs a wait for a core on a loaded machine.
   */
  blocking?: boolean;
  /**
   * Start flushing to the disk (`fdatasync` on the thread pool, not awaited) each time this many
   * more bytes are written, so the disk writes a large file while the producer works on the rest
   * and the final fsync has only the tail left (a 100 MB bundle: that fsync was ≈ 0.1 s of wall
   * after all the work, issue 22). The same durability: the final fsync still comes before the
   * rename.
   */
  flushEvery?: number;
}

/** Large files are written in chunks of this size when progress is reported. */
export const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;

/** Temporary names: hidden, in the same directory (rename never crosses a file system), unique. */
export function temporaryName(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`,
  );
}

/** Windows reports a target briefly held open (an indexer, an antivirus) as EPERM/EACCES/EBUSY. */
const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (process.platform !== 'win32' || !code || !TRANSIENT_ON_WINDOWS.has(code) || attempt >= 8)
        throw error;
      await new Promise((done) => setTimeout(done, 25 * attempt));
    }
  }
}

/** Moves `tmp` to `path` only if nothing is there yet (EEXIST otherwise). */
async function moveExclusive(tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path);
    await unlink(tmp);
    return;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') throw error;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw error;
  }
  // No hard links on this file system: check, then rename.
  const existing = await stat(path).then(
    () => true,
    () => false,
  );
  if (existing)
    throw Object.assign(new Error(`EEXIST: file already exists, ${path}`), { code: 'EEXIST' });
  await renameWithRetry(tmp, path);
}

/** Flushes a directory's entries (the rename) to disk; not possible on Windows, nor on some FS. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = errorCode(error);
    // Some file systems (and some network mounts) cannot fsync a directory: the rename stands.
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP')
      throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes what `produce` hands to its `write`, piece by piece (a bundle as it is made), to `path`
 * atomically and durably (see the module comment); if `produce` throws, nothing is left behind.
 * The directory must exist. Throws Node's error (with its `code`) or `produce`'s.
 */
export async function writeStreamAtomic(
  path: string,
  produce: (write: (piece: Uint8Array) => Promise<void>) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const tmp = temporaryName(path);
  const handle = await open(tmp, 'wx', options.mode ?? 0o644);
  inFlight.add(tmp);
  try {
    try {
      let done = 0;
      let flushedAt = 0;
      let flushing: Promise<void> | null = null;
      let flushError: unknown = null;
      options.onProgress?.(0);
      await produce(async (piece) => {
        for (let at = 0; at < piece.byteLength;) {
          const length = Math.min(WRITE_CHUNK_BYTES, piece.byteLength - at);
          const { bytesWritten } = options.blocking
            ? { bytesWritten: writeSync(handle.fd, piece, at, length) }
            : await handle.write(piece, at, length);
          at += bytesWritten;
          done += bytesWritten;
          options.onProgress?.(done);
        }
        if (options.flushEvery && !flushing && done - flushedAt >= options.flushEvery) {
          flushedAt = done;
          flushing = handle.datasync().then(
            () => void (flushing = null),
            (error: unknown) => {
              flushing = null;
              flushError ??= error;
            },
          );
        }
      });
      await flushing;
      // A disk error seen by an early flush may be reported once only: it is not lost.
      if (flushError) throw flushError;
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite === false) await moveExclusive(tmp, path);
    else await renameWithRetry(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(tmp);
  }
  await syncDirectory(dirname(path));
}

/**
 * Writes `data` to `path` atomically and durably (see the module comment). The directory must
 * exist. Throws Node's error (with its `code`) and leaves no temporary file behind.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return writeStreamAtomic(path, (write) => write(bytes), options);
}

/** A Node-style error with a `code` and the `path` it concerns, for `describeFileError`. */
function codedError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/** Refuses a folder target that exists as a file (EEXIST) or holds anything (ENOTEMPTY). */
async function checkFolderTarget(path: string): Promise<boolean> {
  const existing = await stat(path).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  });
  if (existing === null) return false;
  if (!existing.isDirectory()) throw codedError('EEXIST', path);
  if ((await readdir(path)).length > 0) throw codedError('ENOTEMPTY', path);
  return true;
}

/**
 * Writes a new folder `path` holding `files` (relative names, `/`-separated) whole or not at all:
 * the files go into a fresh temporary folder beside it (each through `writeFileAtomic`: flushed),
 * which then takes the final name by one rename, and the parent folder is flushed. `path` must not
 * exist or be an empty folder (then it is replaced): a file there is refused with EEXIST, a folder
 * with anything in it with ENOTEMPTY, before a byte is written. A name that would land outside
 * `path` is refused (EINVAL). On any failure the temporary folder, and any parent folders created
 * for it, are removed: nothing is left behind. Errors are Node's own, with `code` and `path`.
 */
export async function writeFolderAtomic(
  path: string,
  files: Iterable<readonly [string, Uint8Array]>,
): Promise<void> {
  const target = resolve(path);
  const parent = dirname(target);
  const replacesEmpty = await checkFolderTarget(target);
  const firstCreated = await mkdir(parent, { recursive: true });
  let tmp: string | undefined;
  try {
    tmp = await mkdtemp(join(parent, `.${basename(target)}.${process.pid}.`));
    inFlight.add(tmp);
    if (firstCreated !== undefined) madeParents.set(tmp, [parent, firstCreated]);
    for (const [name, data] of files) {
      const file = resolve(tmp, name);
      if (!file.startsWith(tmp + sep)) throw codedError('EINVAL', name);
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, data);
    }
    try {
      await renameWithRetry(tmp, target);
    } catch (error) {
      // Windows renames no folder onto another, even an empty one: remove the empty one first
      // (rmdir refuses if anything arrived in it meanwhile).
      if (!replacesEmpty) throw error;
      await rmdir(target);
      await renameWithRetry(tmp, target);
    }
    inFlight.delete(tmp);
    madeParents.delete(tmp);
  } catch (error) {
    if (tmp !== undefined) {
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      inFlight.delete(tmp);
      madeParents.delete(tmp);
    }
    // Remove the parents made for it, innermost first, while they are empty.
    if (firstCreated !== undefined) removeEmptyParentsSync(parent, firstCreated);
    throw error;
  }
  await syncDirectory(parent);
}
