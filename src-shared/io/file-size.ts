/**
 * The bound on one file the product opens, and its refusal — one sentence at every door (the
 * desktop app's open dialog in main, the web host's file input, `jiebang verify`, `import`…),
 * given from the file's size (its stat, a `File`'s size) before a byte of it is read. No imports:
 * the CLI's bundle commands and the first screen load it for nothing.
 */

/**
 * The most bytes one IPC message carries (a file to save or print, the files of one open). Electron
 * serialises a message in one buffer, and one of 2^29 bytes crashes the app (electron/electron
 * #53961): the cap stays at half that. Larger files are refused by name with this limit.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** The largest file the app opens or saves: one message's worth (the CLI holds to it too). */
export const MAX_FILE_BYTES = MAX_MESSAGE_BYTES;

/** A byte count as people read it: "256 MB" (MiB, as file managers show it). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${bytes} 字节`;
}

/** The refusal of the file `name` of `size` bytes, past MAX_FILE_BYTES: what it is and what to do. */
export const fileTooLarge = (name: string, size: number): string =>
  `${name} 有 ${formatBytes(size)}，超过单个文件 ${formatBytes(MAX_FILE_BYTES)} 的上限，未读取：` +
  '请确认选对了文件（评审包、评分表等文件包都远小于此）；如确是需要的文件包，请发件方减少或压缩附件后重新导出';

/** The refusal of a file past the bound, or null when it is within (check before reading it). */
export const fileSizeProblem = (name: string, size: number): string | null =>
  size > MAX_FILE_BYTES ? fileTooLarge(name, size) : null;

/**
 * The refusal of a file of 0 bytes — a copy that did not finish, a download cut off — at every
 * door, before it is taken for what it is not (「既非 ZIP 也非 age 加密文件」, 「没有表头」).
 */
export const emptyFile = (name?: string): string =>
  `${name ? `${name}：` : ''}文件是空的（0 字节），请从U盘或原发送方重新复制该文件`;
