/**
 * The expert's review: the imported package, the enrolment (who I am on the roster, my signing
 * key), and my sheet. Every edit goes to the database at once (autosave) through the repositories;
 * the audit log records imports, enrolment, recusals, score edits, submission, reopening, export.
 */
import { create } from 'zustand';
import {
  applyImport,
  checkImport,
  emptyTrust,
  TrustStateSchema,
  openBundle,
  type OpenedBundle,
  type TrustState,
} from '../../../src-shared/bundle';
import { fingerprint, generateSigningKey, publicKeyOf } from '../../../src-shared/crypto/keys';
import {
  type ApplicantScore,
  type ReviewPackage,
  type ScoreSheet,
} from '../../../src-shared/model';
import type { JiebangDB } from '../db/database';
import {
  auditLog,
  commitChange,
  getEnrolment,
  getMeta,
  type Enrolment,
  getPackage,
  getSheet,
  putAttachment,
  saveSheet,
} from '../db/repo';
import { buildSheetBundle } from '../workflows/sheet-bundle';
import { useSaveState } from './save';

interface ReviewState {
  loaded: boolean;
  pkg: ReviewPackage | null;
  manifestSha256: string | null;
  enrolment: Enrolment | null;
  sheet: ScoreSheet | null;
  load: (db: JiebangDB) => Promise<void>;
  /** Verifies nothing is wrong before anything is written; returns the verdict for the UI. */
  importPackage: (
    db: JiebangDB,
    actor: string,
    bundle: OpenedBundle,
  ) => Promise<{ ok: true; notes: string[] } | { ok: false; reason: string }>;
  enrol: (db: JiebangDB, expertId: string) => Promise<void>;
  updateScore: (
    db: JiebangDB,
    applicantId: string,
    change: (s: ApplicantScore) => ApplicantScore,
    audit?: {
      action: string;
      target: string;
      details?: Record<string, string | number | boolean | null>;
    },
  ) => void;
  submit: (db: JiebangDB) => Promise<void>;
  reopen: (db: JiebangDB) => Promise<void>;
  exportBundle: (
    db: JiebangDB,
    save: (bytes: Uint8Array, name: string) => Promise<boolean>,
  ) => Promise<boolean>;
}

function emptySheet(pkg: ReviewPackage, expertId: string): ScoreSheet {
  return { formatVersion: 1, packageId: pkg.packageId, expertId, status: 'draft', scores: [] };
}

