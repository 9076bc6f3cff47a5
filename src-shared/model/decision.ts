/** The chair's panel decision (专家组意见), signed and sent back to the bureau. */
import { z } from 'zod';
import { MoneySchema } from '../money';
import { DateTimeSchema, FormatVersionSchema, IdSchema, TextSchema } from './common';

export const RankingRowSchema = z.object({
  applicantId: IdSchema,
  rank: z.number().int().positive(),
  /** The final score as displayed (2 decimals, half-up). */
  score: z.string(),
  validSheets: z.number().int().nonnegative(),
});

export const TieBreakSchema = z.object({
  applicantIds: z.array(IdSchema).min(2),
  order: z.array(IdSchema).min(2),
  reason: z.string().trim().min(2).max(2000),
});

export const HorseRaceSchema = z.object({
  solverIds: z.array(IdSchema).min(2).max(3),
  /** Why the race: scores close and routes differ (第十二条（五）). */
  reason: z.string().trim().min(2).max(4000),
  /** The chair chose other candidates than the app proposed, with this written reason. */
  overrideReason: z.string().max(4000).optional(),
  /** Share of each solver's approved funds paid in the race stage (第十三条（三）), e.g. "0.3". */
  raceStageShare: z.string().regex(/^0(\.\d{1,4})?$|^1$/),
});
export type HorseRace = z.infer<typeof HorseRaceSchema>;

export const DissentSchema = z.object({
  expertId: IdSchema,
  reason: z.string().trim().min(2).max(4000),
});

export const PanelDecisionSchema = z.object({
  formatVersion: FormatVersionSchema,
  packageId: IdSchema,
  chairExpertId: IdSchema,
  ranking: z.array(RankingRowSchema),
  tieBreaks: z.array(TieBreakSchema).default([]),
  /** 揭榜方建议名单 (第十二条（五）). */
  recommendedIds: z.array(IdSchema).min(1),
  horseRace: HorseRaceSchema.optional(),
  /** 核定项目经费: approved city funding per solver (万元). */
  approvedFunding: z.array(z.object({ applicantId: IdSchema, amount: MoneySchema })),
  /** 核定项目经费总额 (万元). */
  approvedTotal: MoneySchema,
  /** 专家组意见. */
  opinion: TextSchema.refine((s) => s.trim().length > 0, '专家组意见不能为空'),
  dissent: z.array(DissentSchema).default([]),
  decidedAt: DateTimeSchema,
});
export type PanelDecision = z.infer<typeof PanelDecisionSchema>;
