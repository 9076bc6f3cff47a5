/**
 * Verifying the panel's sheet bundles for the chair's import (pure of storage: nothing is written
 * here). Each file is opened and verified on its own — hash, Ed25519 signature, zip, schema — its
 * sheet judged against the rubric to the cell, then the import policy (`verifyForImport`); a bad
 * file is refused by name and the others still count. The chair's store runs this in the desk's
 * Web Worker (workers/desk.worker.ts), off the page's thread; workflows/chair.ts commits the result.
 */
import { emptyTrust, type TrustState } from '../../../src-shared/bundle';
import { formatFingerprint } from '../../../src-shared/crypto/keys';
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import type { ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import { describeSheetIssue, validateSheet } from '../../../src-shared/scoring';
import { listParam, message, type Message } from '../i18n/strings';
import { verifyForImport } from './imports';

export interface ImportOutcome {
  file: string;
  ok: boolean;
  message: Message;
}

/**
 * The provider to verify with: one for every file, or one made for each file (the desk worker's
 * WebCrypto digests, made ahead for that file's bytes: workers/webcrypto.ts).
 */
export type CryptoFor = CryptoProvider | ((file: Uint8Array) => Promise<CryptoProvider>);

/** A sheet bundle that passed: who signed it, its manifest hash, and the file it came from. */
export interface AcceptedSheet {
  expertId: string;
  name: string;
  fingerprint: string;
  manifestSha256: string;
  /** Index of the file in the list given (its bytes are kept byte for byte). */
  file: number;
  sheet: ScoreSheet;
}

export interface GatherResult {
  /** One per expert, the later file of an expert replacing the earlier one. */
  accepted: AcceptedSheet[];
  /** One per file, in the order given. */
  outcomes: ImportOutcome[];
  /** The trust state to commit with the accepted sheets. */
  trust: TrustState;
}

/** Sheets this page has seen judged against a package (by id): `deskSheets` does not judge them again. */
const judged = new WeakMap<ScoreSheet, string>();

/** Records that `sheet` passed `judgeSheet` for the package `packageId` (after the import). */
export const markJudged = (sheet: ScoreSheet, packageId: string): void => {
  judged.set(sheet, packageId);
};

/** Whether `sheet` (this very object) passed `judgeSheet` for the package `packageId`. */
export const wasJudged = (sheet: ScoreSheet, packageId: string): boolean =>
  judged.get(sheet) === packageId;

/**
 * The desk's gathered sheets after an import: those held before with the new ones over them (one
 * per expert, the newer wins), in the experts' id order — as the page keeps them (`importSheets`)
 * and as the desk's worker aggregates them.
 */
export function mergeGathered<T extends { expertId: string }>(
  known: readonly T[],
  added: readonly T[],
): T[] {
  const merged = new Map(known.map((g) => [g.expertId, g]));
  for (const g of added) merged.set(g.expertId, g);
  return [...merged.values()].sort((a, b) => (a.expertId < b.expertId ? -1 : 1));
}

/** A sheet bundle the desk takes: submitted, and valid against the rubric to the cell. */
function judgeSheet(pkg: ReviewPackage, sheet: ScoreSheet): Message | null {
  if (sheet.status !== 'submitted') return message('chair.notSubmitted');
  const issues = validateSheet(sheet, pkg);
  if (issues.length === 0) return null;
  return message('chair.badSheet', {
    issues: listParam(
      issues.map((i) => describeSheetIssue(i, pkg)),
      'clause',
    ),
  });
}

/**
 * Verifies sheet bundle files in order, the trust state carried from one to the next (a signer's
 * counter moves on). `onFile(done, total, accepted)` after each file, with the sheet it accepted
 * (a later file of the same expert replaces it in the result).
 */
export async function verifySheetFiles(
  cryptoFor: CryptoFor,
  pkg: ReviewPackage,
  trustBefore: TrustState | undefined,
  files: readonly { name: string; bytes: Uint8Array }[],
  onFile?: (done: number, total: number, accepted?: AcceptedSheet) => void,
): Promise<GatherResult> {
  const outcomes: ImportOutcome[] = [];
  let trust: TrustState = trustBefore ?? emptyTrust();
  const accepted = new Map<string, AcceptedSheet>();
  // A provider made per file (the desk worker's WebCrypto digests and signature checks, which run
  // off this thread) is begun for the next file before this one is opened, so that work overlaps
  // the opening here rather than waiting for it. Each file is still opened with its own provider,
  // in order.
  const providerOf = (at: number): Promise<CryptoProvider> | null => {
    const file = files[at];
    if (typeof cryptoFor !== 'function' || !file) return null;
    const made = (async () => cryptoFor(file.bytes))();
    void made.catch(() => undefined); // awaited in its turn, which throws; not unhandled meanwhile
    return made;
  };
  let next = providerOf(0);
  for (const [index, f] of files.entries()) {
    const made = next;
    next = providerOf(index + 1);
    const crypto = typeof cryptoFor === 'function' ? await (made ?? cryptoFor(f.bytes)) : cryptoFor;
    const verified = await verifyForImport(f.bytes, {
      crypto,
      kind: 'expert-sheets',
      trust,
      judge: (b) => judgeSheet(pkg, b.document),
    });
    if (!verified.ok) {
      outcomes.push({ file: f.name, ok: false, message: verified.reason });
      onFile?.(index + 1, files.length);
      continue;
    }
    const b = verified.bundle;
    const signer = b.manifest.signers[0];
    if (verified.duplicate) {
      outcomes.push({
        file: f.name,
        ok: true,
        message: message('chair.duplicate', { name: signer.name }),
      });
      onFile?.(index + 1, files.length);
      continue;
    }
    trust = verified.trust;
    const taken: AcceptedSheet = {
      expertId: b.document.expertId,
      name: signer.name,
      fingerprint: signer.fingerprint,
      manifestSha256: b.manifestSha256,
      file: index,
      sheet: b.document,
    };
    accepted.set(taken.expertId, taken);
    outcomes.push({
      file: f.name,
      ok: true,
      message: message('chair.imported', {
        name: signer.name,
        id: b.document.expertId,
        fp: formatFingerprint(signer.fingerprint),
      }),
    });
    onFile?.(index + 1, files.length, taken);
  }
  return { accepted: [...accepted.values()], outcomes, trust };
}
