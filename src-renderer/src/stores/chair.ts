/**
 * The chair's desk: gathering the panel's signed sheet bundles (each verified, matched to its
 * expert, kept byte for byte for the panel bundle), and signing the panel decision.
 */
import { z } from 'zod';
import { create } from 'zustand';
import {
  applyImport,
  buildBundle,
  checkImport,
  emptyTrust,
  TrustStateSchema,
  openBundle,
  type TrustState,
} from '../../../src-shared/bundle';
import { formatFingerprint } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { ScoreSheetSchema, type PanelDecision, type ScoreSheet } from '../../../src-shared/model';
import type { JiebangDB } from '../db/database';
import { commitChange, getMeta, saveDecision } from '../db/repo';
import type { Enrolment } from '../db/repo';
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

export interface ImportOutcome {
  file: string;
  ok: boolean;
  message: string;
}

interface ChairState {
  gathered: Gathered[];
  outcomes: ImportOutcome[];
  load: (db: JiebangDB) => Promise<void>;
  importSheets: (
    db: JiebangDB,
    actor: string,
    files: readonly { name: string; bytes: Uint8Array }[],
  ) => Promise<void>;
  signAndBuild: (
    db: JiebangDB,
    enrolment: Enrolment,
    decision: PanelDecision,
    recipient: string,
    chairName: string,
  ) => Promise<Uint8Array>;
}

export const useChair = create<ChairState>()((set, get) => ({
  gathered: [],
  outcomes: [],
  load: async (db) =>
    set({ gathered: (await getMeta(db, 'gathered', GatheredSchema)) ?? [], outcomes: [] }),
  importSheets: async (db, actor, files) => {
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
    set({ gathered, outcomes });
  },
  signAndBuild: async (db, enrolment, decision, recipient, chairName) => {
    const gathered = get().gathered;
    const trust = await getMeta(db, 'trust', TrustStateSchema);
    const counter = enrolment.counter + 1;
    await saveDecision(db, decision, enrolment.expertId, 'decision.record');
    await commitChange(
      db,
      { enrolment: { ...enrolment, counter } },
      {
        actor: enrolment.expertId,
        action: 'decision.sign',
        target: decision.packageId,
        details: { recommended: decision.recommendedIds.join(','), total: decision.approvedTotal },
      },
    );
    const audit = await auditForSigning(db);
    return buildBundle({
      crypto: nobleCrypto,
      kind: 'panel-result',
      bundleId: `${decision.packageId}-PANEL-${counter}`,
      subject: { type: 'package', id: decision.packageId },
      signers: [
        {
          role: 'chair',
          id: enrolment.expertId,
          name: chairName,
          secretKey: enrolment.secretKey,
          counter,
          audit: audit.head,
        },
      ],
      answers: [
        ...(trust?.packageManifestSha256
          ? [{ kind: 'review-package' as const, manifestSha256: trust.packageManifestSha256 }]
          : []),
        ...gathered.map((g) => ({
          kind: 'expert-sheets' as const,
          manifestSha256: g.manifestSha256,
          ref: g.expertId,
        })),
      ],
      document: decision,
      files: new Map<string, Uint8Array>([
        ...gathered.map((g): [string, Uint8Array] => [`sheets/${g.expertId}.jbx`, g.bytes]),
        ['audit.json', audit.bytes],
      ]),
      encryptTo: { recipient },
    });
  },
}));

export const sheetsOf = (gathered: readonly Gathered[]): ScoreSheet[] =>
  gathered.map((g) => g.sheet);
