/**
 * Repositories: the only way the UI and stores reach the database. Reads are validated with the
 * domain schemas (zod at the boundary); multi-table writes run in one transaction together with
 * their audit entry, so a change and its record in the audit log land together or not at all.
 */
import { z } from 'zod';
import {
  appendEntry,
  AuditEntrySchema,
  verifyChain,
  type AuditEntry,
} from '../../../src-shared/audit/chain';
import { keptDocument } from '../../../src-shared/bundle/kept';
import { KINDS } from '../../../src-shared/bundle/kinds';
import { subjectKey, type Subject } from '../../../src-shared/bundle/terms';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { sha256Hex } from '../../../src-shared/crypto/keys';
import {
  InspectionReportSchema,
  PanelDecisionSchema,
  ReviewPackageSchema,
  ScoreSheetSchema,
  type InspectionReport,
  type PanelDecision,
  type ReviewPackage,
  type ScoreSheet,
} from '../../../src-shared/model';
import { parseScoreSheet } from '../../../src-shared/model/sheet-read';
import { SHEET_LABELS } from '../../../src-shared/model/labels';
import { describeSchemaIssues } from '../../../src-shared/scoring/sheet';
import { TaskBookDraftSchema, type TaskBookDraft } from '../../../src-shared/taskbook';
import type { AuditRecord } from './audit-actions';
import {
  gatheredRowId,
  moveSigningKey,
  splitPackage,
  type JiebangDB,
  type SheetRow,
} from './database';
import { isMetaKey, readMetaValue, type MetaKey, type MetaPatch, type MetaValue } from './meta';
import { blindIndex, openBytes, sealBytes } from './seal';
import { dbText } from '../i18n/db';

export const CHUNK_BYTES = 1024 * 1024;

const pad = (n: number) => String(n).padStart(9, '0');

async function lastAudit(db: JiebangDB): Promise<AuditEntry | undefined> {
  const row = await db.audit.orderBy('id').last();
  return row ? AuditEntrySchema.parse(row['entry']) : undefined;
}

/** Appends an audit entry, inside the transaction of the change it records. */
export async function appendAudit(db: JiebangDB, input: AuditRecord): Promise<AuditEntry> {
  const entry = appendEntry(await lastAudit(db), input);
  await db.audit.put({ id: pad(entry.seq), entry });
  return entry;
}

export async function auditLog(db: JiebangDB): Promise<AuditEntry[]> {
  return (await db.audit.orderBy('id').toArray()).map((r) => AuditEntrySchema.parse(r['entry']));
}

export async function verifyAudit(db: JiebangDB) {
  return verifyChain(await auditLog(db));
}

// ---- the expert's enrolment; its signing key in the keys table ----

/** Who this profile is on a package's roster, and the Ed25519 key it signs with (第七条). */
export interface Enrolment {
  packageId: string;
  expertId: string;
  pledgeAt: string;
  secretKey: Uint8Array;
  fingerprint: string;
  /** The last counter this key signed with (each bundle it signs counts one up). */
  counter: number;
  /** When the expert's sheet left the device (it can no longer change). */
  exportedAt?: string;
}

const SigningKeySchema = z.object({
  secretKey: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
  fingerprint: z.string(),
});

export async function getEnrolment(db: JiebangDB): Promise<Enrolment | undefined> {
  const stored = await getMeta(db, 'enrolment');
  if (!stored) return undefined;
  const row = await db.keys.get(stored.keyId);
  if (!row) throw new Error(dbText.signingKeyMissing(stored.keyId));
  const { keyId: _keyId, ...rest } = stored;
  return { ...rest, secretKey: SigningKeySchema.parse(row).secretKey };
}

async function putEnrolment(db: JiebangDB, enrolment: Enrolment): Promise<void> {
  const split = moveSigningKey({ id: 'enrolment', value: enrolment });
  if (!split) throw new Error(dbText.signingSecretMissing);
  await db.keys.put(split.key);
  await db.meta.put(split.row);
}

// ---- one change and its audit entry ----

/** A sheet bundle the chair gathered: its expert's sheet, and the signed bytes as received. */
export interface GatheredSheet {
  expertId: string;
  /** The signer's name and key fingerprint, as the bundle's manifest gives them. */
  name: string;
  fingerprint: string;
  /** The bundle's manifest SHA-256 and its exact bytes (the panel bundle ships them again). */
  manifestSha256: string;
  bytes: Uint8Array;
  sheet: ScoreSheet;
}

