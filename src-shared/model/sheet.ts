/** One expert's score sheet (评分表) for a review package, with recusals (回避). */
import { z } from 'zod';
import { MoneySchema } from '../money';
import {
  DateTimeSchema,
  FormatVersionSchema,
  IdSchema,
  plainText,
  reasonText,
  TEXT_MAX,
} from './common';

/** Kinds of conflict of interest as used in Chinese review practice. */
export const RecusalKindSchema = z.enum([
  'employment',
  'board',
  'shareholding',
  'kinship',
  'same-organisation',
  'collaboration',
  'other',
]);
export type RecusalKind = z.infer<typeof RecusalKindSchema>;
export const RECUSAL_LABEL: Record<RecusalKind, string> = {
  employment: '近三年内在该单位任职',
  board: '近三年内在该单位担任董事、监事等职务',
  shareholding: '近三年内持有该单位控股股份',
  kinship: '与该单位负责人或首席专家有亲属关系',
  'same-organisation': '与揭榜方为同一单位',
  collaboration: '近三年内与揭榜方有合作关系',
  other: '其他可能影响公正评审的情形',
};

/**
 * The longest text each field of a sheet takes: the schema refuses more, and the expert's form
 * stops typing at the same length (one number, both doors).
 */
export const SHEET_TEXT_MAX = {
  recusalReason: 1000,
  comment: 5000,
  overallOpinion: TEXT_MAX,
  deviationReason: 2000,
} as const;

export const RecusalSchema = z.object({
  kind: RecusalKindSchema,
  reason: reasonText(SHEET_TEXT_MAX.recusalReason),
});
export type Recusal = z.infer<typeof RecusalSchema>;

export const CriterionScoreSchema = z.object({
  criterionId: IdSchema,
  points: z.number().nonnegative(),
  comment: plainText(SHEET_TEXT_MAX.comment).default(''),
});
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;

export const ApplicantScoreSchema = z.object({
  applicantId: IdSchema,
  recusal: RecusalSchema.optional(),
  criteria: z.array(CriterionScoreSchema).default([]),
  overallOpinion: plainText(SHEET_TEXT_MAX.overallOpinion).default(''),
  suggestedFunding: MoneySchema.optional(),
  /** Written reason for a total that deviates beyond the package's threshold. */
  deviationReason: plainText(SHEET_TEXT_MAX.deviationReason).optional(),
});
export type ApplicantScore = z.infer<typeof ApplicantScoreSchema>;

export const SheetStatusSchema = z.enum(['draft', 'submitted']);

export const ScoreSheetSchema = z.object({
  formatVersion: FormatVersionSchema,
  packageId: IdSchema,
  expertId: IdSchema,
  scores: z.array(ApplicantScoreSchema),
  status: SheetStatusSchema,
  submittedAt: DateTimeSchema.optional(),
  /** The confidentiality pledge (第七条: 保密责任) confirmed at enrolment. */
  pledgeConfirmedAt: DateTimeSchema.optional(),
});
export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;
