/**
 * The bureau's data folder (./bureau-data.ts, which re-exports all of this): where it is, a file
 * written into it whole, the import policy's state (trust.json) and the signing counter kept there.
 * Apart from the rest of the folder (rounds, kept packages, calendars) so that the commands that
 * sign — `jiebang pack` among them — do not load the review records' and decisions' schemas and
 * checks they never use (issue 22: every module a command imports is loaded at each start).
 */
import { homedir } from 'node:os';
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { emptyTrust, TrustStateSchema, type TrustState } from '../../src-shared/bundle';
import { readJson } from '../../src-shared/io';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeFileError } from '../fs/errors';
import { defaultDataDir } from '../web/settings';
import { readBytes } from './bundle-io';
import { signingCounter, type SigningCounter } from './counter';
import { CliUsageError } from './types';

export interface BureauData {
  dir: string;
}

/** The data folder from `--data`, `JIEBANG_BUREAU_DIR`, or the user's data directory. */
export function bureauData(cwd: string, flag: string | undefined): BureauData {
  const fromEnv = process.env['JIEBANG_BUREAU_DIR'];
  const dir =
    flag !== undefined
      ? resolve(cwd, flag)
      : fromEnv
        ? resolve(fromEnv)
        : join(defaultDataDir(process.platform, process.env, homedir()), 'bureau');
  return { dir };
}

export async function writeData(
  data: BureauData,
  parts: string[],
  bytes: Uint8Array | string,
): Promise<void> {
  const path = join(data.dir, ...parts);
  try {
    await mkdir(join(data.dir, ...parts.slice(0, -1)), { recursive: true });
    await writeFileAtomic(path, bytes);
  } catch (error) {
    throw new CliUsageError(describeFileError(error, path));
  }
}

export async function listData(data: BureauData, parts: string[]): Promise<string[]> {
  try {
    return (await readdir(join(data.dir, ...parts))).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return [];
  }
}

/** A document as the folder keeps it: indented JSON, one newline at the end. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The import policy's state kept in the folder (nothing pinned yet when there is none). */
export async function readTrust(data: BureauData): Promise<TrustState> {
  const path = join(data.dir, 'trust.json');
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(data.dir, 'trust.json');
  } catch {
    return emptyTrust();
  }
  const read = readJson(bytes, path);
  if (!read.ok) throw new CliUsageError(read.message);
  const parsed = TrustStateSchema.safeParse(read.value);
  if (!parsed.success)
    throw new CliUsageError(`${path} 已损坏（不是本程序写入的信任状态），未作任何更改`);
  const { pkg: _pkg, packageManifestSha256: _manifest, ...rest } = parsed.data;
  return rest;
}

export const writeTrust = (data: BureauData, trust: TrustState): Promise<void> => {
  const { pkg: _pkg, packageManifestSha256: _manifest, ...rest } = trust;
  return writeData(data, ['trust.json'], json(rest));
};

/** The next counter for a signing key: above every bundle it signed from this folder. */
export const nextCounter = (
  data: BureauData,
  trust: TrustState,
  fp: string,
  flag: string | undefined,
): SigningCounter =>
  signingCounter(flag, trust.counters[fp], `数据目录 ${data.dir} 中没有此签名密钥的计数记录`);
