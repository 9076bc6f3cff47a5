/**
 * Taking a panel's result back (issue 17, `jiebang ingest`; the bureau's desk next): a panel
 * bundle, already decrypted and verified with every inner sheet (`openBundle`), is accepted only
 * when it answers a review package this bureau signed, comes from that package's panel and chair
 * (the import policy's `panel` rule, `checkImport`), and its sheets answer the same package. The
 * decision is then judged again with `checkPanelDecision` on the sheets inside the bundle (not a
 * copy), and the round's record is made: what came in, what the rules found, and what the next
 * bundle of the round must beat (counters, keys). Pure: the CLI writes the record into the bureau
 * data folder; the desk will keep the same record in its encrypted store.
 */
import { z } from 'zod';
import { sameScanWarnings } from '../io/scan';
import { AuditHeadSchema } from '../audit/head';
import {
  checkImport,
  applyImport,
  emptyTrust,
  notKindText,
  panelResultSources,
  transcribedListing,
  transcribedScans,
  type OpenedBundle,
  type TrustState,
} from '../bundle';
import { formatFingerprint } from '../crypto/keys';
import { checkPanelDecision, analysePanel } from '../decision';
import {
  DateTimeSchema,
  IdSchema,
  PanelDecisionSchemaV2,
  RankingRowSchema,
  ScoreSheetSchema,
  Sha256Schema,
  type ReviewPackage,
} from '../model';
import { fmt2 } from '../money';
import { hasBlocking } from '../rules';

/** A review package this bureau signed, as its data folder (or desk) keeps it. */
export interface SignedPackage {
  pkg: ReviewPackage;
  manifestSha256: string;
  signerFingerprint: string;
}

const FindingSchema = z.object({
  rule: z.string(),
  article: z.string(),
  severity: z.enum(['blocking', 'warning', 'info']),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
});

/** One review round's record (评审轮次记录): one per review package, replaced by a later bundle. */
export const IngestRecordSchema = z.object({
  formatVersion: z.literal(1),
  packageId: IdSchema,
  title: z.string(),
  package: z.object({ manifestSha256: Sha256Schema, bureauFingerprint: Sha256Schema }),
  panel: z.object({
    /** The file's name as ingested, and the SHA-256 of its bytes (as given, before decryption). */
    file: z.string(),
    fileSha256: Sha256Schema,
    manifestSha256: Sha256Schema,
    bundleId: z.string(),
    createdAt: z.string(),
    signers: z.array(
      z.object({
        role: z.string(),
        id: IdSchema,
        name: z.string(),
        fingerprint: Sha256Schema,
        counter: z.number().int(),
      }),
    ),
  }),
  /** Every sheet the decision rests on: each expert's signed bundle, or a transcribed paper sheet. */
  sheets: z.array(
    z.object({
      expertId: IdSchema,
      source: z.enum(['electronic', 'paper']),
      /** Electronic: the sheet bundle's manifest and its signer's key. */
      manifestSha256: Sha256Schema.optional(),
      fingerprint: Sha256Schema.optional(),
      /** Paper: the scan of the wet-signed sheet. */
      scanSha256: Sha256Schema.optional(),
      /** Paper: the scan's path in the bundle, who typed the sheet in and who checked it. */
      scanPath: z.string().max(300).optional(),
      transcribedBy: z.string().max(200).optional(),
      checkedBy: z.string().max(200).optional(),
      sheet: ScoreSheetSchema,
    }),
  ),
  decision: PanelDecisionSchemaV2,
  /** The ranking as the sheets give it (recomputed here, not the decision's own). */
  ranking: z.array(RankingRowSchema),
  findings: z.array(FindingSchema),
  /** No blocking finding. */
  ok: z.boolean(),
  /** What the next bundle of this round is checked against (the import policy's state). */
  trust: z.object({
    signers: z.record(z.string(), z.string()),
    counters: z.record(z.string(), z.number()),
    auditHeads: z.record(z.string(), AuditHeadSchema),
  }),
  ingestedAt: DateTimeSchema,
});
export type IngestRecord = z.infer<typeof IngestRecordSchema>;

export type IngestResult =
  | { ok: true; record: IngestRecord; isDuplicate: boolean; notes: string[] }
  | { ok: false; reason: string };

export interface IngestContext {
  /** The review packages this bureau signed (its keys: the pinned one and those rotated away). */
  packages: readonly SignedPackage[];
  /** The bureau's trust state: its pinned key and retired keys. */
  bureau: TrustState;
  /** The round's record so far, if a bundle was ingested before. */
  previous?: IngestRecord;
  /** The file's name, for the record. */
  file: string;
  now: string;
  /**
   * Manifest hashes of review packages this bureau signed that it no longer holds (a desk whose
   * round was replaced by a second package under the same id before that was refused): a result
   * answering one is told so, not called another bureau's.
   */
  noLongerHeld?: readonly string[];
}

