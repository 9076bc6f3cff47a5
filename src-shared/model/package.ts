/**
 * The review package (评审包): what the bureau (市科技局) sends to the panel — the demand (榜单),
 * the applicants (揭榜方), the panel (专家组), the rubric and the aggregation settings.
 */
import { z } from 'zod';
import { MoneySchema } from '../money';
import {
  CreditCodeSchema,
  DateSchema,
  FormatVersionSchema,
  IdSchema,
  NameSchema,
  plainText,
  repeatIssues,
  Sha256Schema,
  TextSchema,
} from './common';

/** 第三条: 行业共性技术攻关项目 / 企业出题技术攻关项目. */
export const ProjectTypeSchema = z.enum(['industry-common', 'enterprise']);
export type ProjectType = z.infer<typeof ProjectTypeSchema>;
export const PROJECT_TYPE_LABEL: Record<ProjectType, string> = {
  'industry-common': '行业共性技术攻关项目',
  enterprise: '企业出题技术攻关项目',
};

/** 第八条: 发榜方 — an industry authority, or a leading / backbone / key technology enterprise. */
export const IssuerKindSchema = z.enum([
  'authority',
  'leading-enterprise',
  'backbone-enterprise',
  'tech-enterprise',
  'other',
]);

export const IssuerSchema = z.object({
  name: NameSchema,
  creditCode: CreditCodeSchema,
  kind: IssuerKindSchema,
  /** 区域内: located in the city (第八条). */
  isLocal: z.boolean(),
  /** 第八条（二）: funds and conditions to support the project. */
  hasFundingCommitment: z.boolean(),
  /** 第八条（三）/第九条（三）: listed for joint disciplinary action (联合惩戒名单). */
  isOnSanctionList: z.boolean(),
  /** 第十二条（一）: the enterprise is the end user of the technology (最终用户). */
  isEndUser: z.boolean(),
});
export type Issuer = z.infer<typeof IssuerSchema>;

export const IndicatorSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  /** Assessable target, e.g. "出水含油量 ≤ 5 mg/L". */
  target: plainText(500).min(1),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DemandSchema = z.object({
  id: IdSchema,
  title: NameSchema,
  issuer: IssuerSchema,
  projectType: ProjectTypeSchema,
  technicalRequirements: TextSchema,
  indicators: z.array(IndicatorSchema).min(1),
  /** Total budget of the project (万元). */
  budget: MoneySchema,
  /** City funds requested for the project (万元); capped by 第十三条. */
  cityFunding: MoneySchema,
  /** 企业出题: the technology-development contract amount (万元), the base of the 40% share (第十三条（二）). */
  contractAmount: MoneySchema.optional(),
  periodMonths: z.number().int().min(1).max(120),
  /** Horse race (赛马制) allowed for this demand (第二条 encourages it). */
  allowsHorseRace: z.boolean(),
});
export type Demand = z.infer<typeof DemandSchema>;

