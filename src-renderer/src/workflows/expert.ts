/**
 * The expert's use cases (评审专家, 第十二条（五）, 第七条): import the bureau's review package,
 * enrol on its roster with a new signing key, score (every edit saved at once, the ones that
 * matter on the record), submit, reopen before export, export the signed sheet bundle, print the
 * paper sheet for the wet signature.
 */
import { applyImport, buildSheetBundle, checkImport, emptyTrust } from '../../../src-shared/bundle';
import { fingerprint, generateSigningKey } from '../../../src-shared/crypto/keys';
import type { ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import {
  emptySheet,
  reopenSheet as reopened,
  submitSheet as submitted,
  validateSheet,
  type SheetEdit,
} from '../../../src-shared/scoring';
import type { AuditRecord } from '../db/audit-actions';
import type { JiebangDB } from '../db/database';
import {
  commitChange,
  getAttachment,
  getEnrolment,
  getMeta,
  getPackage,
  getSheet,
  putAttachment,
  saveSheet,
  type Enrolment,
} from '../db/repo';
import { message, type Message } from '../i18n/strings';
import { WorkflowError, type Deps, type FileToSave, type SaveFile } from './deps';
import { verifyForImport, type OpenedOf, type Verified } from './imports';
import { signedRefusal } from './paper';
import { exportSigned, offer, type ExportOutcome } from './signing';

export interface Review {
  pkg: ReviewPackage | null;
  /** The review package bundle's manifest SHA-256 (the sheet bundle answers it). */
  manifestSha256: string | null;
  enrolment: Enrolment | null;
  sheet: ScoreSheet | null;
  /**
   * The panel result for the package is signed on this device (the chair's): the sheet is no
   * longer submitted (`signedRefusal`); the sentence why, else null.
   */
  panelSigned: Message | null;
}

/** The package in use, who this profile is on its roster, and the sheet so far. */
export async function loadReview(db: JiebangDB): Promise<Review> {
  const trust = await getMeta(db, 'trust');
  const current = trust?.pkg ? await getPackage(db, trust.pkg.packageId) : undefined;
  const enrolment = (await getEnrolment(db)) ?? null;
  const sheet =
    current && enrolment
      ? ((await getSheet(db, current.pkg.packageId, enrolment.expertId)) ??
        emptySheet(current.pkg, enrolment.expertId))
      : null;
  return {
    pkg: current?.pkg ?? null,
    manifestSha256: current?.manifestSha256 ?? null,
    enrolment,
    sheet,
    panelSigned: current ? await signedRefusal(db, current.pkg.packageId, 'submit') : null,
  };
}

/** Verifies a review package for import (every check shown); nothing is written. */
export async function verifyPackage(
  deps: Deps,
  bytes: Uint8Array,
  onProgress?: (phase: string, done: number, total: number) => void,
): Promise<Verified<'review-package'>> {
  return verifyForImport(bytes, {
    crypto: deps.crypto,
    kind: 'review-package',
    trust: (await getMeta(deps.db, 'trust')) ?? emptyTrust(),
    ...(onProgress ? { onProgress } : {}),
  });
}

/**
 * Imports a verified package once the user has compared the bureau's fingerprint: attachments
 * first (each in its own transaction, chunked), then the package, the trust state and the audit
 * entry together — a crash in between leaves attachments without a package, never the reverse.
 * @throws WorkflowError when the import policy now refuses it (the trust state changed since).
 */
export async function importPackage(
  deps: Deps,
  actor: string,
  bundle: OpenedOf<'review-package'>,
): Promise<{ notes: string[] }> {
  const verified = await verifyForImportAgain(deps, bundle);
  if (verified.duplicate) return { notes: verified.notes };
  const pkg = bundle.document;
  for (const applicant of pkg.applicants)
    for (const a of applicant.attachments) {
      const bytes = bundle.files.get(a.path);
      if (bytes)
        await putAttachment(
          deps.db,
          { id: a.id, packageId: pkg.packageId, name: a.name, mediaType: a.mediaType },
          bytes,
        );
    }
  await commitChange(
    deps.db,
    { pkg: { pkg, manifestSha256: bundle.manifestSha256 }, meta: { trust: verified.trust } },
    {
      actor,
      action: 'package.import',
      target: pkg.packageId,
      details: {
        manifestSha256: bundle.manifestSha256,
        bureau: bundle.manifest.signers[0].fingerprint,
      },
      at: deps.now().toISOString(),
    },
  );
  return { notes: verified.notes };
}

/** The import policy again, on the opened bundle, against the trust state as it is now. */
async function verifyForImportAgain(deps: Deps, bundle: OpenedOf<'review-package'>) {
  const trust = (await getMeta(deps.db, 'trust')) ?? emptyTrust();
  const verdict = checkImport(bundle, trust);
  if (verdict.action === 'refuse') throw new WorkflowError({ text: verdict.reason });
  if (verdict.action === 'duplicate') return { duplicate: true, notes: verdict.notes, trust };
  return { duplicate: false, notes: verdict.notes, trust: applyImport(trust, bundle, verdict) };
}

/**
 * Enrols this profile as `expertId` of the package's roster, the pledge of 第七条 confirmed now:
 * a new Ed25519 signing key (its fingerprint goes on the paper sheet) and an empty sheet.
 */
export async function enrol(
  deps: Deps,
  pkg: ReviewPackage,
  expertId: string,
): Promise<{ enrolment: Enrolment; sheet: ScoreSheet }> {
  const expert = pkg.panel.experts.find((e) => e.id === expertId);
  if (!expert) throw new WorkflowError(message('review.notOnRoster', { id: expertId }));
  const key = generateSigningKey();
  const at = deps.now().toISOString();
  const enrolment: Enrolment = {
    packageId: pkg.packageId,
    expertId,
    pledgeAt: at,
    secretKey: key.secretKey,
    fingerprint: fingerprint(key.publicKey),
    counter: 0,
  };
  const sheet = emptySheet(pkg, expertId, at);
  await commitChange(
    deps.db,
    { enrolment, sheet: { sheet, status: 'draft', updatedAt: at } },
    {
      actor: `${expert.id} ${expert.name}`,
      action: 'enrol',
      target: pkg.packageId,
      details: { pledgeConfirmed: true, fingerprint: enrolment.fingerprint },
      at,
    },
  );
  return { enrolment, sheet };
}

/** The audit entry an edit is recorded with: scores and recusals are; text as typed is not. */
export function auditOfEdit(edit: SheetEdit, actor: string, at: string): AuditRecord | null {
  switch (edit.type) {
    case 'points':
      return {
        actor,
        action: 'score.edit',
        target: `${edit.applicantId}/${edit.criterionId}`,
        details: { points: edit.points },
        at,
      };
    case 'recuse':
      return {
        actor,
        action: 'recusal.declare',
        target: edit.applicantId,
        details: { kind: edit.kind },
        at,
      };
    case 'withdraw-recusal':
      return { actor, action: 'recusal.withdraw', target: edit.applicantId, at };
    case 'comment':
    case 'opinion':
    case 'deviation-reason':
    case 'suggested-funding':
      return null;
    default: {
      const unknown: never = edit;
      throw new Error(`unknown sheet edit ${JSON.stringify(unknown)}`);
    }
  }
}

/** Saves the sheet as edited (autosave), with the edit's audit entry when it has one. */
export function saveSheetEdit(
  deps: Deps,
  sheet: ScoreSheet,
  enrolment: Enrolment,
  edit: SheetEdit,
): Promise<void> {
  return saveSheet(deps.db, sheet, auditOfEdit(edit, enrolment.expertId, deps.now().toISOString()));
}

/** Submits the sheet: only when every door would take it (validateSheet), then locked. */
export async function submitSheet(
  deps: Deps,
  pkg: ReviewPackage,
  sheet: ScoreSheet,
  enrolment: Enrolment,
): Promise<ScoreSheet> {
  if (sheet.status !== 'draft') throw new WorkflowError(message('review.notDraft'));
  // The chair's own sheet after the panel result is signed: nothing written (第十二条（六）).
  const signed = await signedRefusal(deps.db, pkg.packageId, 'submit');
  if (signed) throw new WorkflowError(signed);
  if (validateSheet(sheet, pkg).length > 0) throw new WorkflowError(message('review.issues'));
  const at = deps.now().toISOString();
  const next = submitted(sheet, at);
  await saveSheet(deps.db, next, {
    actor: enrolment.expertId,
    action: 'sheet.submit',
    target: sheet.packageId,
    at,
  });
  return next;
}

/** Back to a draft for changes: only before the sheet has left the device. */
export async function reopenSheet(
  deps: Deps,
  sheet: ScoreSheet,
  enrolment: Enrolment,
): Promise<ScoreSheet> {
  if (enrolment.exportedAt) throw new WorkflowError(message('review.exportedLocked'));
  const next = reopened(sheet);
  await saveSheet(deps.db, next, {
    actor: enrolment.expertId,
    action: 'sheet.reopen',
    target: sheet.packageId,
    at: deps.now().toISOString(),
  });
  return next;
}

/** The file name of a sheet bundle: package, then expert. */
export const sheetBundleName = (packageId: string, expertId: string): string =>
  `${packageId}-${expertId}.jbx`;

/**
 * Signs and exports the submitted sheet (exportSigned's order): the bundle answers the review
 * package, carries the audit chain, and is kept byte for byte (the chair may take it from here);
 * the sheet is then exported and can no longer change.
 */
export async function exportSheet(
  deps: Deps & { save: SaveFile },
  review: { pkg: ReviewPackage; manifestSha256: string; sheet: ScoreSheet; enrolment: Enrolment },
): Promise<{ outcome: ExportOutcome; enrolment: Enrolment }> {
  const { pkg, manifestSha256, sheet, enrolment } = review;
  if (sheet.status !== 'submitted') throw new WorkflowError(message('review.notSubmitted'));
  const expert = pkg.panel.experts.find((e) => e.id === enrolment.expertId);
  const name = sheetBundleName(pkg.packageId, enrolment.expertId);
  let exportedAt = '';
  const outcome = await exportSigned(deps, enrolment, {
    kind: 'expert-sheets',
    build: async ({ counter, audit }) => ({
      name,
      counter,
      zip: await buildSheetBundle({
        crypto: deps.crypto,
        sheet,
        signer: {
          role: expert?.role === 'chair' ? 'chair' : 'expert',
          name: expert?.name ?? enrolment.expertId,
          secretKey: enrolment.secretKey,
          counter,
          audit: audit.head,
        },
        answers: manifestSha256,
        files: new Map([['audit.json', audit.bytes]]),
      }),
    }),
    record: ({ file, counter, at }) => {
      exportedAt = at;
      return {
        change: {
          enrolment: { ...enrolment, exportedAt: at },
          meta: { exportedBundle: { name: file.name, bytes: file.bytes } },
          sheet: { sheet, status: 'exported', updatedAt: at },
        },
        audit: {
          actor: enrolment.expertId,
          action: 'sheet.export',
          target: pkg.packageId,
          details: { counter },
          at,
        },
      };
    },
  });
  return { outcome, enrolment: { ...enrolment, counter: enrolment.counter + 1, exportedAt } };
}

/** Offers the exported sheet bundle again, byte for byte (after a cancelled or failed save). */
export async function saveExportedAgain(deps: Deps & { save: SaveFile }): Promise<ExportOutcome> {
  const kept = await getMeta(deps.db, 'exportedBundle');
  if (!kept) throw new WorkflowError(message('review.notExported'));
  return offer(deps.save, { name: kept.name, bytes: kept.bytes });
}

/** The paper sheet for the wet signature, rendered in main, then offered to save. */
export async function paperSheet(
  render: (input: {
    pkg: ReviewPackage;
    sheet: ScoreSheet;
    fingerprint: string;
  }) => Promise<{ bytes: Uint8Array }>,
  save: SaveFile,
  review: { pkg: ReviewPackage; sheet: ScoreSheet; enrolment: Enrolment; name: string },
): Promise<ExportOutcome> {
  const { bytes } = await render({
    pkg: review.pkg,
    sheet: review.sheet,
    fingerprint: review.enrolment.fingerprint,
  });
  const file: FileToSave = {
    name: review.name,
    bytes,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  return offer(save, file);
}

/** A proposal or another attachment of the package, checked against its hash. */
export const loadAttachment = (db: JiebangDB, id: string) => getAttachment(db, id);