/** Ingests one opened panel bundle; see the module doc. */
export function ingestPanel(panel: OpenedBundle, ctx: IngestContext): IngestResult {
  if (panel.kind !== 'panel-result')
    return {
      ok: false,
      reason: `未导入 ${ctx.file}：${notKindText('panel-result', panel.kind)}`,
    };
  const ours = new Set([
    ...(ctx.bureau.bureauFingerprint ? [ctx.bureau.bureauFingerprint] : []),
    ...ctx.bureau.retiredBureauKeys,
  ]);
  if (ours.size === 0)
    return {
      ok: false,
      reason:
        '数据目录中尚无本局的签名密钥：请先用 jiebang package sign 签发评审包，或用 --bureau-key 给出本局公钥',
    };
  const cited = panel.manifest.answers.filter((a) => a.kind === 'review-package');
  const signed = ctx.packages.find(
    (p) =>
      ours.has(p.signerFingerprint) && cited.some((a) => a.manifestSha256 === p.manifestSha256),
  );
  const lost = cited.find((a) => ctx.noLongerHeld?.includes(a.manifestSha256));
  if (!signed && lost)
    return {
      ok: false,
      reason: `未导入 ${ctx.file}：它回应的评审包（${lost.manifestSha256.slice(0, 16)}…，${panel.document.packageId}）是本局签发的，但本机已不再保存它（此前以同一编号再次签发时被替换，见审计日志），无法据此核对评审结果；请用保存的原评审包 .jbx 以 jiebang ingest --package 导入`,
    };
  if (!signed)
    return {
      ok: false,
      reason: `未导入 ${ctx.file}：它回应的评审包不是本局签发的（清单所答评审包 ${cited.map((a) => `${a.manifestSha256.slice(0, 16)}…`).join('、') || '未注明'}，不在本局已签发的评审包中）`,
    };
  const { pkg } = signed;
  const previous = ctx.previous;
  const trust: TrustState = {
    ...emptyTrust(),
    bureauFingerprint: signed.signerFingerprint,
    retiredBureauKeys: ctx.bureau.retiredBureauKeys,
    pkg,
    packageManifestSha256: signed.manifestSha256,
    signers: previous?.trust.signers ?? {},
    counters: previous?.trust.counters ?? {},
    auditHeads: previous?.trust.auditHeads ?? {},
    imported: previous ? [previous.panel.manifestSha256] : [],
  };
  const verdict = checkImport(panel, trust);
  if (verdict.action === 'refuse')
    return { ok: false, reason: `未导入 ${ctx.file}：${verdict.reason}` };
  if (verdict.action === 'duplicate' && previous)
    return { ok: true, record: previous, isDuplicate: true, notes: verdict.notes };

  const sheets: IngestRecord['sheets'] = [];
  for (const inner of panel.inner) {
    if (inner.kind !== 'expert-sheets') continue;
    const signer = inner.manifest.signers[0];
    if (!inner.manifest.answers.some((a) => a.manifestSha256 === signed.manifestSha256))
      return {
        ok: false,
        reason: `未导入 ${ctx.file}：其中专家 ${inner.document.expertId} 的评分表不是针对本局签发的评审包作出的`,
      };
    if (!pkg.panel.experts.some((e) => e.id === inner.document.expertId))
      return {
        ok: false,
        reason: `未导入 ${ctx.file}：其中的评分表来自专家名单之外的 ${inner.document.expertId}`,
      };
    sheets.push({
      expertId: inner.document.expertId,
      source: 'electronic',
      manifestSha256: inner.manifestSha256,
      fingerprint: signer.fingerprint,
      sheet: inner.document,
    });
  }
  for (const t of panel.extra.transcribed)
    sheets.push({
      expertId: t.sheet.expertId,
      source: 'paper',
      scanSha256: t.scan.sha256,
      scanPath: t.scan.path,
      transcribedBy: t.transcribedBy,
      ...(t.checkedBy ? { checkedBy: t.checkedBy } : {}),
      sheet: t.sheet,
    });
  // Each sheet with its standing: a transcription never counts over the same expert's signed sheet.
  const used = panelResultSources(panel, ctx.file);
  const findings = checkPanelDecision(panel.document, pkg, used);
  const { agg } = analysePanel(pkg, used);
  const after = applyImport(trust, panel, verdict);
  const record: IngestRecord = {
    formatVersion: 1,
    packageId: pkg.packageId,
    title: pkg.title,
    package: { manifestSha256: signed.manifestSha256, bureauFingerprint: signed.signerFingerprint },
    panel: {
      file: ctx.file,
      fileSha256: panel.fileSha256,
      manifestSha256: panel.manifestSha256,
      bundleId: panel.manifest.bundleId,
      createdAt: panel.manifest.createdAt,
      signers: panel.manifest.signers.map((s) => ({
        role: s.role,
        id: s.id,
        name: s.name,
        fingerprint: s.fingerprint,
        counter: s.counter,
      })),
    },
    sheets,
    decision: panel.document,
    ranking: agg.results.map((r) => ({
      applicantId: r.applicantId,
      rank: r.rank,
      score: r.final === null ? null : fmt2(r.final),
      validSheets: r.validSheets,
      method: r.method,
    })),
    findings,
    ok: !hasBlocking(findings),
    trust: { signers: after.signers, counters: after.counters, auditHeads: after.auditHeads },
    ingestedAt: ctx.now,
  };
  const chair = panel.manifest.signers[0];
  return {
    ok: true,
    record,
    isDuplicate: false,
    notes: [
      `评审包 ${pkg.packageId}（本局签发，清单 ${signed.manifestSha256.slice(0, 16)}…）`,
      `组长 ${chair.name}（${chair.id}），指纹 ${formatFingerprint(chair.fingerprint)}，计数 ${chair.counter}`,
      `评分表 ${sheets.filter((s) => s.source === 'electronic').length} 份电子、${sheets.filter((s) => s.source === 'paper').length} 份纸质转录`,
      // The transcribed sheets as `jiebang verify` lists them (the one sentence, bundle/kinds.ts).
      ...(panel.extra.transcribed.length > 0
        ? [`纸质评分表：${transcribedListing(panel.extra.transcribed)}`]
        : []),
      // One scan for several experts' sheets: the chair's sentence (io/scan.ts), as verify says it.
      ...sameScanWarnings(transcribedScans(panel.extra.transcribed)).map(
        (w) => `⚠ 纸质评分表扫描件：${w}`,
      ),
      ...verdict.notes,
    ],
  };
}
