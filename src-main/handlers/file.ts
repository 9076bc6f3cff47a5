import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  fileTooLarge,
  formatBytes,
  IpcError,
  MAX_FILE_BYTES,
  MAX_MESSAGE_BYTES,
  type Progress,
} from '../../src-shared/ipc';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeFileError } from '../fs/errors';
import type { HandlerMap, HostServices } from './types';

/** Files are read in chunks of this size, with a progress event after each (writes: WRITE_CHUNK_BYTES). */
export const CHUNK_BYTES = 4 * 1024 * 1024;

function reporter(
  host: HostServices,
  task: string | undefined,
  phase: Progress['phase'],
  total: number,
) {
  return (done: number) => {
    if (task !== undefined) host.reportProgress?.({ task, phase, done, total });
  };
}

/** A file past the bound, refused in the words of every door (src-shared/io/file-size.ts). */
function tooLarge(path: string, size: number): IpcError {
  return new IpcError('handler-failed', fileTooLarge(basename(path), size));
}

/**
 * The files of one open travel back in one IPC message: each must fit, and so must their total
 * (MAX_MESSAGE_BYTES). Checked on the sizes before anything is read; the refusal names the limit.
 */
export function checkOpenSizes(paths: readonly string[], sizes: readonly number[]): void {
  for (const [i, path] of paths.entries()) {
    const size = sizes[i] ?? 0;
    if (size > MAX_FILE_BYTES) throw tooLarge(path, size);
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > MAX_MESSAGE_BYTES)
    throw new IpcError(
      'handler-failed',
      `所选 ${paths.length} 个文件共 ${formatBytes(total)}，超过一次打开的上限 ${formatBytes(MAX_MESSAGE_BYTES)}，请分批打开。` +
        ` The ${paths.length} files chosen come to ${formatBytes(total)}, over the limit of ${formatBytes(MAX_MESSAGE_BYTES)} for one open: open them in batches.`,
    );
}

/** Reads a whole file in chunks, reporting progress (bytes read / size). */
export async function readFileWithProgress(
  path: string,
  onProgress: (done: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) throw tooLarge(path, size);
    const bytes = new Uint8Array(size);
    let done = 0;
    onProgress(0);
    while (done < size) {
      const { bytesRead } = await handle.read(
        bytes,
        done,
        Math.min(CHUNK_BYTES, size - done),
        done,
      );
      if (bytesRead === 0)
        throw new IpcError('handler-failed', `文件在读取时被截断：${basename(path)}`);
      done += bytesRead;
      onProgress(done);
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * Saving and opening are dialogs in Electron. The web host has no dialogs: its renderer bridge
 * turns a save into a download and an open into a file input, so these handlers refuse there.
 */
export const fileHandlers: HandlerMap<'file:save' | 'file:open'> = {
  'file:save': async ({ bytes, suggestedName, filters, task }, host) => {
    if (!host.showSaveDialog) throw new IpcError('handler-failed', '此宿主没有保存对话框');
    const path = await host.showSaveDialog(suggestedName, filters ?? []);
    if (path === null) return { canceled: true };
    // Through a temporary file of its own (unique name, fsync, rename): two saves to one path at
    // once cannot collide, and the final name holds one of them whole.
    try {
      await writeFileAtomic(path, bytes, {
        onProgress: reporter(host, task, 'write', bytes.byteLength),
      });
    } catch (error) {
      throw new IpcError('handler-failed', describeFileError(error, basename(path)));
    }
    return { canceled: false, name: basename(path) };
  },
  'file:open': async ({ filters, multiple, task }, host) => {
    if (!host.showOpenDialog) throw new IpcError('handler-failed', '此宿主没有打开对话框');
    const paths = await host.showOpenDialog(filters, multiple ?? false);
    if (paths === null || paths.length === 0) return { canceled: true };
    const sizes = await Promise.all(paths.map(async (p) => (await stat(p)).size));
    checkOpenSizes(paths, sizes);
    const total = sizes.reduce((a, b) => a + b, 0);
    const report = reporter(host, task, 'read', total);
    const files = [];
    let before = 0;
    for (const [i, path] of paths.entries()) {
      const base = before;
      files.push({
        name: basename(path),
        bytes: await readFileWithProgress(path, (done) => report(base + done)),
      });
      before += sizes[i] ?? 0;
    }
    const [first, ...rest] = files;
    if (!first) return { canceled: true };
    return { canceled: false, files: [first, ...rest] };
  },
};
