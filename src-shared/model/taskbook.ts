/** The task book (项目任务书/军令状) signed by 市科技局, 发榜方 and 揭榜方 (第十二条（七）, 第十五条). */
import { z } from 'zod';
import { MoneySchema } from '../money';
import {
  DateSchema,
  FormatVersionSchema,
  IdSchema,
  NameSchema,
  plainText,
  TextSchema,
} from './common';
import { ProjectTypeSchema } from './package';

export const PartySchema = z.object({
  role: z.enum(['bureau', 'issuer', 'solver']),
  name: NameSchema,
  /** For solvers: the applicant id (horse race: every solver signs one joint task book). */
  applicantId: IdSchema.optional(),
  /** 法定代表人或授权代表 (printed on the cover and the signature block). */
  representative: plainText(100).default(''),
  /** 地址 (printed on the cover and the signature block). */
  address: plainText(300).default(''),
});
export type Party = z.infer<typeof PartySchema>;

export const TaskMilestoneSchema = z.object({
  id: IdSchema,
  title: NameSchema,
  due: DateSchema,
  deliverables: z.array(plainText(2000).min(1)).min(1),
  indicators: z.array(plainText(2000).min(1)).default([]),
  /** City funds paid after this milestone's assessment (万元). */
  tranche: MoneySchema,
  /** For a horse race: which solver (omitted: all). */
  applicantId: IdSchema.optional(),
});
export type TaskMilestone = z.infer<typeof TaskMilestoneSchema>;

export const TaskBookSchema = z.object({
  formatVersion: FormatVersionSchema,
  taskBookId: IdSchema,
  packageId: IdSchema,
  contractNumber: plainText(200).default(''),
  title: NameSchema,
  projectType: ProjectTypeSchema,
  parties: z.array(PartySchema).min(3),
  chiefExpert: z.object({
    name: NameSchema,
    title: plainText(100).default(''),
    organisation: NameSchema,
  }),
  period: z.object({ start: DateSchema, end: DateSchema }),
  objectives: TextSchema.default(''),
  milestones: z.array(TaskMilestoneSchema).min(1),
  /** 赛马阶段考核目标 (第十二条（七）): per solver. */
  raceStageTargets: z
    .array(z.object({ applicantId: IdSchema, targets: z.array(plainText(2000).min(1)).min(1) }))
    .default([]),
  /** 知识产权归属与利益分配 (第十五条). */
  intellectualProperty: z.object({ ownership: TextSchema, benefitSharing: TextSchema }),
  funding: z.object({
    /** 市财政科研项目资金 (万元). */
    city: MoneySchema,
    /** 发榜方投入 (万元). */
    issuer: MoneySchema,
    /** 揭榜方自筹 (万元). */
    selfRaised: MoneySchema,
    /** 企业出题: 技术开发（委托）合同金额 (万元). */
    contractAmount: MoneySchema.optional(),
  }),
  isHorseRace: z.boolean().default(false),
  status: z.enum(['draft', 'final']),
});
export type TaskBook = z.infer<typeof TaskBookSchema>;
