/**
 * The documents after the award (第十二条（八）（九）, 第十三条（三）, 第十七–二十条), each signed and
 * exported as a bundle: the milestone assessment, the horse race's choice, and the project forms
 * (change, extension, termination or revocation, acceptance). Amounts are 万元 decimal strings.
 */
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
} from '../model/common';
import { AcceptanceOutcomeSchema, ChangeRequestSchema } from '../model/lifecycle';
import { MoneySchema } from '../money';

/** One indicator of a milestone: its target in the task book and the result reached. */
export const IndicatorResultSchema = z.object({
  indicator: plainText(2000).trim().min(1, '不能为空'),
  target: plainText(2000).trim().min(1, '不能为空'),
  result: plainText(2000).default(''),
  passed: z.boolean(),
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

/** An evidence file carried in the bundle under `evidence/`, registered by SHA-256 and size. */
export const EvidenceSchema = z.object({
  path: z.string().regex(/^evidence\/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, '证明材料路径无效'),
  name: NameSchema,
  sha256: Sha256Schema,
  size: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** What the assessment does to the milestone's tranche (第十二条（八）3, 第十三条). */
export const TrancheEffectSchema = z.enum(['released', 'held', 'reduced']);
export type TrancheEffect = z.infer<typeof TrancheEffectSchema>;

/**
 * 里程碑考核 (第十二条（八）3, 第十四条): per milestone of a signed task book; signed by the
 * assessors and the 发榜方's technical manager (第五条), approved and signed by the bureau.
 */
export const MilestoneAssessmentFormSchema = z.object({
  formatVersion: FormatVersionSchema,
  assessmentId: IdSchema,
  taskBookId: IdSchema,
  milestoneId: IdSchema,
  /** For a milestone of one solver (horse race). */
  applicantId: IdSchema.optional(),
  assessedOn: DateSchema,
  indicators: z.array(IndicatorResultSchema).min(1, '至少一项考核指标').max(100),
  evidence: z.array(EvidenceSchema).max(200).default([]),
  /** 总体结论: 通过 only when every indicator passed. */
  passed: z.boolean(),
  /** The milestone's tranche in the task book (万元). */
  tranche: MoneySchema,
  effect: TrancheEffectSchema,
  /** Paid now (万元): the whole tranche, none (held) or part of it (reduced). */
  released: MoneySchema,
  reason: plainText(4000).default(''),
  assessors: z.array(NameSchema).min(1, '至少一名考核专家').max(15),
  /** 发榜方技术负责人 (第五条: the 发榜方 manages the technology). */
  technicalManager: NameSchema,
  /** 市科技局审定 (第十四条, 第十二条（八）1). */
  approvedOn: DateSchema.optional(),
  opinion: TextSchema.default(''),
});
export type MilestoneAssessmentForm = z.infer<typeof MilestoneAssessmentFormSchema>;

/** 赛马阶段考核 and the choice of one solver to continue (第十三条（三）). */
export const RaceChoiceSchema = z.object({
  formatVersion: FormatVersionSchema,
  choiceId: IdSchema,
  taskBookId: IdSchema,
  assessedOn: DateSchema,
  solvers: z
    .array(
      z.object({
        applicantId: IdSchema,
        name: NameSchema,
        /** 赛马阶段考核得分, out of 100. */
        score: z.number().min(0, '不能小于 0 分').max(100, '不能超过 100 分'),
        passed: z.boolean(),
        /** 赛马阶段拨付 (万元), 第十三条（三）. */
        raceShare: MoneySchema,
        note: plainText(2000).default(''),
      }),
    )
    .min(2, '赛马至少 2 家揭榜方')
    .max(3, '赛马不超过 3 家揭榜方'),
  chosenId: IdSchema,
  reason: plainText(4000).default(''),
  approvedOn: DateSchema.optional(),
});
export type RaceChoice = z.infer<typeof RaceChoiceSchema>;

const formBase = {
  formatVersion: FormatVersionSchema,
  formId: IdSchema,
  taskBookId: IdSchema,
};

/** 变更申请 (第十八条); the parties never change (第十七条). */
export const ChangeFormSchema = ChangeRequestSchema.extend({
  ...formBase,
  form: z.literal('change'),
  from: plainText(2000).default(''),
  to: plainText(2000).default(''),
  reason: reasonText(4000),
});

/** 延期申请 (第十九条). */
export const ExtensionFormSchema = z.object({
  ...formBase,
  form: z.literal('extension'),
  requestedOn: DateSchema,
  currentEnd: DateSchema,
  newEnd: DateSchema,
  reason: reasonText(4000),
  objectiveCause: z.boolean(),
  previousExtensions: z.number().int().nonnegative(),
  approvedOn: DateSchema.optional(),
});

/** 终止 or 撤销 (第十七条), with the city funds to recover. */
export const TerminationFormSchema = z.object({
  ...formBase,
  form: z.literal('termination'),
  decision: z.enum(['terminate', 'revoke']),
  decidedOn: DateSchema,
  reason: reasonText(4000),
  /** 已拨付的市财政科研项目资金 (万元). */
  cityDisbursed: MoneySchema,
  /** 其中已使用 (万元): the rest is the unspent balance (结余). */
  citySpent: MoneySchema,
  /** 经市科技局与发榜方共同审核同意 (第十七条). */
  bureauApproved: z.boolean(),
  issuerApproved: z.boolean(),
});

/** 验收 (第十二条（九）) and, on a non-objective failure, 第二十条. */
export const AcceptanceFormSchema = z.object({
  ...formBase,
  form: z.literal('acceptance'),
  appliedOn: DateSchema,
  evaluatedOn: DateSchema.optional(),
  hasUserTechnicalEvaluation: z.boolean(),
  materials: z.array(
    z.enum(['self-evaluation', 'technical-report', 'final-accounts', 'audit-report']),
  ),
  outcome: AcceptanceOutcomeSchema.optional(),
  failureCause: z.enum(['objective', 'not-objective']).optional(),
  failureCauseNote: plainText(4000).optional(),
  opinion: TextSchema.default(''),
  /** 已拨付的市财政科研项目资金 (万元): recovered on a non-objective failure (第二十条). */
  cityDisbursed: MoneySchema,
});

export const ProjectFormSchema = z.discriminatedUnion('form', [
  ChangeFormSchema,
  ExtensionFormSchema,
  TerminationFormSchema,
  AcceptanceFormSchema,
]);
export type ProjectForm = z.infer<typeof ProjectFormSchema>;
export type ChangeForm = z.infer<typeof ChangeFormSchema>;
export type ExtensionForm = z.infer<typeof ExtensionFormSchema>;
export type TerminationForm = z.infer<typeof TerminationFormSchema>;
export type AcceptanceForm = z.infer<typeof AcceptanceFormSchema>;

export { FORM_LABEL } from './form-label';

/** Any document after the award, as one union (the timeline and the CLI read it). */
export type AwardDocument =
  | { type: 'assessment'; doc: MilestoneAssessmentForm }
  | { type: 'race'; doc: RaceChoice }
  | { type: 'form'; doc: ProjectForm };

/** `AwardDocument` read back from storage (the bureau desk keeps the forms it took in). */
export const AwardDocumentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assessment'), doc: MilestoneAssessmentFormSchema }),
  z.object({ type: z.literal('race'), doc: RaceChoiceSchema }),
  z.object({ type: z.literal('form'), doc: ProjectFormSchema }),
]);
