import { DEFAULT_LIMITS } from '../../src-shared/bundle/zip';
import { parseIdentityFile, type AgeKey } from '../../src-shared/crypto/age';
import { secretKeyFromPem } from '../../src-shared/crypto/keys';
import { boundedPath, readBounded } from './bounded';
import { CliUsageError, type CliOption } from './types';

/** Key, identity and passphrase files are a few hundred bytes; a bound well above that. */
export const KEY_FILE_BYTES = 1024 * 1024;

/** A small file (a key, an identity, a passphrase) through the bounded reader. */
export function readBytes(cwd: string, path: string, limit = KEY_FILE_BYTES): Promise<Uint8Array> {
  return readBounded(cwd, path, limit);
}

/**
 * The largest bundle file read: the archive's own bound (DEFAULT_LIMITS.maxTotalBytes, 1 GiB of
 * entries) plus age and ASCII-armor overhead (armor is 4/3 of the binary).
 */
export const MAX_BUNDLE_FILE_BYTES = Math.ceil(DEFAULT_LIMITS.maxTotalBytes * 1.4);

/** A bundle file's full path, refusing one that cannot be read or is past the bound, by name. */
export function bundleFilePath(cwd: string, path: string): Promise<string> {
  return boundedPath(cwd, path, MAX_BUNDLE_FILE_BYTES);
}

/** Reads a bundle file (or a task book's JSON), refusing one past the bound by name first. */
export function readBundleFile(cwd: string, path: string): Promise<Uint8Array> {
  return readBounded(cwd, path, MAX_BUNDLE_FILE_BYTES);
}

/** The options `ageKeys` reads, for a command that opens encrypted bundles. */
export const ageKeyOptions = {
  identity: { type: 'string', value: 'KEY', help: 'age identity file to decrypt with' },
  'passphrase-file': {
    type: 'string',
    value: 'F',
    help: 'file holding the passphrase to decrypt with',
  },
} satisfies Record<string, CliOption>;

/** Keys for decryption from --identity (age identity file) and --passphrase-file. */
export async function ageKeys(
  cwd: string,
  identity: string | undefined,
  passphraseFile: string | undefined,
): Promise<AgeKey[]> {
  const keys: AgeKey[] = [];
  if (identity !== undefined) {
    const text = new TextDecoder().decode(await readBytes(cwd, identity));
    const found = parseIdentityFile(text);
    if (found.length === 0) throw new CliUsageError(notAnIdentity(identity, text));
    keys.push(...found.map((k) => ({ identity: k })));
  }
  if (passphraseFile !== undefined)
    keys.push({ passphrase: await readPassphrase(cwd, passphraseFile) });
  return keys;
}

/** Why a file given as `--identity` holds no age identity, by what it holds instead. */
function notAnIdentity(path: string, text: string): string {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text))
    return `${path} 是签名私钥（Ed25519 PEM），不是 age 身份密钥（AGE-SECRET-KEY-1…）：解密请用 age 身份密钥文件 (a signing key, not an age identity)`;
  if (/-----BEGIN PUBLIC KEY-----/.test(text))
    return `${path} 是签名公钥（PEM），不是 age 身份密钥（AGE-SECRET-KEY-1…）：解密请用 age 身份密钥文件 (a public signing key, not an age identity)`;
  if (/^\s*age1[02-9ac-hj-np-z]{58}\s*$/m.test(text))
    return `${path} 是 age 接收方公钥（age1…），用于加密；解密需要与之配对的身份密钥（AGE-SECRET-KEY-1…） (a recipient, not the identity that decrypts)`;
  return `${path} 中没有 age 身份密钥（AGE-SECRET-KEY-1…）；若它是口令文件，请用 --passphrase-file (no age identity in this file; a passphrase file goes with --passphrase-file)`;
}

export async function readPassphrase(cwd: string, path: string): Promise<string> {
  const text = new TextDecoder().decode(await readBytes(cwd, path)).replace(/\r?\n$/, '');
  if (text.length === 0)
    throw new CliUsageError(`口令文件为空：${path} (the passphrase file is empty)`);
  if (/-----BEGIN [A-Z ]*KEY-----/.test(text))
    throw new CliUsageError(
      `${path} 是密钥文件（PEM），不是口令文件：口令文件只含一行口令 (a key file, not a passphrase file)`,
    );
  if (parseIdentityFile(text).length > 0)
    throw new CliUsageError(
      `${path} 是 age 身份密钥文件，不是口令文件：请用 --identity ${path} (an age identity: use --identity)`,
    );
  return text;
}

export async function readSigningKey(cwd: string, path: string): Promise<Uint8Array> {
  const key = secretKeyFromPem(new TextDecoder().decode(await readBytes(cwd, path)));
  if (!key) throw new CliUsageError(`${path} 不是 Ed25519 私钥（PKCS#8 PEM）`);
  return key;
}
