/** Later in a project's life: inspections, milestone assessments, changes, extensions, acceptance. */
import { z } from 'zod';
import {
  DateSchema,
  FormatVersionSchema,
  IdSchema,
  isCalendarDate,
  NameSchema,
  plainText,
  reasonText,
  repeatIssues,
  Sha256Schema,
  TextSchema,
} from './common';
import { SubjectSchema } from '../bundle/terms';

/**
 * A checklist item's finding: 符合 / 基本符合 / 不符合 / 未检查, and 不适用 for an item that does not
 * apply to this site (kept from the first version of the schema).
 */
export const InspectionFindingSchema = z.enum(['met', 'partly', 'not-met', 'not-checked', 'n/a']);
export type InspectionFinding = z.infer<typeof InspectionFindingSchema>;

/** Media types a site photo may have (told by its bytes at the door, not by its name). */
export const PhotoMediaTypeSchema = z.enum(['image/jpeg', 'image/png']);
export type PhotoMediaType = z.infer<typeof PhotoMediaTypeSchema>;

/** A site photo as the report registers it: `photos/<name>` in the bundle, by SHA-256. */
export const InspectionPhotoSchema = z
  .object({
    path: z.string().regex(/^photos\/[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    sha256: Sha256Schema,
    /** Bytes of the file in the bundle (scaled for the report when the original was large). */
    size: z.number().int().positive(),
    mediaType: PhotoMediaTypeSchema,
    /** The file name it was chosen from, for people. */
    name: plainText(200).default(''),
    /** Capture time from EXIF (DateTimeOriginal) where the photo carries one; local time, no zone. */
    capturedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
      .refine((t) => isCalendarDate(t.slice(0, 10)), {
        error: (issue) => `${String(issue.input)} 不是实际存在的日期`,
      })
      .optional(),
    caption: plainText(300).default(''),
    /** The checklist item (index) it documents, if any. */
    item: z.number().int().nonnegative().optional(),
  })
  .strict();
export type InspectionPhoto = z.infer<typeof InspectionPhotoSchema>;

/** A member of the inspection team, as the report names them (each signs it). */
export const InspectorSchema = z.object({ id: IdSchema, name: NameSchema }).strict();

/**
 * 实地考察报告 (第十二条（二）评榜 必要时组织专家进行实地考察; 第十二条（八）3 实施管理): what the team
 * found on site, item by item, with photos; it answers one inspection assignment and is about the
 * assignment's subject — a round's demand (before any package exists), an applicant or a task book.
 */
export const InspectionReportSchema = z
  .object({
    /** 2: the report answering an assignment (format 1, before assignments: LegacyInspectionReportSchema). */
    formatVersion: z.literal(2),
    reportId: IdSchema,
    /** The assignment it answers (its bundle is cited in the manifest's `answers`). */
    assignmentId: IdSchema,
    subject: SubjectSchema,
    date: DateSchema,
    site: NameSchema,
    inspectors: z.array(InspectorSchema).min(1).max(16),
    checklist: z
      .array(
        z
          .object({
            item: NameSchema,
            result: InspectionFindingSchema,
            note: plainText(2000).default(''),
          })
          .strict(),
      )
      .min(1)
      .max(200),
    notes: TextSchema.default(''),
    photos: z.array(InspectionPhotoSchema).max(200).default([]),
    conclusion: TextSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    for (const issue of repeatIssues(['inspectors'], '考察组', r.inspectors, (i) => i.id))
      ctx.addIssue({ code: 'custom', ...issue });
    for (const issue of repeatIssues(['photos'], '现场照片', r.photos, (p) => p.path))
      ctx.addIssue({ code: 'custom', ...issue });
    r.photos.forEach((p, i) => {
      if (p.item !== undefined && p.item >= r.checklist.length)
        ctx.addIssue({
          code: 'custom',
          path: ['photos', i, 'item'],
          message: `照片对应的检查项 ${p.item + 1} 不存在`,
        });
    });
  });
export type InspectionReport = z.infer<typeof InspectionReportSchema>;

/**
 * The first report document (format-1 bundles, before assignments existed): about an applicant of
 * a package, inspectors by name only. Still read and verified; it answers no assignment, so the
 * bureau's ingest refuses it by name.
 */
export const LegacyInspectionReportSchema = z.object({
  formatVersion: FormatVersionSchema,
  reportId: IdSchema,
  packageId: IdSchema,
  applicantId: IdSchema,
  date: DateSchema,
  site: NameSchema,
  inspectors: z.array(NameSchema).min(1),
  checklist: z.array(
    z.object({
      item: NameSchema,
      result: InspectionFindingSchema,
      note: plainText(2000).default(''),
    }),
  ),
  notes: TextSchema.default(''),
  photos: z
    .array(
      z.object({ path: z.string(), sha256: Sha256Schema, caption: plainText(300).default('') }),
    )
    .default([]),
  conclusion: TextSchema,
});
export type LegacyInspectionReport = z.infer<typeof LegacyInspectionReportSchema>;

/** What an `inspection-report` bundle may hold: the report (2) or the first report document (1). */
export const AnyInspectionReportSchema = z.union([
  InspectionReportSchema,
  LegacyInspectionReportSchema,
]);
export type AnyInspectionReport = z.infer<typeof AnyInspectionReportSchema>;

/** 里程碑考核 (第十二条（八）3, 第十三条): per solver; a horse race then continues with one. */
export const MilestoneAssessmentSchema = z.object({
  formatVersion: FormatVersionSchema,
  taskBookId: IdSchema,
  milestoneId: IdSchema,
  applicantId: IdSchema,
  assessedOn: DateSchema,
  passed: z.boolean(),
  score: z.number().min(0).max(100).optional(),
  findings: TextSchema.default(''),
  /** For a horse race: chosen to continue after the race stage (第十三条（三）). */
  continues: z.boolean().optional(),
  continueReason: plainText(4000).optional(),
});
export type MilestoneAssessment = z.infer<typeof MilestoneAssessmentSchema>;

/** 验收结论 (第十二条（九）3): 通过 / 结题 / 不通过. */
export const AcceptanceOutcomeSchema = z.enum(['pass', 'concluded', 'fail']);
export const ACCEPTANCE_LABEL: Record<z.infer<typeof AcceptanceOutcomeSchema>, string> = {
  pass: '通过',
  concluded: '结题',
  fail: '不通过',
};

export const AcceptanceEvaluationSchema = z.object({
  formatVersion: FormatVersionSchema,
  taskBookId: IdSchema,
  appliedOn: DateSchema,
  evaluatedOn: DateSchema.optional(),
  /** 发榜方出具的用户技术评价报告 (第十二条（九）2). */
  hasUserTechnicalEvaluation: z.boolean(),
  materials: z.array(
    z.enum(['self-evaluation', 'technical-report', 'final-accounts', 'audit-report']),
  ),
  outcome: AcceptanceOutcomeSchema.optional(),
  /**
   * For 不通过: was the failure due to an objective cause (第二十条)? If not, or not stated, the
   * city funds disbursed are recovered and an integrity investigation opened.
   */
  failureCause: z.enum(['objective', 'not-objective']).optional(),
  /** What the objective cause was (for 不通过 with an objective cause). */
  failureCauseNote: plainText(4000).optional(),
  opinion: TextSchema.default(''),
});
export type AcceptanceEvaluation = z.infer<typeof AcceptanceEvaluationSchema>;

/** 第十八条 changes that need approval; 第十七条 forbids changing the parties at all. */
export const ChangeRequestSchema = z.object({
  taskBookId: IdSchema,
  kind: z.enum([
    'unit-name',
    'project-leader',
    'major-budget-adjustment',
    'change-issuer',
    'change-solver',
  ]),
  requestedOn: DateSchema,
  approved: z.boolean().optional(),
  approvedOn: DateSchema.optional(),
  effectiveOn: DateSchema.optional(),
});
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;

/** 第十九条: one extension, ≤ 1 year, requested ≥ 30 days before the end. */
export const ExtensionRequestSchema = z.object({
  taskBookId: IdSchema,
  requestedOn: DateSchema,
  currentEnd: DateSchema,
  newEnd: DateSchema,
  reason: reasonText(4000),
  objectiveCause: z.boolean(),
  previousExtensions: z.number().int().nonnegative(),
});
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;
