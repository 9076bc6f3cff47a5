/**
 * The chair's desk: the panel's signed sheet bundles gathered (each verified, validated against the
 * rubric, matched to its expert, kept byte for byte for the panel bundle), what the chair has
 * decided and written so far (`DecisionChoices`), and signing. Every rule lives in src-shared
 * (decision/) and the desk's use cases in workflows/chair.ts; this store only holds state.
 */
import { z } from 'zod';
import { create } from 'zustand';
import {
  applyImport,
  checkImport,
  emptyTrust,
  TrustStateSchema,
  openBundle,
  type TrustState,
} from '../../../src-shared/bundle';
import { formatFingerprint } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { DecisionChoices } from '../../../src-shared/decision';
import {
  PanelDecisionSchema,
  ScoreSheetSchema,
  type PanelDecision,
  type ReviewPackage,
  type ScoreSheet,
} from '../../../src-shared/model';
import { describeSheetIssue, validateSheet } from '../../../src-shared/scoring';
import type { JiebangDB } from '../db/database';
import { commitChange, getMeta, saveDecision } from '../db/repo';
import type { Enrolment } from '../db/repo';
import { buildSheetBundle } from '../../../src-shared/bundle';
import { buildPanelBundle } from '../workflows/chair';
import { auditForSigning } from './signing';

const GatheredSchema = z.array(
  z.object({
    expertId: z.string(),
    name: z.string(),
    fingerprint: z.string(),
    manifestSha256: z.string(),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
    sheet: ScoreSheetSchema,
  }),
);
export type Gathered = z.infer<typeof GatheredSchema>[number];

const ExportedSchema = z.object({
  name: z.string(),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
});

export interface ImportOutcome {
  file: string;
  ok: boolean;
  message: string;
}

interface ChairState {
  gathered: Gathered[];
  outcomes: ImportOutcome[];
  /** What the chair has decided and written; null: the rules' proposal, nothing written yet. */
  choices: DecisionChoices | null;
  load: (db: JiebangDB) => Promise<void>;
  importSheets: (
    db: JiebangDB,
    actor: string,
    pkg: ReviewPackage,
    files: readonly { name: string; bytes: Uint8Array }[],
  ) => Promise<void>;
  setChoices: (choices: DecisionChoices) => void;
  signAndBuild: (
    db: JiebangDB,
    enrolment: Enrolment,
    input: { pkg: ReviewPackage; decision: PanelDecision; own: ScoreSheet | null },
  ) => Promise<Uint8Array>;
}

