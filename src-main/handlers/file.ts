import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { IpcError, MAX_FILE_BYTES } from '../../src-shared/ipc';
import type { HandlerMap } from './types';

/**
 * Saving and opening are dialogs in Electron. The web host has no dialogs: its renderer bridge
 * turns a save into a download and an open into a file input, so these handlers refuse there.
 */
export const fileHandlers: HandlerMap<'file:save' | 'file:open'> = {
  'file:save': async ({ bytes, suggestedName, filters }, host) => {
    if (!host.showSaveDialog)
      throw new IpcError('handler-failed', '此宿主没有保存对话框 no save dialog on this host');
    const path = await host.showSaveDialog(suggestedName, filters ?? []);
    if (path === null) return { canceled: true };
    await writeFile(path, bytes);
    return { canceled: false, name: basename(path) };
  },
  'file:open': async ({ filters, multiple }, host) => {
    if (!host.showOpenDialog)
      throw new IpcError('handler-failed', '此宿主没有打开对话框 no open dialog on this host');
    const paths = await host.showOpenDialog(filters, multiple ?? false);
    if (paths === null || paths.length === 0) return { canceled: true };
    const files = [];
    for (const path of paths) {
      const info = await stat(path);
      if (info.size > MAX_FILE_BYTES) {
        throw new IpcError(
          'handler-failed',
          `文件过大：${basename(path)}（${info.size} 字节） file too large`,
        );
      }
      files.push({ name: basename(path), bytes: new Uint8Array(await readFile(path)) });
    }
    const [first, ...rest] = files;
    if (!first) return { canceled: true };
    return { canceled: false, files: [first, ...rest] };
  },
};
