/**
 * What a small key-like file holds — an Ed25519 signing key, another private key, a public key,
 * an age identity, an age recipient, an age-encrypted file, a passphrase — told from its bytes
 * alone, so that a file given in another's place (an age identity as `--key`, a recipient as
 * `--passphrase-file`) is named as what it is at every door that reads one. The one detector: the
 * CLI's `--key`, `--identity`, `--passphrase-file` and `--bureau-key` all ask it.
 */
import { AGE_RECIPIENT, looksLikeAge, parseIdentityFile } from './age-file';
import { publicKeyFromPem, secretKeyFromPem } from './keys';

export type KeyFileKind =
  /** An Ed25519 private key, PKCS#8 PEM (`signing.key`): signs. */
  | 'signing-key'
  /** A PEM private key of another kind (RSA, EC…) or format (OpenSSH, PKCS#8 with its public key). */
  | 'other-private-key'
  /** An Ed25519 public key, SPKI PEM (`signing.pub`): verifies. */
  | 'public-key'
  /** A PEM public key of another kind or format. */
  | 'other-public-key'
  /** `AGE-SECRET-KEY-1…` (`age.key`): decrypts. */
  | 'age-identity'
  /** `age1…` alone on a line (`age.pub`): encrypts to. */
  | 'age-recipient'
  /** An age-encrypted file (a bundle sealed for the USB stick). */
  | 'age-file'
  /** One line of text: what a passphrase file holds. */
  | 'passphrase'
  /** Nothing but white space. */
  | 'empty'
  /** Anything else. */
  | 'other';

/**
 * Each kind as the measures' users call it, for the sentences that name a file given in
 * another's place.
 */
export const KEY_FILE_LABEL: Record<KeyFileKind, string> = {
  'signing-key': '签名私钥（Ed25519 PEM）',
  'other-private-key': '其他格式的私钥（PEM）',
  'public-key': '签名公钥（Ed25519 PEM）',
  'other-public-key': '其他格式的公钥（PEM）',
  'age-identity': 'age 身份密钥（AGE-SECRET-KEY-1…）',
  'age-recipient': 'age 接收方公钥（age1…）',
  'age-file': 'age 加密文件',
  passphrase: '口令文件（一行文字）',
  empty: '空文件',
  other: '其他文件',
};

/** What the file's bytes hold; see {@link KeyFileKind}. */
export function keyFileKind(bytes: Uint8Array): KeyFileKind {
  if (looksLikeAge(bytes)) return 'age-file';
  const text = new TextDecoder().decode(bytes);
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text))
    return secretKeyFromPem(text) ? 'signing-key' : 'other-private-key';
  if (/-----BEGIN [A-Z0-9 ]*PUBLIC KEY-----/.test(text))
    return publicKeyFromPem(text) ? 'public-key' : 'other-public-key';
  if (parseIdentityFile(text).length > 0) return 'age-identity';
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length > 0 && lines.every((l) => AGE_RECIPIENT.test(l))) return 'age-recipient';
  if (text.trim() === '') return 'empty';
  return text.replace(/\r?\n$/, '').includes('\n') ? 'other' : 'passphrase';
}
