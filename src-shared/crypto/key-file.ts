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
 * Each kind as the measures' users call it (Chinese) and in English, for the sentences that name a
 * file given in another's place.
 */
export const KEY_FILE_LABEL: Record<KeyFileKind, { zh: string; en: string }> = {
  'signing-key': { zh: '签名私钥（Ed25519 PEM）', en: 'a signing key' },
  'other-private-key': {
    zh: '其他格式的私钥（PEM）',
    en: 'a private key of another kind or format',
  },
  'public-key': { zh: '签名公钥（Ed25519 PEM）', en: 'a public signing key' },
  'other-public-key': { zh: '其他格式的公钥（PEM）', en: 'a public key of another kind or format' },
  'age-identity': { zh: 'age 身份密钥（AGE-SECRET-KEY-1…）', en: 'an age identity' },
  'age-recipient': { zh: 'age 接收方公钥（age1…）', en: 'an age recipient' },
  'age-file': { zh: 'age 加密文件', en: 'an age-encrypted file' },
  passphrase: { zh: '口令文件（一行文字）', en: 'a passphrase file' },
  empty: { zh: '空文件', en: 'an empty file' },
  other: { zh: '其他文件', en: 'another file' },
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
