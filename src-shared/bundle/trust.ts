/**
 * The import policy, as a pure function: given an opened (already verified) bundle and what
 * this installation already trusts, decide whether to import it. Which keys count for a kind is
 * the registry's `trust` rule; the caller persists the new trust state only when the verdict
 * says so — verify everything before writing anything.
 */
import { z } from 'zod';
import { AuditHeadSchema, compareWithPrevious } from '../audit/head';
import { formatFingerprint } from '../crypto/keys';
import { ReviewPackageSchema } from '../model';
import { formatDateZh } from '../text/date';
import { KINDS, type OpenedBundle } from './kinds';
import { describeSubject, packageIdOf, ROLE_LABEL } from './terms';

/** The stored form of TrustState (validated whenever it is read back; older records still parse). */
export const TrustStateSchema = z.object({
  /** The bureau's signing-key fingerprint, pinned on the first bureau bundle imported. */
  bureauFingerprint: z.string().optional(),
  /** Bureau keys rotated away from: refused from then on. */
  retiredBureauKeys: z.array(z.string()).default([]),
  /** The review package in use (sheets and results must answer it). */
  pkg: ReviewPackageSchema.optional(),
  /** Its manifest hash, which sheet bundles cite in `answers`. */
  packageManifestSha256: z.string().optional(),
  /** Known signer keys by signer id (experts enrolled, or first seen), to detect a wrong signer. */
  signers: z.record(z.string(), z.string()),
  /** The highest counter seen per signer fingerprint (replay protection). */
  counters: z.record(z.string(), z.number()),
  /** The audit-chain head last seen per signer fingerprint (a chain never gets shorter). */
  auditHeads: z.record(z.string(), AuditHeadSchema).default({}),
  /** Manifest hashes already imported (importing the same bundle twice changes nothing). */
  imported: z.array(z.string()),
});
export type TrustState = z.infer<typeof TrustStateSchema>;

export const emptyTrust = (): TrustState => ({
  retiredBureauKeys: [],
  signers: {},
  counters: {},
  auditHeads: {},
  imported: [],
});

export type ImportVerdict =
  | {
      action: 'import';
      pinBureau?: string;
      /** A key rotation: the pin moves from the old key to the new one. */
      rotateBureau?: { from: string; to: string };
      newSigners: { id: string; fingerprint: string }[];
      notes: string[];
    }
  | { action: 'duplicate'; notes: string[] }
  | { action: 'refuse'; reason: string };

const refuse = (reason: string): ImportVerdict => ({ action: 'refuse', reason });

