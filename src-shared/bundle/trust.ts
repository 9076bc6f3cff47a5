/**
 * The import policy, as a pure function: given an opened (already verified) bundle and what
 * this device already trusts, decide whether to import it. The caller persists the new trust
 * state only when the verdict says so — verify everything before writing anything.
 */
import { z } from 'zod';
import { formatFingerprint } from '../crypto/keys';
import { ReviewPackageSchema, type ReviewPackage } from '../model';
import { KIND_LABEL } from './manifest';
import type { OpenedBundle } from './bundle';

export interface TrustState {
  /** The bureau's signing-key fingerprint, pinned on the first review package imported. */
  bureauFingerprint?: string;
  /** The review package in use (sheets and results must answer it). */
  pkg?: ReviewPackage;
  /** Its manifest hash, which sheet bundles cite in `answers`. */
  packageManifestSha256?: string;
  /** Known signer keys by signer id (experts enrolled, or first seen), to detect a wrong signer. */
  signers: Record<string, string>;
  /** The highest counter seen per signer fingerprint (replay protection). */
  counters: Record<string, number>;
  /** Manifest hashes already imported (importing the same bundle twice changes nothing). */
  imported: string[];
}

/** The stored form of TrustState (validated whenever it is read back). */
export const TrustStateSchema = z.object({
  bureauFingerprint: z.string().optional(),
  pkg: ReviewPackageSchema.optional(),
  packageManifestSha256: z.string().optional(),
  signers: z.record(z.string(), z.string()),
  counters: z.record(z.string(), z.number()),
  imported: z.array(z.string()),
});

export const emptyTrust = (): TrustState => ({ signers: {}, counters: {}, imported: [] });

export type ImportVerdict =
  | {
      action: 'import';
      pinBureau?: string;
      newSigner?: { id: string; fingerprint: string };
      notes: string[];
    }
  | { action: 'duplicate'; notes: string[] }
  | { action: 'refuse'; reason: string };

export function checkImport(bundle: OpenedBundle, trust: TrustState): ImportVerdict {
  const m = bundle.manifest;
  const fp = m.signer.fingerprint;
  if (trust.imported.includes(bundle.manifestSha256)) {
    return { action: 'duplicate', notes: ['此文件包已导入过，未作任何更改'] };
  }
  const notes: string[] = [];
  let pinBureau: string | undefined;
  if (bundle.kind === 'review-package') {
    if (m.signer.role !== 'bureau') return { action: 'refuse', reason: '评审包必须由市科技局签名' };
    if (trust.bureauFingerprint && trust.bureauFingerprint !== fp) {
      return {
        action: 'refuse',
        reason: `⚠ 市科技局签名密钥与首次导入时固定的密钥不一致！固定的指纹 ${formatFingerprint(trust.bureauFingerprint)}，此文件 ${formatFingerprint(fp)}。请勿导入，并与市科技局核实。`,
      };
    }
    if (!trust.bureauFingerprint) {
      pinBureau = fp;
      notes.push(`首次导入：固定市科技局签名密钥，指纹 ${formatFingerprint(fp)}——请与纸质通知核对`);
    }
    if (trust.pkg && trust.pkg.packageId !== bundle.document.packageId) {
      return {
        action: 'refuse',
        reason: `此评审包（${bundle.document.packageId}）与当前评审包（${trust.pkg.packageId}）不同`,
      };
    }
  } else {
    if (!trust.pkg)
      return { action: 'refuse', reason: `请先导入评审包，再导入${KIND_LABEL[bundle.kind]}` };
    if (m.packageId !== trust.pkg.packageId) {
      return {
        action: 'refuse',
        reason: `此${KIND_LABEL[bundle.kind]}属于另一个评审包（${m.packageId}），当前评审包为 ${trust.pkg.packageId}`,
      };
    }
    if (bundle.kind === 'expert-sheets' || bundle.kind === 'panel-result') {
      const member = trust.pkg.panel.experts.find((e) => e.id === m.signer.id);
      if (!member)
        return { action: 'refuse', reason: `签名者 ${m.signer.id} 不在本评审包的专家名单中` };
      if (bundle.kind === 'panel-result' && member.role !== 'chair')
        return { action: 'refuse', reason: `${member.name} 不是专家组组长，不能签署评审结果` };
      if (
        trust.packageManifestSha256 &&
        !m.answers.some((a) => a.manifestSha256 === trust.packageManifestSha256)
      ) {
        return {
          action: 'refuse',
          reason: `此${KIND_LABEL[bundle.kind]}不是针对当前评审包文件作出的（answers 不符）`,
        };
      }
    }
  }
  const known = trust.signers[m.signer.id];
  if (known && known !== fp) {
    return {
      action: 'refuse',
      reason: `签名者 ${m.signer.name}（${m.signer.id}）的密钥与已登记的不一致：登记 ${formatFingerprint(known)}，此文件 ${formatFingerprint(fp)}`,
    };
  }
  const last = trust.counters[fp];
  if (last !== undefined && m.counter <= last) {
    return {
      action: 'refuse',
      reason: `计数 ${m.counter} 不大于该签名者已导入的 ${last}：疑似重放的旧文件`,
    };
  }
  const newSigner = known ? undefined : { id: m.signer.id, fingerprint: fp };
  if (newSigner && bundle.kind !== 'review-package')
    notes.push(`新签名者 ${m.signer.name}，指纹 ${formatFingerprint(fp)}——请与纸质评分表核对`);
  return {
    action: 'import',
    ...(pinBureau ? { pinBureau } : {}),
    ...(newSigner ? { newSigner } : {}),
    notes,
  };
}

/** The trust state after importing (pure; the caller stores it). */
export function applyImport(
  trust: TrustState,
  bundle: OpenedBundle,
  verdict: ImportVerdict,
): TrustState {
  if (verdict.action !== 'import') return trust;
  const fp = bundle.manifest.signer.fingerprint;
  return {
    ...trust,
    ...(verdict.pinBureau ? { bureauFingerprint: verdict.pinBureau } : {}),
    ...(bundle.kind === 'review-package'
      ? { pkg: bundle.document, packageManifestSha256: bundle.manifestSha256 }
      : {}),
    signers: { ...trust.signers, [bundle.manifest.signer.id]: fp },
    counters: { ...trust.counters, [fp]: bundle.manifest.counter },
    imported: [...trust.imported, bundle.manifestSha256],
  };
}