export const useReview = create<ReviewState>()((set, get) => ({
  loaded: false,
  pkg: null,
  manifestSha256: null,
  enrolment: null,
  sheet: null,
  load: async (db) => {
    const trust = await getMeta(db, 'trust', TrustStateSchema);
    const current = trust?.pkg ? await getPackage(db, trust.pkg.packageId) : undefined;
    const enrolment = (await getEnrolment(db)) ?? null;
    const sheet =
      current && enrolment
        ? ((await getSheet(db, current.pkg.packageId, enrolment.expertId)) ??
          emptySheet(current.pkg, enrolment.expertId))
        : null;
    set({
      loaded: true,
      pkg: current?.pkg ?? null,
      manifestSha256: current?.manifestSha256 ?? null,
      enrolment,
      sheet,
    });
  },
  importPackage: async (db, actor, bundle) => {
    if (bundle.kind !== 'review-package')
      return { ok: false, reason: '这不是评审包（请在“文件包核验”中查看此文件）' };
    const trust: TrustState = (await getMeta(db, 'trust', TrustStateSchema)) ?? emptyTrust();
    const verdict = checkImport(bundle, trust);
    if (verdict.action === 'refuse') return { ok: false, reason: verdict.reason };
    if (verdict.action === 'duplicate') return { ok: true, notes: verdict.notes };
    const next = applyImport(trust, bundle, verdict);
    const pkg = bundle.document;
    // Attachments first (each in its own transaction, chunked), then the package, trust and audit
    // together: a crash in between leaves attachments without a package, never the reverse.
    for (const applicant of pkg.applicants) {
      for (const a of applicant.attachments) {
        const bytes = bundle.files.get(a.path);
        if (bytes)
          await putAttachment(
            db,
            { id: a.id, packageId: pkg.packageId, name: a.name, mediaType: a.mediaType },
            bytes,
          );
      }
    }
    await commitChange(
      db,
      { pkg: { pkg, manifestSha256: bundle.manifestSha256 }, meta: { trust: next } },
      {
        actor,
        action: 'package.import',
        target: pkg.packageId,
        details: {
          manifestSha256: bundle.manifestSha256,
          bureau: bundle.manifest.signer.fingerprint,
        },
      },
    );
    set({ pkg, manifestSha256: bundle.manifestSha256 });
    return { ok: true, notes: verdict.notes };
  },
  enrol: async (db, expertId) => {
    const { pkg } = get();
    if (!pkg) throw new Error('请先导入评审包');
    const expert = pkg.panel.experts.find((e) => e.id === expertId);
    if (!expert) throw new Error('专家不在名单中');
    const key = generateSigningKey();
    const enrolment: Enrolment = {
      packageId: pkg.packageId,
      expertId,
      pledgeAt: new Date().toISOString(),
      secretKey: key.secretKey,
      fingerprint: fingerprint(key.publicKey),
      counter: 0,
    };
    const sheet = { ...emptySheet(pkg, expertId), pledgeConfirmedAt: enrolment.pledgeAt };
    await commitChange(
      db,
      { enrolment, sheet: { sheet, status: 'draft', updatedAt: enrolment.pledgeAt } },
      {
        actor: `${expert.id} ${expert.name}`,
        action: 'enrol',
        target: pkg.packageId,
        details: { pledge: '第七条 保密', fingerprint: enrolment.fingerprint },
      },
    );
    set({ enrolment, sheet });
  },
  updateScore: (db, applicantId, change, audit) => {
    const { sheet, enrolment } = get();
    if (!sheet || !enrolment || sheet.status !== 'draft') return;
    const existing = sheet.scores.find((s) => s.applicantId === applicantId) ?? {
      applicantId,
      criteria: [],
      overallOpinion: '',
    };
    const updated = change(existing);
    const scores = sheet.scores.some((s) => s.applicantId === applicantId)
      ? sheet.scores.map((s) => (s.applicantId === applicantId ? updated : s))
      : [...sheet.scores, updated];
    const next = { ...sheet, scores };
    set({ sheet: next });
    void useSaveState.getState().track(
      saveSheet(
        db,
        next,
        audit
          ? {
              actor: enrolment.expertId,
              action: audit.action,
              target: audit.target,
              details: audit.details ?? {},
            }
          : null,
      ),
    );
  },
  submit: async (db) => {
    const { sheet, enrolment } = get();
    if (!sheet || !enrolment) return;
    const next: ScoreSheet = {
      ...sheet,
      status: 'submitted',
      submittedAt: new Date().toISOString(),
    };
    await saveSheet(db, next, {
      actor: enrolment.expertId,
      action: 'sheet.submit',
      target: sheet.packageId,
    });
    set({ sheet: next });
  },
  reopen: async (db) => {
    const { sheet, enrolment } = get();
    if (!sheet || !enrolment || enrolment.exportedAt) return;
    const { submittedAt: _dropped, ...rest } = sheet;
    const next: ScoreSheet = { ...rest, status: 'draft' };
    await saveSheet(db, next, {
      actor: enrolment.expertId,
      action: 'sheet.reopen',
      target: sheet.packageId,
    });
    set({ sheet: next });
  },
  exportBundle: async (db, save) => {
    const { sheet, enrolment, pkg, manifestSha256 } = get();
    if (!sheet || !enrolment || !pkg || !manifestSha256 || sheet.status !== 'submitted')
      return false;
    const expert = pkg.panel.experts.find((e) => e.id === enrolment.expertId);
    const counter = enrolment.counter + 1;
    const audit = await auditLog(db);
    const bytes = await buildSheetBundle({
      sheet,
      signer: {
        role: expert?.role === 'chair' ? 'chair' : 'expert',
        id: enrolment.expertId,
        name: expert?.name ?? enrolment.expertId,
        secretKey: enrolment.secretKey,
      },
      counter,
      packageManifestSha256: manifestSha256,
      auditJson: new TextEncoder().encode(JSON.stringify(audit, null, 2)),
    });
    // A last check that what leaves the machine opens and verifies.
    const check = await openBundle(bytes);
    if (
      !check.ok ||
      fingerprint(publicKeyOf(enrolment.secretKey)) !== check.bundle.manifest.signer.fingerprint
    )
      throw new Error('导出的文件未通过自检');
    const saved = await save(bytes, `${pkg.packageId}-${enrolment.expertId}.jbx`);
    if (!saved) return false;
    const done = { ...enrolment, counter, exportedAt: new Date().toISOString() };
    await commitChange(
      db,
      {
        enrolment: done,
        meta: {
          // Kept byte for byte: on a laptop shared by the panel the chair can take it from here.
          exportedBundle: { name: `${pkg.packageId}-${enrolment.expertId}.jbx`, bytes },
        },
        sheet: { sheet, status: 'exported', updatedAt: done.exportedAt },
      },
      {
        actor: enrolment.expertId,
        action: 'sheet.export',
        target: pkg.packageId,
        details: { counter },
      },
    );
    set({ enrolment: done });
    return true;
  },
}));
