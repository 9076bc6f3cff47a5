import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AGE_RECIPIENT, parseIdentityFile, type AgeKey } from '../../src-shared/crypto/age';
import { KEY_FILE_LABEL, keyFileKind, type KeyFileKind } from '../../src-shared/crypto/key-file';
import { publicKeyFromPem, secretKeyFromPem } from '../../src-shared/crypto/keys';
import { readBounded } from './bounded';
import { CliUsageError, type CliOption } from './types';

/** Key, identity and passphrase files are a few hundred bytes; a bound well above that. */
export const KEY_FILE_BYTES = 1024 * 1024;

/** A small file (a key, an identity, a passphrase) through the bounded reader. */
export function readBytes(cwd: string, path: string, limit = KEY_FILE_BYTES): Promise<Uint8Array> {
  return readBounded(cwd, path, limit);
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
    const bytes = await readBytes(cwd, identity);
    const found = parseIdentityFile(new TextDecoder().decode(bytes));
    if (found.length === 0) throw new CliUsageError(notAnIdentity(identity, keyFileKind(bytes)));
    keys.push(...found.map((k) => ({ identity: k })));
  }
  if (passphraseFile !== undefined)
    keys.push({ passphrase: await readPassphrase(cwd, passphraseFile, 'decrypt') });
  return keys;
}

/**
 * `是签名公钥（Ed25519 PEM），不是…`: the kind the detector found, named (a space between 是 and a
 * label that starts in Latin letters: 「是 age 接收方公钥」).
 */
function wrongKind(path: string, kind: KeyFileKind, wanted: string): string {
  const label = KEY_FILE_LABEL[kind];
  return `${path} 是${/^[A-Za-z]/.test(label) ? ' ' : ''}${label}，不是${wanted}`;
}

/** Why a file given as `--identity` holds no age identity, by what it holds instead. */
function notAnIdentity(path: string, kind: KeyFileKind): string {
  switch (kind) {
    case 'age-recipient':
      return `${path} 是 age 接收方公钥（age1…），用于加密；解密需要与之配对的身份密钥（AGE-SECRET-KEY-1…）`;
    case 'passphrase':
    case 'empty':
    case 'other':
      return `${path} 中没有 age 身份密钥（AGE-SECRET-KEY-1…）；若它是口令文件，请用 --passphrase-file`;
    default:
      return wrongKind(path, kind, ' age 身份密钥（AGE-SECRET-KEY-1…）：解密请用 age 身份密钥文件');
  }
}

/**
 * A passphrase file: its one line of text (a trailing line end dropped). A key file of any kind is
 * named as what it is; for decryption (`--passphrase-file` beside `--identity`) an identity or a
 * recipient is pointed to `--identity`.
 */
export async function readPassphrase(
  cwd: string,
  path: string,
  use: 'decrypt' | 'encrypt',
): Promise<string> {
  const bytes = await readBytes(cwd, path);
  const kind = keyFileKind(bytes);
  const wanted = '口令文件：口令文件只含一行口令';
  switch (kind) {
    case 'empty':
      throw new CliUsageError(`口令文件为空：${path}`);
    case 'passphrase':
    case 'other':
      return new TextDecoder().decode(bytes).replace(/\r?\n$/, '');
    case 'age-identity':
      throw new CliUsageError(
        use === 'decrypt'
          ? `${path} 是 age 身份密钥文件，不是口令文件：请用 --identity ${path}`
          : wrongKind(path, kind, wanted),
      );
    case 'age-recipient':
      throw new CliUsageError(
        use === 'decrypt'
          ? `${path} 是 age 接收方公钥（age1…），用于加密，不是口令文件：解密需要与之配对的身份密钥（AGE-SECRET-KEY-1…），请用 --identity 给出`
          : wrongKind(path, kind, wanted),
      );
    default:
      throw new CliUsageError(wrongKind(path, kind, wanted));
  }
}

/**
 * A PEM key file read by `parse`; any other key file named as what it is (`keyFileKind`), else
 * said not to be `wanted`.
 */
async function readPemKey(
  cwd: string,
  path: string,
  parse: (pem: string) => Uint8Array | null | undefined,
  wanted: string,
): Promise<Uint8Array> {
  const bytes = await readBytes(cwd, path);
  const key = parse(new TextDecoder().decode(bytes));
  if (key) return key;
  const kind = keyFileKind(bytes);
  throw new CliUsageError(
    kind === 'other' ? `${path} 不是${wanted}` : wrongKind(path, kind, wanted),
  );
}

/** `--key` (and `key rotate --old/--new`): the Ed25519 signing key, PKCS#8 PEM as keygen writes it. */
export function readSigningKey(cwd: string, path: string): Promise<Uint8Array> {
  return readPemKey(
    cwd,
    path,
    secretKeyFromPem,
    ' Ed25519 签名私钥（PKCS#8 PEM）：签名请用 jiebang keygen 生成的 signing.key',
  );
}

/** `--bureau-key`: the bureau's Ed25519 public key, SPKI PEM (`signing.pub`). */
export function readPublicKey(cwd: string, path: string): Promise<Uint8Array> {
  return readPemKey(cwd, path, publicKeyFromPem, ' Ed25519 公钥（SPKI PEM，如 signing.pub）');
}

/**
 * `--recipient`: the age recipient itself (`age1…`), as given. A value that is no recipient but
 * names a file (`--recipient age.pub`) is said to be a path, with what to give instead — the
 * `age1…` string the file holds (pack has no option that reads recipients from a file); any other
 * value is left to the age encryption's own refusal.
 */
export async function readRecipient(cwd: string, value: string): Promise<string> {
  if (AGE_RECIPIENT.test(value)) return value;
  const isFile = await stat(resolve(cwd, value)).then(
    (s) => s.isFile(),
    () => false,
  );
  const pathLike = /[/\\]|\.[A-Za-z]{1,5}$/.test(value);
  if (!isFile && !pathLike) return value;
  const what = isFile ? '是一个文件的路径' : '像是一个文件的路径（该文件不存在）';
  const instead =
    isFile && keyFileKind(await readBytes(cwd, value)) === 'age-recipient'
      ? `请给出文件中的 age1… 字符串本身（如 --recipient "$(cat ${value})"）`
      : '请给出 age 接收方公钥字符串本身（age1…，jiebang keygen 生成的 age.pub 的内容）';
  throw new CliUsageError(
    `给 --recipient 的 ${value} ${what}，不是 age 接收方公钥（age1…）：${instead}`,
  );
}
