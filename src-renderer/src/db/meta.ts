/**
 * The `meta` table's keys, each with its one schema: settings and small records that are one of a
 * kind per profile. A key is read back through its schema (zod at the storage boundary) and
 * written only with a value of its type. Add a key here, with its schema and what it holds.
 */
import { z } from 'zod';
import { AuditHeadSchema } from '../../../src-shared/audit/head';
import {
  InspectionAssignmentSchema,
  TranscribedSheetSchema,
  TrustStateSchema,
} from '../../../src-shared/bundle';
import { CalendarFileSchema } from '../../../src-shared/calendar';
import { DecisionChoicesSchema } from '../../../src-shared/decision';
import { MilestoneAssessmentSchema } from '../../../src-shared/model';
import { dbText } from '../i18n/db';

const BytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, dbText.bytesMissing);

/** The expert's enrolment as kept in `meta`: its signing key by id (the key is in `keys`). */
export const StoredEnrolmentSchema = z.object({
  packageId: z.string(),
  expertId: z.string(),
  pledgeAt: z.string(),
  fingerprint: z.string(),
  counter: z.number().int().nonnegative(),
  exportedAt: z.string().optional(),
  keyId: z.string(),
});

/** A working-day calendar accepted on this device from the pinned bureau key (第十二条（六）). */
export const StoredCalendarSchema = z.object({
  year: z.number().int(),
  file: CalendarFileSchema,
  manifestSha256: z.string(),
  /** The bureau key that signed it. */
  fingerprint: z.string(),
  importedAt: z.string(),
});
export type StoredCalendar = z.infer<typeof StoredCalendarSchema>;

/** An inspection assignment held on the team's laptop, as imported. */
export const HeldAssignmentSchema = z.object({
  manifestSha256: z.string(),
  assignment: InspectionAssignmentSchema,
  importedAt: z.string(),
});

/** An inspector enrolled on the team's laptop (their key is in `keys`, wrapped). */
export const InspectorSchema = z.object({
  id: z.string(),
  name: z.string(),
  assignmentId: z.string(),
  fingerprint: z.string(),
  /** The last counter this key signed with (the bureau refuses replays). */
  counter: z.number().int().nonnegative(),
  enrolledAt: z.string(),
});

/** A paper sheet typed in by the secretary (issue 19): its record and the scan's bytes. */
export const StoredPaperSheetSchema = z.object({
  record: TranscribedSheetSchema,
  scan: BytesSchema,
  /** The scan's file name as chosen (the bundle names it paper/<expertId>.<ext>). */
  scanName: z.string(),
});
export type StoredPaperSheet = z.infer<typeof StoredPaperSheetSchema>;

/**
 * The chair's decision as being written (the desk's `DecisionChoices`), written on every edit;
 * `choices` null: the rules' proposal, nothing written (after new sheets reopened the desk).
 */
export const DecisionDraftSchema = z.object({
  packageId: z.string(),
  choices: DecisionChoicesSchema.nullable(),
  savedAt: z.string(),
});
export type DecisionDraft = z.infer<typeof DecisionDraftSchema>;

/** The signed panel result as exported (encrypted to the bureau), to be saved again. */
export const PanelBundleSchema = z.object({
  packageId: z.string(),
  name: z.string(),
  bytes: BytesSchema,
});

export const META_SCHEMAS = {
  /** What this profile trusts: the pinned bureau key, the package in use, counters, heads. */
  trust: TrustStateSchema,
  /** Who this profile is on the package's roster (第七条 pledge), and its signing key's id. */
  enrolment: StoredEnrolmentSchema,
  /** The expert's sheet bundle as exported, byte for byte (the chair can take it from here). */
  exportedBundle: z.object({ name: z.string(), bytes: BytesSchema }),
  /** The expert's private review notes. */
  notes: z.string(),
  /** The race stage's milestone assessments and the solver chosen to continue (第十三条（三）). */
  assessments: z.array(MilestoneAssessmentSchema),
  /** The audit-chain head this device signed last: the log may only grow from it. */
  auditHeadLastSigned: AuditHeadSchema,
  /** The working-day calendars accepted on this device, one per year. */
  calendars: z.array(StoredCalendarSchema),
  /** The inspection assignments this laptop holds (issue 20). */
  'inspection.assignments': z.array(HeldAssignmentSchema),
  /** The inspectors enrolled on this laptop. */
  'inspection.inspectors': z.array(InspectorSchema),
  /** The inspection reports signed on this laptop: only these are a fact of a project's timeline. */
  'inspection.signed': z.array(
    z.object({ reportId: z.string(), sha256: z.string(), signedAt: z.string() }),
  ),
  /** The chair's transcribed paper sheets, each with its scan (carried in the panel result). */
  paperSheets: z.array(StoredPaperSheetSchema),
  /** The chair's unsigned decision, kept as typed (the signed one is in `decisions`). */
  decisionDraft: DecisionDraftSchema,
  /** The chair's signed panel result file, byte for byte (offered again from the desk). */
  panelBundle: PanelBundleSchema,
} as const;

export type MetaKey = keyof typeof META_SCHEMAS;
export type MetaValue<K extends MetaKey> = z.output<(typeof META_SCHEMAS)[K]>;
/** Several keys written together (in one transaction, by `commitChange`). */
export type MetaPatch = { readonly [K in MetaKey]?: MetaValue<K> };

const schemas: { readonly [K in MetaKey]: z.ZodType<MetaValue<K>> } = META_SCHEMAS;

export const isMetaKey = (key: string): key is MetaKey => key in META_SCHEMAS;

/** Reads a key's value through its schema; undefined when it was never written. */
export function readMetaValue<K extends MetaKey>(key: K, stored: unknown): MetaValue<K> {
  return schemas[key].parse(stored);
}
