/**
 * Import and verify, for every bundle this renderer takes in (the expert's review package, the
 * chair's sheet bundles): opened and verified in full, of the kind expected, its document judged
 * by the caller's rule (a sheet against the rubric), then the import policy (`checkImport`:
 * signer, package, counter, audit head). Nothing is written here; the caller commits what a
 * verdict allows, with the new trust state, in one transaction.
 */
import {
  applyImport,
  checkImport,
  KINDS,
  openBundle,
  type BundleKind,
  type Check,
  type OpenedBundle,
  type TrustState,
} from '../../../src-shared/bundle';
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import { message, type Message } from '../i18n/strings';

export type OpenedOf<K extends BundleKind> = Extract<OpenedBundle, { kind: K }>;

const isKind = <K extends BundleKind>(b: OpenedBundle, kind: K): b is OpenedOf<K> =>
  b.kind === kind;

export type Verified<K extends BundleKind> =
  | {
      ok: true;
      bundle: OpenedOf<K>;
      checks: Check[];
      /** Already imported: nothing to write. */
      duplicate: boolean;
      /** The trust state to commit with the import (unchanged for a duplicate). */
      trust: TrustState;
      notes: string[];
    }
  | { ok: false; reason: Message; checks: Check[]; needsKey: boolean };

export interface VerifyOptions<K extends BundleKind> {
  crypto: CryptoProvider;
  kind: K;
  trust: TrustState;
  /** A rule of the caller on the document: a message refuses it. */
  judge?: (bundle: OpenedOf<K>) => Message | null;
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** Verifies one file for import, as described above. */
export async function verifyForImport<K extends BundleKind>(
  bytes: Uint8Array,
  options: VerifyOptions<K>,
): Promise<Verified<K>> {
  const { crypto, kind, trust } = options;
  const opened = await openBundle(bytes, {
    crypto,
    ...(options.onProgress
      ? { onProgress: (p) => options.onProgress?.(p.phase, p.done, p.total) }
      : {}),
  });
  if (!opened.ok)
    return {
      ok: false,
      reason:
        opened.error.code === 'needs-key'
          ? message('import.encrypted')
          : { text: opened.error.message },
      checks: opened.checks,
      needsKey: opened.error.code === 'needs-key',
    };
  const b = opened.bundle;
  const refuse = (reason: Message): Verified<K> => ({
    ok: false,
    reason,
    checks: b.checks,
    needsKey: false,
  });
  if (!isKind(b, kind))
    return refuse(
      message('import.wrongKind', {
        expected: KINDS[kind].label,
        actual: KINDS[b.kind].label,
        expectedEn: KINDS[kind].labelEn,
        actualEn: KINDS[b.kind].labelEn,
      }),
    );
  const judged = options.judge?.(b) ?? null;
  if (judged) return refuse(judged);
  const verdict = checkImport(b, trust);
  switch (verdict.action) {
    case 'refuse':
      return refuse({ text: verdict.reason });
    case 'duplicate':
      return {
        ok: true,
        bundle: b,
        checks: b.checks,
        duplicate: true,
        trust,
        notes: verdict.notes,
      };
    case 'import':
      return {
        ok: true,
        bundle: b,
        checks: b.checks,
        duplicate: false,
        trust: applyImport(trust, b, verdict),
        notes: verdict.notes,
      };
    default: {
      const unknown: never = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unknown)}`);
    }
  }
}