/** 第九条: 高校、科研院所、企业、新型研发机构 (or a consortium of them). */
export const OrgKindSchema = z.enum([
  'university',
  'institute',
  'enterprise',
  'new-rd-institution',
]);
export const ORG_KIND_LABEL: Record<z.infer<typeof OrgKindSchema>, string> = {
  university: '高校',
  institute: '科研院所',
  enterprise: '企业',
  'new-rd-institution': '新型研发机构',
};

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  creditCode: CreditCodeSchema,
  kind: OrgKindSchema,
  /** 第九条: 法人资格. */
  isLegalEntity: z.boolean(),
  isOnSanctionList: z.boolean(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** Declared relation to the 发榜方 (第十条: none of subordination or equity may exist). */
export const RelationSchema = z.object({
  kind: z.enum(['subordinate', 'equity', 'same-group', 'cooperation', 'none']),
  memberId: IdSchema.optional(),
  note: plainText(1000).optional(),
});

export const MilestoneProposalSchema = z.object({
  id: IdSchema,
  title: NameSchema,
  month: z.number().int().min(1).max(120),
  deliverables: z.array(plainText(500).min(1)).default([]),
  indicatorIds: z.array(IdSchema).default([]),
});

export const AttachmentRefSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  mediaType: z.string().min(1).max(100),
  sha256: Sha256Schema,
  size: z.number().int().nonnegative(),
  /** Path inside the bundle: attachments/<file>. */
  path: z.string().regex(/^attachments\/[A-Za-z0-9._-]{1,128}$/),
  role: z.enum(['proposal', 'cooperation-agreement', 'other']).default('other'),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export const ChiefExpertSchema = z.object({
  name: NameSchema,
  title: plainText(100),
  organisationId: IdSchema,
});

export const ApplicantSchema = z.object({
  id: IdSchema,
  /** Display name (the lead's name for a consortium, or the consortium's name). */
  name: NameSchema,
  /** A single organisation, or a consortium (联合体, 第十二条（四）). */
  members: z.array(OrganisationSchema).min(1),
  isConsortium: z.boolean(),
  /** 牵头揭榜方: required for a consortium. */
  leadMemberId: IdSchema.optional(),
  /** 合作协议: the attachment id of the signed cooperation agreement. */
  cooperationAgreementId: IdSchema.optional(),
  relations: z.array(RelationSchema).default([]),
  /** 首席专家 (第十二条（八）2). */
  chiefExpert: ChiefExpertSchema,
  /** Technical route: horse-race candidates must differ (第十二条（五）). */
  technicalRoute: z.object({ id: IdSchema, label: NameSchema, summary: TextSchema.default('') }),
  requestedFunding: MoneySchema,
  milestones: z.array(MilestoneProposalSchema).default([]),
  attachments: z.array(AttachmentRefSchema).default([]),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

export const ExpertSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  organisation: NameSchema,
  title: plainText(100).default(''),
  /** 专业领域 (issue 17: the bureau's panel list carries it; empty in older packages). */
  expertise: plainText(200).default(''),
  role: z.enum(['chair', 'member']),
  /** 专家组组长一般由发榜方推荐的专家担任 (第十二条（五）). */
  nominatedBy: z.enum(['demand-side', 'bureau', 'agency']),
});
export type Expert = z.infer<typeof ExpertSchema>;

export const GuidanceBandSchema = z.object({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  label: plainText(300).min(1),
});

export const CriterionSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  description: plainText(2000).default(''),
  maxPoints: z.number().positive().max(1000),
  step: z.number().positive().default(0.5),
  guidanceBands: z.array(GuidanceBandSchema).default([]),
  weight: z.number().positive().optional(),
  requiresComment: z.boolean().default(false),
  /** The article the criterion comes from, e.g. '第十二条（五）'. */
  article: z.string().max(40).optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const RubricSchema = z.object({
  criteria: z.array(CriterionSchema).min(1),
  /** A comment is required on any criterion scored below this fraction of its max. */
  commentBelowFraction: z.number().min(0).max(1).default(0.6),
});
export type Rubric = z.infer<typeof RubricSchema>;

export const AggregationSchema = z.object({
  method: z.enum(['mean', 'trimmed-mean', 'median']).default('trimmed-mean'),
  /** Trimmed mean drops the highest and lowest total at or above this many valid sheets. */
  trimMinSheets: z.number().int().min(3).default(5),
  /** A total deviating from the mean of the other experts by more than this many points needs a reason. */
  deviationThreshold: z.number().positive().default(15),
  /** Tie-break: compare these criteria's means in order (第十二条（五） order by default). */
  tieBreakOrder: z.array(IdSchema).default([]),
  /** Horse race: candidates within this many points of the best (评分接近). */
  horseRaceCloseness: z.number().nonnegative().default(3),
  /** Minimum final score to be recommended at all. */
  passScore: z.number().nonnegative().default(60),
  /**
   * An applicant resting on fewer valid sheets than this is flagged, and the chair signs only with
   * a reason recorded in the decision (issue 14; the measures give no number).
   */
  minValidSheets: z.number().int().min(1).default(5),
});
export type Aggregation = z.infer<typeof AggregationSchema>;

export const ReviewPackageSchema = z
  .object({
    formatVersion: FormatVersionSchema,
    packageId: IdSchema,
    title: NameSchema,
    bureau: z.object({
      name: NameSchema,
      /** Fingerprint of the bureau's signing key, printed on paper for comparison. */
      signingKeyFingerprint: z.string().max(100).optional(),
      /** age X25519 recipient that panel and inspection bundles are encrypted to. */
      ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'age 接收方公钥格式不正确'),
    }),
    demand: DemandSchema,
    applicants: z.array(ApplicantSchema).min(1),
    panel: z.object({
      experts: z.array(ExpertSchema).min(1),
      /**
       * Quorum of the 专家评审 (第十二条（五）): the roster has at least this many members, and signing
       * waits for every one of them (a sheet, or an absence the chair records). The measures give no
       * number; 5, odd, is Chinese review practice. Recorded absences do not shrink the roster.
       */
      minSize: z.number().int().min(1).default(5),
    }),
    rubric: RubricSchema,
    aggregation: AggregationSchema,
    schedule: z.object({
      reviewDate: DateSchema,
      /** Planned start of publicity (公示, 第十二条（六）). */
      publicityStart: DateSchema.optional(),
    }),
  })
  .superRefine((p, ctx) => {
    // Everything downstream finds experts, applicants and criteria by id: each is named once, and
    // the tie-break order names criteria of the rubric (an unknown one would break no tie).
    const criteria = new Set(p.rubric.criteria.map((c) => c.id));
    for (const issue of [
      ...repeatIssues(['applicants'], '揭榜方编号', p.applicants, (a) => a.id),
      ...repeatIssues(['panel', 'experts'], '专家编号', p.panel.experts, (e) => e.id),
      ...repeatIssues(['rubric', 'criteria'], '评分指标编号', p.rubric.criteria, (c) => c.id),
      ...repeatIssues(
        ['aggregation', 'tieBreakOrder'],
        '并列排序依据',
        p.aggregation.tieBreakOrder,
        (id) => id,
      ),
      ...p.aggregation.tieBreakOrder.flatMap((id, i) =>
        criteria.has(id)
          ? []
          : [{ path: ['aggregation', 'tieBreakOrder', i], message: `“${id}”不是评分标准的指标` }],
      ),
    ])
      ctx.addIssue({ code: 'custom', ...issue });
  });
export type ReviewPackage = z.infer<typeof ReviewPackageSchema>;
