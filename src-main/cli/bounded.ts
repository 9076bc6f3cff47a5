/**
 * The CLI's bounded file reads: a file's size is checked against its stated bound before a byte
 * is read, and every failure is a sentence naming the file as the user gave it (missing, a
 * folder, no permission, too large). Apart from io.ts (the sheet, JSON and workbook readers), so
 * that the bundle commands load no more than this (issue 22).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sizeProblem } from '../../src-shared/io';
import { emptyFile, fileTooLarge, MAX_FILE_BYTES } from '../../src-shared/io/file-size';
import { describeFileError } from '../fs/errors';
import { CliUsageError } from './types';

/**
 * A file's full path once it is known to be a readable file within `limit` bytes; an empty name,
 * a folder, a missing file or one past the bound refused by name (`CliUsageError`).
 */
export async function boundedPath(
  cwd: string,
  path: string,
  limit: number,
  tooLarge: (name: string, size: number) => string = (name, size) =>
    sizeProblem(name, size, limit) ?? '',
): Promise<string> {
  if (path.trim() === '') throw new CliUsageError('文件名为空：请给出文件的路径。');
  const full = resolve(cwd, path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
    if (info.size === 0) throw new CliUsageError(emptyFile(path));
    if (info.size > limit) throw new CliUsageError(tooLarge(path, info.size));
    return full;
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(describeFileError(error, path));
  }
}

/** Reads a whole file within `limit` bytes (see boundedPath for what is refused). */
export async function readBounded(
  cwd: string,
  path: string,
  limit: number,
  tooLarge?: (name: string, size: number) => string,
): Promise<Uint8Array> {
  const full = await boundedPath(cwd, path, limit, tooLarge);
  try {
    return new Uint8Array(await readFile(full));
  } catch (error) {
    throw new CliUsageError(describeFileError(error, path));
  }
}

/**
 * The largest bundle file read: the app's bound on one file (MAX_FILE_BYTES, 256 MB — what the
 * desktop app and the web host open), refused in their words, so a file is refused alike at every
 * door, from its size before it is read.
 */
export const MAX_BUNDLE_FILE_BYTES = MAX_FILE_BYTES;

/** A bundle file's full path, refusing one that cannot be read or is past the bound, by name. */
export function bundleFilePath(cwd: string, path: string): Promise<string> {
  return boundedPath(cwd, path, MAX_BUNDLE_FILE_BYTES, fileTooLarge);
}

/** Reads a bundle file (or a task book's JSON), refusing one past the bound by name first. */
export function readBundleFile(cwd: string, path: string): Promise<Uint8Array> {
  return readBounded(cwd, path, MAX_BUNDLE_FILE_BYTES, fileTooLarge);
}
