/**
 * The evidence files of a milestone assessment (第十二条（八）3): bounded in size, registered by
 * SHA-256 in the form, carried in its bundle under `evidence/` and kept sealed on the device so the
 * assessment can be re-opened and re-exported.
 */
import { sha256Hex } from '../crypto/keys';
import { formatBytes, sizeProblem } from '../io';
import type { Evidence } from './documents';

const MiB = 1024 * 1024;

/** Bounds on an assessment's evidence: one file, and all of them together (bytes). */
export const EVIDENCE_LIMITS = {
  fileBytes: 64 * MiB,
  totalBytes: 200 * MiB,
} as const;

/**
 * The sentence refusing a file about to be added to `already` (the files taken so far), naming
 * it, or null when it fits both bounds.
 */
export function evidenceSizeProblem(
  file: { name: string; size: number },
  already: readonly { size: number }[] = [],
): string | null {
  const alone = sizeProblem(`证明材料 ${file.name}`, file.size, EVIDENCE_LIMITS.fileBytes);
  if (alone) return alone;
  const total = already.reduce((n, f) => n + f.size, file.size);
  return total > EVIDENCE_LIMITS.totalBytes
    ? `证明材料 ${file.name} 未添加：合计将达 ${formatBytes(total)}，超过每次考核的上限 ${formatBytes(EVIDENCE_LIMITS.totalBytes)}`
    : null;
}

/**
 * The files registered in an assessment, each matched to its bytes by path and SHA-256: the
 * problems (missing, altered, past a bound), each naming the file; empty when all are there.
 */
export function evidenceProblems(
  evidence: readonly Evidence[],
  files: ReadonlyMap<string, Uint8Array>,
): string[] {
  const out: string[] = [];
  const seen: { size: number }[] = [];
  for (const e of evidence) {
    const bytes = files.get(e.path);
    if (!bytes) {
      out.push(`证明材料 ${e.name}（${e.path}）缺失`);
      continue;
    }
    const big = evidenceSizeProblem({ name: e.name, size: bytes.byteLength }, seen);
    if (big) out.push(big);
    else if (bytes.byteLength !== e.size || sha256Hex(bytes) !== e.sha256)
      out.push(`证明材料 ${e.name}（${e.path}）与考核表登记的 SHA-256 不一致`);
    seen.push({ size: bytes.byteLength });
  }
  return out;
}
