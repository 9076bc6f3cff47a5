/**
 * What an age file and age's key files look like, told from their bytes and text alone — no
 * cryptography, no dependencies — so that the one reader of text files (src-shared/io), the key
 * files' detector (key-file.ts) and the bundle reader can each name an age file given in the wrong
 * place without loading age itself (age.ts re-exports these).
 */

export const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Whether `bytes` hold `text` (ASCII) at `at`. */
export function bytesStartWith(bytes: Uint8Array, at: number, text: string): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function leadingWhitespace(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && i < 1024 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++;
  return i;
}

/** An age file as `age -a` writes it (`-----BEGIN AGE ENCRYPTED FILE-----`). */
export function isArmoredAgeFile(bytes: Uint8Array): boolean {
  return bytesStartWith(bytes, leadingWhitespace(bytes), ARMOR_BEGIN);
}

/** An age file, binary or armored. */
export function isAgeFile(bytes: Uint8Array): boolean {
  return bytesStartWith(bytes, 0, AGE_MAGIC) || isArmoredAgeFile(bytes);
}

/**
 * Whether the bytes begin as an age file of any version (`age-encryption.org/…`), binary or
 * armored: told apart from other files so that one of an unsupported version is named as such
 * (bundle/open.ts), and an age file given where text is read is named as one (io/read.ts), never
 * read as text.
 */
export const looksLikeAge = (bytes: Uint8Array): boolean =>
  isAgeFile(bytes) || bytesStartWith(bytes, 0, 'age-encryption.org/');

/** Reads an identity file: `AGE-SECRET-KEY-1…` lines, `#` comments ignored (as `age -i` does). */
export function parseIdentityFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
}

/** An age X25519 recipient (`age1…`, bech32), as `age-keygen` prints it. */
export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