/** What one change writes; `commitChange` puts it all in one transaction with its audit entry. */
export interface Change {
  /** A review package (its applicants in their own rows), with its bundle's manifest SHA-256. */
  pkg?: { pkg: ReviewPackage; manifestSha256: string };
  /** A score sheet; the row's status when it differs from the sheet's own (exported). */
  sheet?: { sheet: ScoreSheet; status?: SheetRow['status']; updatedAt?: string };
  /** Sheet bundles gathered by the chair, one row each (a later one of an expert replaces it). */
  gathered?: readonly GatheredSheet[];
  /** The panel decision as signed. */
  decision?: PanelDecision;
  /** A task book or a draft of one. */
  taskBook?: TaskBookDraft;
  /** The expert's enrolment (its signing key goes to the keys table). */
  enrolment?: Enrolment;
  /** Settings and small records, by their registered key (db/meta.ts). */
  meta?: MetaPatch;
  /** Key rows, by id (an inspector's wrapped signing key); sealed like every keys row. */
  keys?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The bureau's review rounds, by package id (workflows/bureau.ts). */
  rounds?: Readonly<Record<string, unknown>>;
}

/**
 * Writes a change and its audit entry in one transaction: both land, or neither. Every write of
 * the app goes through here (the attachments' chunks alone are written by `putAttachment`).
 */
export async function commitChange(
  db: JiebangDB,
  change: Change,
  audit: AuditRecord | null,
): Promise<void> {
  const { pkg, sheet, gathered, decision, taskBook, enrolment, meta, keys, rounds } = change;
  const tables = [
    db.audit,
    ...(pkg ? [db.packages, db.applicants] : []),
    ...(sheet ? [db.sheets] : []),
    ...(gathered ? [db.gathered] : []),
    ...(decision ? [db.decisions] : []),
    ...(taskBook ? [db.taskbooks] : []),
    ...(enrolment || keys ? [db.keys] : []),
    ...(meta || enrolment ? [db.meta] : []),
    ...(rounds ? [db.rounds] : []),
  ];
  await db.transaction('rw', tables, async () => {
    if (pkg) await putPackage(db, pkg.pkg, pkg.manifestSha256);
    if (sheet) await db.sheets.put(sheetRow(sheet.sheet, sheet.status, sheet.updatedAt));
    // One put per bundle, each sealed in a task of its own (issue 22: 49 sheet bundles sealed in
    // one call held the page for seconds); still one transaction.
    if (gathered) for (const g of gathered) await db.gathered.put(gatheredRow(db, g));
    if (decision)
      await db.decisions.put({ id: decision.packageId, packageId: decision.packageId, decision });
    if (taskBook)
      await db.taskbooks.put({
        id: taskBook.taskBookId,
        packageId: taskBook.packageId,
        status: taskBook.status,
        tb: taskBook,
      });
    if (enrolment) await putEnrolment(db, enrolment);
    for (const [id, value] of Object.entries(meta ?? {}))
      if (isMetaKey(id)) await db.meta.put({ id, value });
    for (const [id, row] of Object.entries(keys ?? {})) await db.keys.put({ ...row, id });
    for (const [id, value] of Object.entries(rounds ?? {})) await db.rounds.put({ id, value });
    if (audit) await appendAudit(db, audit);
  });
}

/** An audit entry for something that changes no record (unlock, lock, a passphrase change). */
export const recordAudit = (db: JiebangDB, audit: AuditRecord): Promise<void> =>
  commitChange(db, {}, audit);

// ---- review packages: the package row, and one row per applicant (揭榜方) ----

async function putPackage(db: JiebangDB, pkg: ReviewPackage, manifestSha256: string) {
  const split = splitPackage({ id: pkg.packageId, manifestSha256, pkg });
  if (!split) throw new Error(dbText.packageNotStored(pkg.packageId));
  // A new import of the package replaces its list of applicants.
  await db.applicants.where('packageId').equals(pkg.packageId).delete();
  await db.applicants.bulkPut(split.applicants);
  await db.packages.put(split.row);
}

export async function getPackage(
  db: JiebangDB,
  packageId: string,
): Promise<{ pkg: ReviewPackage; manifestSha256: string } | undefined> {
  const [row, applicants] = await db.transaction('r', [db.packages, db.applicants], () =>
    Promise.all([
      db.packages.get(packageId),
      db.applicants.where('packageId').equals(packageId).toArray(),
    ]),
  );
  if (!row) return undefined;
  const rest = z.record(z.string(), z.unknown()).parse(row['pkg']);
  const list = applicants
    .map((a) => ({ seq: z.number().int().parse(a.seq), applicant: a['applicant'] }))
    .sort((a, b) => a.seq - b.seq)
    .map((a) => a.applicant);
  return {
    pkg: ReviewPackageSchema.parse({ ...rest, applicants: list }),
    manifestSha256: z.string().parse(row['manifestSha256']),
  };
}

// ---- score sheets ----

const sheetId = (packageId: string, expertId: string) => `${packageId}/${expertId}`;

