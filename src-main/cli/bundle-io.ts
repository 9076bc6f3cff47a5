import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_LIMITS } from '../../src-shared/bundle/zip';
import { parseIdentityFile, type AgeKey } from '../../src-shared/crypto/age';
import { secretKeyFromPem } from '../../src-shared/crypto/keys';
import { CliUsageError } from './types';

export async function readBytes(cwd: string, path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(cwd, path)));
  } catch {
    throw new CliUsageError(`无法读取文件 cannot read: ${path}`);
  }
}

/**
 * The largest bundle file read: the archive's own bound (DEFAULT_LIMITS.maxTotalBytes, 1 GiB of
 * entries) plus age and ASCII-armor overhead (armor is 4/3 of the binary).
 */
export const MAX_BUNDLE_FILE_BYTES = Math.ceil(DEFAULT_LIMITS.maxTotalBytes * 1.4);

/** A bundle file's full path, refusing one that cannot be read or is past the bound, by name. */
export async function bundleFilePath(cwd: string, path: string): Promise<string> {
  const full = resolve(cwd, path);
  let size: number;
  try {
    size = (await stat(full)).size;
  } catch {
    throw new CliUsageError(`无法读取文件 cannot read: ${path}`);
  }
  if (size > MAX_BUNDLE_FILE_BYTES)
    throw new CliUsageError(
      `${path} 过大（${size} 字节，上限 ${MAX_BUNDLE_FILE_BYTES} 字节），不是揭榜评审台的文件包`,
    );
  return full;
}

/** Reads a bundle file, refusing one past the bound by name before reading it. */
export async function readBundleFile(cwd: string, path: string): Promise<Uint8Array> {
  await bundleFilePath(cwd, path);
  return readBytes(cwd, path);
}

/** Keys for decryption from --identity (age identity file) and --passphrase-file. */
export async function ageKeys(
  cwd: string,
  identity: string | undefined,
  passphraseFile: string | undefined,
): Promise<AgeKey[]> {
  const keys: AgeKey[] = [];
  if (identity !== undefined) {
    const found = parseIdentityFile(new TextDecoder().decode(await readBytes(cwd, identity)));
    if (found.length === 0)
      throw new CliUsageError(`${identity} 中没有 age 身份密钥（AGE-SECRET-KEY-1…）`);
    keys.push(...found.map((k) => ({ identity: k })));
  }
  if (passphraseFile !== undefined)
    keys.push({ passphrase: await readPassphrase(cwd, passphraseFile) });
  return keys;
}

export async function readPassphrase(cwd: string, path: string): Promise<string> {
  const text = new TextDecoder().decode(await readBytes(cwd, path)).replace(/\r?\n$/, '');
  if (text.length === 0) throw new CliUsageError(`口令文件为空：${path}`);
  return text;
}

export async function readSigningKey(cwd: string, path: string): Promise<Uint8Array> {
  const key = secretKeyFromPem(new TextDecoder().decode(await readBytes(cwd, path)));
  if (!key) throw new CliUsageError(`${path} 不是 Ed25519 私钥（PKCS#8 PEM）`);
  return key;
}
