/** Later in a project's life: inspections, milestone assessments, changes, extensions, acceptance. */
import { z } from 'zod';
import {
  DateSchema,
  FormatVersionSchema,
  IdSchema,
  NameSchema,
  plainText,
  reasonText,
  Sha256Schema,
  TextSchema,
} from './common';

export const InspectionReportSchema = z.object({
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
      result: z.enum(['met', 'partly', 'not-met', 'n/a']),
      note: plainText(2000).default(''),
    }),
  ),
  notes: TextSchema.default(''),
  photos: z
    .array(
      z.object({
        path: z.string(),
        sha256: Sha256Schema,
        caption: plainText(300).default(''),
      }),
    )
    .default([]),
  conclusion: TextSchema,
});
export type InspectionReport = z.infer<typeof InspectionReportSchema>;

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
