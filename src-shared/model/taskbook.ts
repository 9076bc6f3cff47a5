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

/** An empty list or line, said alike by the editor and `jiebang check` (「交付成果：不能为空」). */
const EMPTY = '不能为空';

/** 第十二条（七）: 市科技局、发榜方与揭榜方 sign the task book — at least three parties. */
const PARTIES_MIN = '至少 3 方（市科技局、发榜方与揭榜方）';

/**
 * A solver's chief expert (首席专家, 第十二条（八）): named by that solver; in a horse race each
 * solver names its own.
 */
export const TaskChiefExpertSchema = z.object({
  name: NameSchema,
  title: plainText(100).default(''),
  organisation: NameSchema,
});
export type TaskChiefExpert = z.infer<typeof TaskChiefExpertSchema>;

export const PartySchema = z.object({
  role: z.enum(['bureau', 'issuer', 'solver']),
  name: NameSchema,
  /** For solvers: the applicant id (horse race: every solver signs one joint task book). */
  applicantId: IdSchema.optional(),
  /** 法定代表人或授权代表 (printed on the cover and the signature block). */
  representative: plainText(100).default(''),
  /** 地址 (printed on the cover and the signature block). */
  address: plainText(300).default(''),
  /** For solvers: the chief expert this solver names (a 甲方 or 乙方 names none). */
  chiefExpert: TaskChiefExpertSchema.optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const TaskMilestoneSchema = z.object({
  id: IdSchema,
  title: NameSchema,
  due: DateSchema,
  deliverables: z.array(plainText(2000).min(1, EMPTY)).min(1, EMPTY),
  indicators: z.array(plainText(2000).min(1, EMPTY)).default([]),
  /** City funds paid after this milestone's assessment (万元). */
  tranche: MoneySchema,
  /** For a horse race: which solver (omitted: all). */
  applicantId: IdSchema.optional(),
});
export type TaskMilestone = z.infer<typeof TaskMilestoneSchema>;

export const TaskBookSchema = z
  .object({
    formatVersion: FormatVersionSchema,
    taskBookId: IdSchema,
    packageId: IdSchema,
    contractNumber: plainText(200).default(''),
    title: NameSchema,
    projectType: ProjectTypeSchema,
    parties: z.array(PartySchema).min(3, PARTIES_MIN),
    /**
     * Earlier task books: one chief-expert record for all solvers. Read and kept as written (so
     * their verification codes still match their prints); a new task book names one per solver.
     */
    chiefExpert: TaskChiefExpertSchema.optional(),
    period: z.object({ start: DateSchema, end: DateSchema }),
    objectives: TextSchema.default(''),
    milestones: z.array(TaskMilestoneSchema).min(1, EMPTY),
    /** 赛马阶段考核目标 (第十二条（七）): per solver. */
    raceStageTargets: z
      .array(
        z.object({
          applicantId: IdSchema,
          targets: z.array(plainText(2000).min(1, EMPTY)).min(1, EMPTY),
        }),
      )
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
  })
  .superRefine((tb, ctx) => {
    tb.parties.forEach((p, i) => {
      if (p.role === 'solver' && !p.chiefExpert && !tb.chiefExpert)
        ctx.addIssue({
          code: 'custom',
          path: ['parties', i, 'chiefExpert'],
          message: `揭榜方“${p.name}”的首席专家不能为空（第十二条（八））`,
        });
      if (p.role !== 'solver' && p.chiefExpert)
        ctx.addIssue({
          code: 'custom',
          path: ['parties', i, 'chiefExpert'],
          message: '只有揭榜方指定首席专家',
        });
    });
  });
export type TaskBook = z.infer<typeof TaskBookSchema>;

/**
 * The chief experts a task book names: one per solver; an earlier task book's single record is
 * given once, without a solver, as it was written.
 */
export function chiefExpertsOf(tb: TaskBook): { solver?: Party; chiefExpert: TaskChiefExpert }[] {
  const own = tb.parties.flatMap((solver) =>
    solver.role === 'solver' && solver.chiefExpert
      ? [{ solver, chiefExpert: solver.chiefExpert }]
      : [],
  );
  return tb.chiefExpert ? [{ chiefExpert: tb.chiefExpert }, ...own] : own;
}