const sheetRow = (sheet: ScoreSheet, status?: SheetRow['status'], updatedAt?: string) => ({
  id: sheetId(sheet.packageId, sheet.expertId),
  packageId: sheet.packageId,
  expertId: sheet.expertId,
  status: status ?? sheet.status,
  updatedAt: updatedAt ?? new Date().toISOString(),
  sheet,
});

export const saveSheet = (
  db: JiebangDB,
  sheet: ScoreSheet,
  audit: AuditRecord | null,
): Promise<void> => commitChange(db, { sheet: { sheet } }, audit);

export async function getSheet(
  db: JiebangDB,
  packageId: string,
  expertId: string,
): Promise<ScoreSheet | undefined> {
  const row = await db.sheets.get(sheetId(packageId, expertId));
  return row ? ScoreSheetSchema.parse(row['sheet']) : undefined;
}

// ---- sheet bundles gathered by the chair ----

/** The additional data a gathered row's sealed bundle bytes are bound to: this name and the row id. */
const GATHERED_BUNDLE = 'gathered.bundle';

/**
 * A gathered sheet bundle's row: who signed it and its bytes, exactly as received — not the sheet,
 * which is inside the bytes (issue 22: each row sealed the sheet twice, as JSON and inside the
 * bundle's base64). `gatheredOfPackage` reads the sheet back out of the bytes. The bytes are
 * sealed here, raw (`bundle`, beside the sealed record, as the attachments' chunks are: issue 22,
 * their base64 in the record's JSON was most of storing an import), bound to the row's id.
 */
const gatheredRow = (db: JiebangDB, g: GatheredSheet) => {
  const id = gatheredRowId(g.sheet.packageId, g.expertId);
  return {
    id,
    packageId: g.sheet.packageId,
    expertId: g.expertId,
    name: g.name,
    fingerprint: g.fingerprint,
    manifestSha256: g.manifestSha256,
    bundle: db.sealKeys ? sealBytes(db.sealKeys, GATHERED_BUNDLE, id, g.bytes) : g.bytes,
  };
};

const BytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, dbText.sheetBundleMissing);

/**
 * A gathered row as stored: its bundle's bytes sealed beside the record (`bundle`), or (rows
 * written before) inside it (`bytes`), then also with the sheet beside them.
 */
const GatheredRowSchema = z.object({
  id: z.string(),
  expertId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  manifestSha256: z.string(),
  bundle: BytesSchema.optional(),
  bytes: BytesSchema.optional(),
  sheet: z.unknown().optional(),
});

/** A gathered row's bundle bytes: opened from `bundle`, or the `bytes` rows written before hold. */
function gatheredBytes(db: JiebangDB, row: z.infer<typeof GatheredRowSchema>): Uint8Array {
  if (row.bundle === undefined) {
    if (row.bytes === undefined)
      throw new Error(dbText.gatheredUnreadable(row.id, dbText.sheetBundleMissing));
    return row.bytes;
  }
  return db.sealKeys ? openBytes(db.sealKeys, GATHERED_BUNDLE, row.id, row.bundle) : row.bundle;
}

/**
 * A gathered row's sheet: the one stored beside the bytes by earlier versions, or the bundle's
 * `sheet.json` read again from the bytes (`keptDocument`); either read through the sheet's schema
 * (`parseScoreSheet`) and required to be the row's expert's. Throws naming the row.
 */
function gatheredSheet(
  row: { id: string; expertId: string; sheet?: unknown },
  bytes: Uint8Array,
  packageId: string,
): ScoreSheet {
  let raw: unknown = row.sheet;
  if (raw === undefined) {
    try {
      raw = keptDocument(bytes, KINDS['expert-sheets'].main, nobleCrypto);
    } catch (e) {
      throw new Error(
        dbText.gatheredUnreadable(row.id, e instanceof Error ? e.message : String(e)),
      );
    }
  }
  const parsed = parseScoreSheet(raw);
  if (!parsed.success)
    throw new Error(
      dbText.gatheredUnreadable(row.id, describeSchemaIssues(parsed.error, SHEET_LABELS).join(' ')),
    );
  const sheet = parsed.data;
  if (sheet.expertId !== row.expertId || sheet.packageId !== packageId)
    throw new Error(dbText.gatheredUnreadable(row.id, `${sheet.packageId}/${sheet.expertId}`));
  return sheet;
}

/** The sheet bundles gathered for a package, in the order of the experts' ids. */
export async function gatheredOfPackage(
  db: JiebangDB,
  packageId: string,
): Promise<GatheredSheet[]> {
  const rows = await db.gathered.where('packageId').equals(packageId).sortBy('id');
  return rows.map((r) => {
    const row = GatheredRowSchema.parse(r);
    const { expertId, name, fingerprint, manifestSha256 } = row;
    const bytes = gatheredBytes(db, row);
    return {
      expertId,
      name,
      fingerprint,
      manifestSha256,
      bytes,
      sheet: gatheredSheet(row, bytes, packageId),
    };
  });
}

