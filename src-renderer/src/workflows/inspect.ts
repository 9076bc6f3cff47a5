/**
 * Looking at files without importing them: any bundle verified step by step (文件包核验, the same
 * checks as `jiebang verify`), and a printed task book's code against its bundle or JSON
 * (核验打印件, the screen twin of `jiebang verify-print`).
 */
import { openBundle, type BundleSigner, type OpenResult } from '../../../src-shared/bundle';
import type { AgeKey } from '../../../src-shared/crypto/age';
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import { comparePrinted, readTaskBookFile, type PrintCheck } from '../../../src-shared/taskbook';
import { message, type Message } from '../i18n/strings';

/** The age keys in what the user typed: identities (AGE-SECRET-KEY-1…), else one passphrase. */
export function keysFrom(secret: string): AgeKey[] {
  const trimmed = secret.trim();
  if (trimmed === '') return [];
  const identities = trimmed.split(/\s+/).filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
  return identities.length > 0
    ? identities.map((identity) => ({ identity }))
    : [{ passphrase: secret }];
}

export function inspectBundle(
  crypto: CryptoProvider,
  bytes: Uint8Array,
  keys: readonly AgeKey[],
  onProgress?: (phase: string, done: number, total: number) => void,
): Promise<OpenResult> {
  return openBundle(bytes, {
    crypto,
    keys,
    ...(onProgress ? { onProgress: (p) => onProgress(p.phase, p.done, p.total) } : {}),
  });
}

/** Whether a result only waits for a key (an encrypted bundle, nothing wrong with it yet). */
export const needsKey = (r: OpenResult): boolean =>
  !r.ok && (r.error.code === 'needs-key' || r.error.code === 'decrypt-failed');

export type PrintVerdict =
  | { ok: true; file: string; check: PrintCheck; signer?: BundleSigner }
  | { ok: false; reason: Message };

/** A printed code against a task-book file: the bundle verified first, then the comparison. */
export async function verifyPrint(
  crypto: CryptoProvider,
  printed: { code: string; taskBookId?: string },
  file: { name: string; bytes: Uint8Array },
): Promise<PrintVerdict> {
  const read = await readTaskBookFile(file.bytes, crypto);
  if (!read.ok)
    return {
      ok: false,
      reason: read.needsKey
        ? message('verify.encryptedFile', { file: file.name })
        : message('verify.fileProblem', { file: file.name, reason: read.message }),
    };
  return {
    ok: true,
    file: file.name,
    check: comparePrinted(printed, read.tb),
    ...(read.signer ? { signer: read.signer } : {}),
  };
}