export function checkImport(bundle: OpenedBundle, trust: TrustState): ImportVerdict {
  const m = bundle.manifest;
  const spec = KINDS[bundle.kind];
  if (trust.imported.includes(bundle.manifestSha256))
    return { action: 'duplicate', notes: ['此文件包已导入过，未作任何更改'] };
  const notes: string[] = [];
  let pinBureau: string | undefined;
  let rotateBureau: { from: string; to: string } | undefined;
  const pinned = trust.bureauFingerprint;
  const subjectPackage = packageIdOf(m.subject);

  switch (spec.trust) {
    case 'bureau': {
      for (const s of m.signers) {
        if (trust.retiredBureauKeys.includes(s.fingerprint))
          return refuse(
            `⚠ 此${spec.label}由已更换的市科技局旧密钥签名（指纹 ${formatFingerprint(s.fingerprint)}），不予导入。`,
          );
        if (pinned && pinned !== s.fingerprint)
          return refuse(
            `⚠ 市科技局签名密钥与首次导入时固定的密钥不一致！固定的指纹 ${formatFingerprint(pinned)}，此文件 ${formatFingerprint(s.fingerprint)}。请勿导入，并与市科技局核实。`,
          );
        if (!pinned) {
          pinBureau = s.fingerprint;
          notes.push(
            `首次导入：固定市科技局签名密钥，指纹 ${formatFingerprint(s.fingerprint)}——请与纸质通知核对`,
          );
        }
      }
      if (
        bundle.kind === 'review-package' &&
        trust.pkg &&
        trust.pkg.packageId !== bundle.document.packageId
      )
        return refuse(
          `此评审包（${bundle.document.packageId}）与当前评审包（${trust.pkg.packageId}）不同`,
        );
      break;
    }
    case 'bureau-rotation': {
      if (bundle.kind !== 'key-rotation') return refuse('只有密钥更换文件包可以更换市科技局密钥');
      const { previous, next } = bundle.document;
      if (!pinned)
        return refuse('本机尚未固定市科技局签名密钥，无从更换；请先导入市科技局签发的评审包');
      if (previous.fingerprint !== pinned)
        return refuse(
          `⚠ 此密钥更换不是由本机固定的市科技局密钥签署的（固定 ${formatFingerprint(pinned)}，此文件声称更换 ${formatFingerprint(previous.fingerprint)}）。请勿导入，并与市科技局核实。`,
        );
      if (trust.retiredBureauKeys.includes(next.fingerprint))
        return refuse('新密钥是已更换的旧密钥，不予导入');
      rotateBureau = { from: previous.fingerprint, to: next.fingerprint };
      notes.push(
        `市科技局签名密钥更换为 ${formatFingerprint(next.fingerprint)}（${formatDateZh(bundle.document.effectiveFrom)}起）——请与纸质通知核对`,
      );
      break;
    }
    case 'panel': {
      if (!trust.pkg) return refuse(`请先导入评审包，再导入${spec.label}`);
      if (subjectPackage !== trust.pkg.packageId)
        return refuse(
          `此${spec.label}属于另一个评审包（${describeSubject(m.subject)}），当前评审包为 ${trust.pkg.packageId}`,
        );
      const panel = trust.pkg.panel.experts;
      for (const s of m.signers)
        if (!panel.some((e) => e.id === s.id))
          return refuse(`签名者 ${s.id} 不在本评审包的专家名单中`);
      const author = panel.find((e) => e.id === m.signers[0].id);
      if (bundle.kind === 'panel-result' && author?.role !== 'chair')
        return refuse(`${author?.name ?? m.signers[0].name} 不是专家组组长，不能签署评审结果`);
      if (trust.packageManifestSha256) {
        const other = notAnsweringText(spec.label, m.answers, trust.packageManifestSha256);
        if (other) return refuse(other);
      }
      break;
    }
    case 'team': {
      if (subjectPackage !== undefined) {
        if (!trust.pkg) return refuse(`请先导入评审包，再导入${spec.label}`);
        if (subjectPackage !== trust.pkg.packageId)
          return refuse(
            `此${spec.label}属于另一个评审包（${subjectPackage}），当前评审包为 ${trust.pkg.packageId}`,
          );
      }
      break;
    }
  }

  const newSigners: { id: string; fingerprint: string }[] = [];
  for (const [i, s] of m.signers.entries()) {
    const isNewBureauKey = rotateBureau?.to === s.fingerprint;
    const known = trust.signers[s.id];
    if (known && known !== s.fingerprint && !isNewBureauKey)
      return refuse(
        `签名者 ${s.name}（${s.id}）的密钥与已登记的不一致：登记 ${formatFingerprint(known)}，此文件 ${formatFingerprint(s.fingerprint)}`,
      );
    const last = trust.counters[s.fingerprint];
    if (last !== undefined) {
      const history = compareWithPrevious(
        { counter: last, audit: trust.auditHeads[s.fingerprint] ?? null },
        { counter: s.counter, audit: s.audit },
        i === 0 ? (bundle.audit ?? undefined) : undefined,
        s.role === 'bureau' || s.role === 'issuer' ? ROLE_LABEL[s.role] : s.name,
      );
      if (!history.ok) return refuse(`${s.name}（${ROLE_LABEL[s.role]}）：${history.reason}`);
    }
    if (!known || isNewBureauKey) {
      newSigners.push({ id: s.id, fingerprint: s.fingerprint });
      if (spec.trust !== 'bureau' && spec.trust !== 'bureau-rotation')
        notes.push(
          `新签名者 ${s.name}（${ROLE_LABEL[s.role]}），指纹 ${formatFingerprint(s.fingerprint)}——请与纸质文件核对`,
        );
    }
  }
  return {
    action: 'import',
    ...(pinBureau ? { pinBureau } : {}),
    ...(rotateBureau ? { rotateBureau } : {}),
    newSigners,
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
  const signers = { ...trust.signers };
  const counters = { ...trust.counters };
  const auditHeads = { ...trust.auditHeads };
  for (const s of bundle.manifest.signers) {
    if (!signers[s.id] || verdict.newSigners.some((n) => n.fingerprint === s.fingerprint))
      signers[s.id] = s.fingerprint;
    counters[s.fingerprint] = s.counter;
    if (s.audit) auditHeads[s.fingerprint] = s.audit;
  }
  const rotation = verdict.rotateBureau;
  return {
    ...trust,
    ...(verdict.pinBureau ? { bureauFingerprint: verdict.pinBureau } : {}),
    ...(rotation
      ? {
          bureauFingerprint: rotation.to,
          retiredBureauKeys: [...trust.retiredBureauKeys, rotation.from],
        }
      : {}),
    ...(bundle.kind === 'review-package'
      ? { pkg: bundle.document, packageManifestSha256: bundle.manifestSha256 }
      : {}),
    signers,
    counters,
    auditHeads,
    imported: [...trust.imported, bundle.manifestSha256],
  };
}

/**
 * The bureau's check of a bundle against the previous bundle from the same signer(s), without
 * any stored state (`jiebang verify NEW --previous OLD`): for each key that signed both, the
 * counter must go up and the audit chain must not go back (see `compareWithPrevious`).
 * Empty when no key signed both.
 */
export function compareBundles(
  previous: OpenedBundle,
  next: OpenedBundle,
): { signer: string; ok: boolean; reason: string }[] {
  const out: { signer: string; ok: boolean; reason: string }[] = [];
  for (const [i, s] of next.manifest.signers.entries()) {
    const before = previous.manifest.signers.find((p) => p.fingerprint === s.fingerprint);
    if (!before) continue;
    const verdict = compareWithPrevious(before, s, i === 0 ? (next.audit ?? undefined) : undefined);
    out.push({
      signer: `${s.name}（${ROLE_LABEL[s.role]} ${s.id}）`,
      ok: verdict.ok,
      reason: verdict.ok
        ? `计数 ${before.counter} → ${s.counter}${s.audit && before.audit ? `，审计日志 ${before.audit.length} → ${s.audit.length} 条，前后相接` : ''}`
        : verdict.reason,
    });
  }
  return out;
}

/**
 * Whether a bundle was made for the review package file in hand: its manifest's `answers` cite
 * that file's manifest (by SHA-256), so a sheet made for another package of the same 评审包编号 —
 * another issue, another bureau key — is not counted. The refusal's sentence, or null. The
 * chair's import (`checkImport`), the desk and the CLI's `score`, `check` and `export` given the
 * package's signed file say it the same way.
 */
export function notAnsweringText(
  label: string,
  answers: readonly { kind: string; manifestSha256: string }[],
  packageManifestSha256: string,
): string | null {
  if (answers.some((a) => a.manifestSha256 === packageManifestSha256)) return null;
  const cited = answers.find((a) => a.kind === 'review-package')?.manifestSha256;
  return `此${label}不是针对当前评审包文件作出的：它所回应的评审包文件（清单摘要 ${cited ? `${cited.slice(0, 16)}…` : '未登记'}）不是当前评审包文件（${packageManifestSha256.slice(0, 16)}…）`;
}

/**
 * Said when signed sheets are counted against a review package given as JSON (the CLI's
 * `--package PKG.json`): their `answers` cannot be checked without the package's signed file.
 */
export const ANSWERS_UNCHECKED_TEXT =
  '未核对评分表文件包所回应的评审包文件：--package 给出的是 JSON 文件；给出市科技局签发的评审包文件包（.jbx）即可核对';
