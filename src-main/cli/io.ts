import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliUsageError } from './types';

/** Reads and parses a JSON file, with errors that name the file. */
export async function readJsonFile(cwd: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch {
    throw new CliUsageError(`无法读取文件 cannot read: ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(
      `不是有效的 JSON invalid JSON in ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export async function readTextFile(cwd: string, path: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch {
    throw new CliUsageError(`无法读取文件 cannot read: ${path}`);
  }
}