// ---- settings and small records ----

/** A registered `meta` key's value, read through its schema (db/meta.ts). */
export async function getMeta<K extends MetaKey>(
  db: JiebangDB,
  key: K,
): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  return row ? readMetaValue(key, row['value']) : undefined;
}

// ---- attachments, sealed in 1 MiB chunks ----

/**
 * Stores an attachment chunk by chunk, each chunk sealed on its own (AAD = its own id), so a
 * 100 MB proposal never needs a second 100 MB sealed copy in memory.
 */
export async function putAttachment(
  db: JiebangDB,
  att: { id: string; packageId: string; name: string; mediaType: string },
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const keys = db.sealKeys;
  const sha256 = sha256Hex(bytes);
  const count = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
  await db.transaction('rw', [db.attachments, db.chunks], async () => {
    await db.chunks.where('attachmentId').equals(att.id).delete();
    for (let i = 0; i < count; i++) {
      const id = `${att.id}#${pad(i)}`;
      const part = bytes.subarray(
        i * CHUNK_BYTES,
        Math.min(bytes.byteLength, (i + 1) * CHUNK_BYTES),
      );
      // Sealed here as raw bytes, with the chunk's own id as additional data.
      await db.chunks.put({
        id,
        attachmentId: att.id,
        index: i,
        data: keys ? sealBytes(keys, 'chunks', id, part) : part.slice(),
      });
      onProgress?.(Math.min(bytes.byteLength, (i + 1) * CHUNK_BYTES), bytes.byteLength);
    }
    await db.attachments.put({
      id: att.id,
      packageId: att.packageId,
      sha256Hmac: keys ? blindIndex(keys, sha256) : sha256,
      name: att.name,
      mediaType: att.mediaType,
      size: bytes.byteLength,
      sha256,
      chunks: count,
    });
  });
}

const AttachmentMetaSchema = z.object({
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  chunks: z.number(),
});

export async function getAttachment(
  db: JiebangDB,
  id: string,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array } | undefined> {
  const row = await db.attachments.get(id);
  if (!row) return undefined;
  const meta = AttachmentMetaSchema.parse(row);
  const out = new Uint8Array(meta.size);
  let at = 0;
  for (let i = 0; i < meta.chunks; i++) {
    const chunkId = `${id}#${pad(i)}`;
    const chunk = await db.chunks.get(chunkId);
    const data = chunk?.['data'];
    if (!(data instanceof Uint8Array)) throw new Error(dbText.attachmentMissing(meta.name));
    const plain = db.sealKeys ? openBytes(db.sealKeys, 'chunks', chunkId, data) : data;
    out.set(plain, at);
    at += plain.byteLength;
  }
  if (sha256Hex(out) !== meta.sha256) throw new Error(dbText.attachmentCorrupt(meta.name));
  return { name: meta.name, mediaType: meta.mediaType, bytes: out };
}

// ---- panel decisions and task books ----

export async function getDecision(
  db: JiebangDB,
  packageId: string,
): Promise<PanelDecision | undefined> {
  const row = await db.decisions.get(packageId);
  return row ? PanelDecisionSchema.parse(row['decision']) : undefined;
}

/** The package's task books and drafts, as stored (check a draft with `checkDraft`). */
export async function taskBooksOfPackage(
  db: JiebangDB,
  packageId: string,
): Promise<TaskBookDraft[]> {
  return (await db.taskbooks.where('packageId').equals(packageId).toArray()).map((r) =>
    TaskBookDraftSchema.parse(r['tb']),
  );
}

/**
 * Saves an inspection report or its draft (the report as filled so far), indexed by its subject
 * (the `packageId` column holds `subjectKey`: a report may be about a demand before any package
 * exists). Editing passes no audit entry; creating, signing and exporting do.
 */
export async function saveInspection(
  db: JiebangDB,
  report: InspectionReport,
  audit: AuditRecord | null,
): Promise<void> {
  await db.transaction('rw', [db.inspections, db.audit], async () => {
    await db.inspections.put({
      id: report.reportId,
      packageId: subjectKey(report.subject),
      report,
    });
    if (audit) await appendAudit(db, audit);
  });
}

export async function getInspection(
  db: JiebangDB,
  reportId: string,
): Promise<InspectionReport | undefined> {
  const row = await db.inspections.get(reportId);
  return row ? InspectionReportSchema.parse(row['report']) : undefined;
}

/** The reports and drafts about one subject, as stored. */
export async function inspectionsOfSubject(
  db: JiebangDB,
  subject: Subject,
): Promise<InspectionReport[]> {
  return (await db.inspections.where('packageId').equals(subjectKey(subject)).toArray()).map((r) =>
    InspectionReportSchema.parse(r['report']),
  );
}