export const useChair = create<ChairState>()((set, get) => ({
  gathered: [],
  outcomes: [],
  choices: null,
  load: async (db) =>
    set({ gathered: (await getMeta(db, 'gathered', GatheredSchema)) ?? [], outcomes: [] }),
  importSheets: async (db, actor, pkg, files) => {
    const outcomes: ImportOutcome[] = [];
    let trust: TrustState = (await getMeta(db, 'trust', TrustStateSchema)) ?? emptyTrust();
    let gathered = [...get().gathered];
    // Each file is verified on its own: a bad one is refused by name, the others still import.
    for (const f of files) {
      const opened = await openBundle(f.bytes, { crypto: nobleCrypto });
      if (!opened.ok) {
        outcomes.push({ file: f.name, ok: false, message: opened.error.message });
        continue;
      }
      const b = opened.bundle;
      const signer = b.manifest.signers[0];
      if (b.kind !== 'expert-sheets') {
        outcomes.push({ file: f.name, ok: false, message: '不是专家评分表' });
        continue;
      }
      if (b.document.status !== 'submitted') {
        outcomes.push({ file: f.name, ok: false, message: '评分表尚未提交' });
        continue;
      }
      // The rubric, as at every door: a sheet with a bad cell is refused, named to the cell.
      const issues = validateSheet(b.document, pkg);
      if (issues.length > 0) {
        outcomes.push({
          file: f.name,
          ok: false,
          message: `评分表未通过评分标准校验：${issues.map((i) => describeSheetIssue(i, pkg)).join('；')}`,
        });
        continue;
      }
      const verdict = checkImport(b, trust);
      if (verdict.action === 'refuse') {
        outcomes.push({ file: f.name, ok: false, message: verdict.reason });
        continue;
      }
      if (verdict.action === 'duplicate') {
        outcomes.push({
          file: f.name,
          ok: true,
          message: `${signer.name}：已导入过，未作更改`,
        });
        continue;
      }
      trust = applyImport(trust, b, verdict);
      gathered = [
        ...gathered.filter((g) => g.expertId !== b.document.expertId),
        {
          expertId: b.document.expertId,
          name: signer.name,
          fingerprint: signer.fingerprint,
          manifestSha256: b.manifestSha256,
          bytes: f.bytes,
          sheet: b.document,
        },
      ];
      outcomes.push({
        file: f.name,
        ok: true,
        message: `${signer.name}（${b.document.expertId}）指纹 ${formatFingerprint(signer.fingerprint)}`,
      });
    }
    await commitChange(
      db,
      { meta: { trust, gathered } },
      {
        actor,
        action: 'sheets.import',
        target: `${outcomes.filter((o) => o.ok).length}/${files.length}`,
        details: { refused: outcomes.filter((o) => !o.ok).length },
      },
    );
    // New sheets change the figures: the desk reopens on the rules' proposal.
    set({ gathered, outcomes, choices: null });
  },
  setChoices: (choices) => set({ choices }),
  signAndBuild: async (db, enrolment, { pkg, decision, own }) => {
    const signed = PanelDecisionSchema.parse(decision);
    const trust = await getMeta(db, 'trust', TrustStateSchema);
    const chairName =
      pkg.panel.experts.find((e) => e.id === enrolment.expertId)?.name ?? enrolment.expertId;
    const chair = { id: enrolment.expertId, name: chairName, secretKey: enrolment.secretKey };
    let counter = enrolment.counter;
    // The chair's own sheet travels as a sheet bundle like every other: the one exported, or one
    // signed now (which locks the sheet, as an export does).
    const sheetBundles = get().gathered.filter((g) => g.expertId !== enrolment.expertId);
    let ownExport: { name: string; bytes: Uint8Array } | null = null;
    if (own?.status === 'submitted') {
      const exported = await getMeta(db, 'exportedBundle', ExportedSchema);
      const opened = exported ? await openBundle(exported.bytes, { crypto: nobleCrypto }) : null;
      let bytes = exported?.bytes;
      if (!opened?.ok) {
        counter += 1;
        const audit = await auditForSigning(db);
        bytes = await buildSheetBundle({
          crypto: nobleCrypto,
          sheet: own,
          signer: {
            role: 'chair',
            name: chair.name,
            secretKey: chair.secretKey,
            counter,
            audit: audit.head,
          },
          ...(trust?.packageManifestSha256 ? { answers: trust.packageManifestSha256 } : {}),
          files: new Map([['audit.json', audit.bytes]]),
        });
        ownExport = { name: `${pkg.packageId}-${enrolment.expertId}.jbx`, bytes };
      }
      const check = bytes ? await openBundle(bytes, { crypto: nobleCrypto }) : null;
      if (!check?.ok || !bytes) throw new Error('组长本人的评分表文件包未通过自检');
      sheetBundles.push({
        expertId: enrolment.expertId,
        name: chairName,
        fingerprint: check.bundle.manifest.signers[0].fingerprint,
        manifestSha256: check.bundle.manifestSha256,
        bytes,
        sheet: own,
      });
    }
    counter += 1;
    await saveDecision(db, signed, enrolment.expertId, 'decision.record');
    const now = new Date().toISOString();
    await commitChange(
      db,
      {
        enrolment: {
          ...enrolment,
          counter,
          ...(ownExport ? { exportedAt: now } : {}),
        },
        ...(ownExport && own
          ? {
              meta: { exportedBundle: ownExport },
              sheet: { sheet: own, status: 'exported' as const, updatedAt: now },
            }
          : {}),
      },
      {
        actor: enrolment.expertId,
        action: 'decision.sign',
        target: signed.packageId,
        details: { recommended: signed.recommendedIds.join(','), total: signed.approvedTotal },
      },
    );
    return buildPanelBundle({
      crypto: nobleCrypto,
      decision: signed,
      pkg,
      chair,
      counter,
      ...(trust?.packageManifestSha256
        ? { packageManifestSha256: trust.packageManifestSha256 }
        : {}),
      sheetBundles,
      audit: await auditForSigning(db),
    });
  },
}));
