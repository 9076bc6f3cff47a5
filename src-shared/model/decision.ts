/**
 * The chair's panel decision (专家组意见), signed and sent back to the bureau. Format 2 holds
 * everything the chair records (deviation reasons, absences, the reason for resting on fewer valid
 * sheets than the package's minimum, tie-break notes), so the decision, the package and the sheets
 * alone decide every finding. Format 1 decisions still open: they are read as format 2 with
 * nothing recorded.
 */
import { z } from 'zod';
import { judgeShare, WIRE_SHARE } from '../decision/share';
import { MoneySchema } from '../money';
import {
  DateTimeSchema,
  IdSchema,
  plainText,
  reasonText,
  repeatIssues,
  TextSchema,
} from './common';

export const PANEL_DECISION_FORMAT = 2 as const;

export const AggregationMethodSchema = z.enum(['mean', 'trimmed-mean', 'median']);
export type AggregationMethod = z.infer<typeof AggregationMethodSchema>;

export const RankingRowSchema = z.object({
  applicantId: IdSchema,
  /** null: no valid sheet (「无有效评分」), so no rank. */
  rank: z.number().int().positive().nullable(),
  /** The final score as displayed (2 decimals, half-up); null with no valid sheet. */
  score: z
    .string()
    .regex(/^\d{1,6}\.\d{2}$/, '分数应为两位小数')
    .nullable(),
  validSheets: z.number().int().nonnegative(),
  /** The method actually applied to this applicant (format 2; absent in format 1). */
  method: AggregationMethodSchema.nullable().optional(),
});
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const TieBreakSchema = z.object({
  applicantIds: z.array(IdSchema).min(2),
  order: z.array(IdSchema).min(2),
  reason: reasonText(2000),
});

export const HorseRaceSchema = z.object({
  solverIds: z.array(IdSchema).min(2).max(3),
  /** Why the race: scores close and routes differ (第十二条（五）). */
  reason: reasonText(4000),
  /** The chair chose other candidates than the app proposed, with this written reason. */
  overrideReason: plainText(4000).optional(),
  /** Share of each solver's approved funds paid in the race stage (第十三条（三）), e.g. "0.3". */
  // A form other than the wire's is said as the chair's field says it (`judgeShare`): what was
  // read and why it fails (30 → 「30 读作 3000%：…请写 0.3」); 0 and 1 are the check's.
  raceStageShare: z.string().superRefine((share, ctx) => {
    if (WIRE_SHARE.test(share)) return;
    const judged = judgeShare(share, 'wire');
    ctx.addIssue({
      code: 'custom',
      message: judged.ok ? '应为 0 到 1 之间的小数，如 0.3' : judged.message,
    });
  }),
});
export type HorseRace = z.infer<typeof HorseRaceSchema>;

export const DissentSchema = z.object({
  expertId: IdSchema,
  reason: reasonText(4000),
});

/** The chair's written reason for a total that deviates beyond the threshold (第十二条（五）). */
export const DeviationReasonSchema = z.object({
  applicantId: IdSchema,
  expertId: IdSchema,
  reason: reasonText(2000),
});

/** A panel member who neither submitted nor recused, recorded by the chair: who, and why. */
export const AbsenceSchema = z.object({
  expertId: IdSchema,
  reason: reasonText(1000),
});

export const PanelDecisionSchemaV2 = z
  .object({
    formatVersion: z.literal(PANEL_DECISION_FORMAT),
    packageId: IdSchema,
    chairExpertId: IdSchema,
    ranking: z.array(RankingRowSchema),
    tieBreaks: z.array(TieBreakSchema).default([]),
    /** 揭榜方建议名单 (第十二条（五）); empty is a blocking finding, not a format error. */
    recommendedIds: z.array(IdSchema),
    horseRace: HorseRaceSchema.optional(),
    /** 核定项目经费: approved city funding per solver (万元). */
    approvedFunding: z.array(z.object({ applicantId: IdSchema, amount: MoneySchema })),
    /** 核定项目经费总额 (万元). */
    approvedTotal: MoneySchema,
    /** 专家组意见. */
    opinion: TextSchema.refine((s) => s.trim().length > 0, '专家组意见不能为空'),
    dissent: z.array(DissentSchema).default([]),
    /** Reasons the chair recorded for deviating totals that carry none on the sheet. */
    deviationReasons: z.array(DeviationReasonSchema).default([]),
    /** Members absent from the review (neither a sheet nor a recusal), with the reason. */
    absences: z.array(AbsenceSchema).default([]),
    /** Why the panel signs although some applicant rests on fewer than minValidSheets valid sheets. */
    belowMinValidSheetsReason: reasonText(2000).optional(),
    decidedAt: DateTimeSchema,
  })
  .superRefine((d, ctx) => {
    for (const issue of [
      ...repeatIssues(['ranking'], '排名', d.ranking, (x) => x.applicantId),
      ...repeatIssues(['recommendedIds'], '揭榜方建议名单', d.recommendedIds, (x) => x),
      ...repeatIssues(['approvedFunding'], '核定经费', d.approvedFunding, (x) => x.applicantId),
      ...repeatIssues(['absences'], '缺席记录', d.absences, (x) => x.expertId),
      ...repeatIssues(
        ['deviationReasons'],
        '偏离理由',
        d.deviationReasons,
        (x) => `${x.applicantId}/${x.expertId}`,
      ),
      ...repeatIssues(['dissent'], '不同意见', d.dissent, (x) => x.expertId),
      ...repeatIssues(
        ['horseRace', 'solverIds'],
        '赛马揭榜方',
        d.horseRace?.solverIds ?? [],
        (x) => x,
      ),
    ])
      ctx.addIssue({ code: 'custom', ...issue });
  });

/**
 * Any panel decision: format 2 as is, format 1 read as format 2 (its fields are a subset; what
 * format 2 adds is empty). Errors keep their field paths.
 */
export const PanelDecisionSchema = z.preprocess(
  (raw) =>
    typeof raw === 'object' && raw !== null && 'formatVersion' in raw && raw.formatVersion === 1
      ? { ...raw, formatVersion: PANEL_DECISION_FORMAT }
      : raw,
  PanelDecisionSchemaV2,
);
export type PanelDecision = z.infer<typeof PanelDecisionSchemaV2>;
