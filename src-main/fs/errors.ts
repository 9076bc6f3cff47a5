/**
 * Node's file-system errors as sentences a user can act on, in Chinese only (as every message a
 * user reads), naming the file or folder. Never the raw `ENOENT: no such file or directory, rename '…'` text, a stack
 * or a bare error code.
 */

/** The `code` of a Node system error (`ENOENT`, `EACCES`…), or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The file a Node error concerns (its `path`), or undefined. A temporary name of writeFileAtomic
 * (`.<name>.<pid>.<16 hex>.tmp`, see temporaryName) is given as the file it stands for.
 */
export function errorPath(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('path' in error)) return undefined;
  if (typeof error.path !== 'string') return undefined;
  const temporary = /^(.*[\\/])?\.(.+)\.\d+\.[0-9a-f]{16}\.tmp$/.exec(error.path);
  return temporary ? `${temporary[1] ?? ''}${temporary[2] ?? ''}` : error.path;
}

const SENTENCES: Readonly<Record<string, (name: string) => string>> = {
  ENOENT: (n) => `找不到 ${n}（或它所在的文件夹）。`,
  EEXIST: (n) => `已存在同名的文件或文件夹，未覆盖：${n}。`,
  EACCES: (n) => `没有权限读写 ${n}。`,
  EPERM: (n) => `系统不允许此操作：${n}。`,
  ENOSPC: (n) => `磁盘空间不足，${n} 未能写入。`,
  EDQUOT: (n) => `磁盘配额已满，${n} 未能写入。`,
  EROFS: (n) => `磁盘是只读的，无法写入 ${n}。`,
  EISDIR: (n) => `这里需要文件，却是文件夹：${n}。`,
  ENOTDIR: (n) => `路径中有一项不是文件夹：${n}。`,
  ENOTEMPTY: (n) => `文件夹 ${n} 不是空的。`,
  EBUSY: (n) => `文件正被其他程序占用，请稍后再试：${n}。`,
  EMFILE: (n) => `打开的文件过多，${n} 未能处理，请稍后再试。`,
  ENFILE: (n) => `打开的文件过多，${n} 未能处理，请稍后再试。`,
  EIO: (n) => `读写 ${n} 时磁盘出错。`,
  ENAMETOOLONG: (n) => `文件名过长：${n}。`,
  EXDEV: (n) => `不能跨磁盘移动 ${n}。`,
};

/**
 * A sentence for a file-system failure on `name` (a file or folder as the user knows it), or a
 * general one when the error is not a system error. `name` should already be what the user would
 * recognise (a label or a path), never a temporary name.
 */
export function describeFileError(error: unknown, name: string): string {
  const code = errorCode(error);
  const sentence = code === undefined ? undefined : SENTENCES[code];
  if (sentence) return sentence(name);
  return `读写 ${name} 时出错。`;
}
