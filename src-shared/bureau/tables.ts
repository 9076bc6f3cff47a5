/**
 * The bureau's lists, as tables with Chinese headers (issue 17): what each workbook of
 * `resources/templates/` holds, column by column. One description serves the template generator
 * (headers, notes, drop-down lists), the reader (`packageFromGrids`), the writer of filled
 * workbooks (`gridsFromPackage`) and docs/templates.md — so a column is added in one place.
 */
import { IssuerKindSchema, OrgKindSchema, ProjectTypeSchema } from '../model';

export type ColumnKind =
  | 'text'
  | 'longtext'
  | 'id'
  | 'money'
  | 'int'
  | 'number'
  | 'bool'
  | 'date'
  | 'choice'
  | 'ids'
  | 'texts'
  | 'bands';

export interface Choice {
  code: string;
  label: string;
  aliases?: readonly string[];
}

export interface ColumnSpec {
  key: string;
  /** The header as the template writes it (Chinese, with the article where one applies). */
  header: string;
  /** Other headers read as this column (older templates, English keys). */
  aliases?: readonly string[];
  kind: ColumnKind;
  required: boolean;
  choices?: readonly Choice[];
  /** Where the value lands in the review package, relative to the record (findings point here). */
  field: string;
  /** What to write: the template's cell note and docs/templates.md. */
  note: string;
  /**
   * The form a value takes, said when one is refused (`int` columns): 「如 24 这样的整数月数」.
   * Without it, 「如 5 这样的整数」.
   */
  example?: string;
}

export type TableId =
  | 'review'
  | 'indicators'
  | 'applicants'
  | 'members'
  | 'milestones'
  | 'experts'
  | 'criteria'
  | 'settings';

export interface TableSpec {
  id: TableId;
  /** The worksheet's name (a CSV may be named by it or by `id`). */
  sheet: string;
  /** The template workbook holding it: `resources/templates/<workbook>.xlsx`. */
  workbook: 'demand' | 'applicants' | 'panel' | 'rubric';
  /** `rows`: one record per row under a header row; `fields`: one record, a field per row (项目 | 内容). */
  layout: 'rows' | 'fields';
  purpose: string;
  columns: readonly ColumnSpec[];
}

/** The header row of a `fields` table. */
export const FIELD_HEADERS = ['项目', '内容'] as const;

export const YES_NO: readonly Choice[] = [
  { code: 'yes', label: '是' },
  { code: 'no', label: '否' },
];

const ISSUER_KIND_LABEL: Record<(typeof IssuerKindSchema.options)[number], string> = {
  authority: '行业主管部门',
  'leading-enterprise': '行业龙头企业',
  'backbone-enterprise': '骨干企业',
  'tech-enterprise': '重点科技型企业',
  other: '其他',
};
const ORG_KIND_LABEL: Record<(typeof OrgKindSchema.options)[number], string> = {
  university: '高校',
  institute: '科研院所',
  enterprise: '企业',
  'new-rd-institution': '新型研发机构',
};
const PROJECT_TYPE_LABEL: Record<(typeof ProjectTypeSchema.options)[number], string> = {
  'industry-common': '行业共性技术攻关项目',
  enterprise: '企业出题技术攻关项目',
};

export const ISSUER_KINDS: readonly Choice[] = IssuerKindSchema.options.map((code) => ({
  code,
  label: ISSUER_KIND_LABEL[code],
}));
export const ORG_KINDS: readonly Choice[] = OrgKindSchema.options.map((code) => ({
  code,
  label: ORG_KIND_LABEL[code],
}));
export const PROJECT_TYPES: readonly Choice[] = [
  { code: 'industry-common', label: PROJECT_TYPE_LABEL['industry-common'], aliases: ['行业共性'] },
  { code: 'enterprise', label: PROJECT_TYPE_LABEL.enterprise, aliases: ['企业出题'] },
];
export const APPLICANT_FORMS: readonly Choice[] = [
  { code: 'single', label: '单独揭榜', aliases: ['单独', '单位'] },
  { code: 'consortium', label: '联合体揭榜', aliases: ['联合体', '联合揭榜'] },
];
/** 第十条: the declared relation to the 发榜方 (隶属 and 股权 are not allowed). */
export const RELATIONS: readonly Choice[] = [
  { code: 'none', label: '无关联关系', aliases: ['无'] },
  { code: 'cooperation', label: '合作关系', aliases: ['合作'] },
  { code: 'same-group', label: '同一集团', aliases: ['同集团'] },
  { code: 'equity', label: '股权关系', aliases: ['股权', '持股'] },
  { code: 'subordinate', label: '隶属关系', aliases: ['隶属', '下属'] },
];
export const NOMINATORS: readonly Choice[] = [
  { code: 'demand-side', label: '发榜方推荐', aliases: ['发榜方'] },
  { code: 'bureau', label: '市科技局', aliases: ['科技局'] },
  { code: 'agency', label: '第三方机构', aliases: ['第三方', '专业机构'] },
];
export const METHODS: readonly Choice[] = [
  {
    code: 'trimmed-mean',
    label: '去掉一个最高分和一个最低分后平均',
    aliases: ['去极值平均', '去掉最高最低分后平均'],
  },
  { code: 'mean', label: '算术平均', aliases: ['平均'] },
  { code: 'median', label: '中位数' },
];

const col = (spec: ColumnSpec): ColumnSpec => spec;

export const TABLES: readonly TableSpec[] = [
  {
    id: 'review',
    sheet: '榜单',
    workbook: 'demand',
    layout: 'fields',
    purpose:
      '评审包与榜单：评审包编号、市科技局、评审日期；发榜方及其条件（第八条），项目类型（第三条），经费与周期。',
    columns: [
      col({
        key: 'packageId',
        header: '评审包编号',
        kind: 'id',
        required: true,
        field: 'packageId',
        note: '本轮评审的编号，如 KLMY-2026-JB-001（字母、数字、-）',
      }),
      col({
        key: 'title',
        header: '评审包名称',
        kind: 'text',
        required: true,
        field: 'title',
        note: '如：2026年克拉玛依市“揭榜挂帅”项目揭榜评审：…',
      }),
      col({
        key: 'bureauName',
        header: '市科技局名称',
        kind: 'text',
        required: true,
        field: 'bureau.name',
        note: '组织评审的单位（市科技局或其委托的第三方机构，第七条）',
      }),
      col({
        key: 'ageRecipient',
        header: '加密接收方（age1…）',
        kind: 'text',
        required: true,
        field: 'bureau.ageRecipient',
        note: '专家组评审结果加密发给它：jiebang keygen --role bureau 生成的 age.pub 的内容',
      }),
      col({
        key: 'reviewDate',
        header: '评审日期',
        kind: 'date',
        required: true,
        field: 'schedule.reviewDate',
        note: '如 2026-12-08（须在办法施行期内，第二十三条）',
      }),
      col({
        key: 'publicityStart',
        header: '公示开始日期',
        kind: 'date',
        required: false,
        field: 'schedule.publicityStart',
        note: '可空；公示 5 个工作日（第十二条（六））',
      }),
      col({
        key: 'demandId',
        header: '榜单编号',
        kind: 'id',
        required: true,
        field: 'demand.id',
        note: '如 D-2026-01',
      }),
      col({
        key: 'demandTitle',
        header: '榜单名称',
        kind: 'text',
        required: true,
        field: 'demand.title',
        note: '技术需求的名称',
      }),
      col({
        key: 'issuerName',
        header: '发榜方',
        kind: 'text',
        required: true,
        field: 'demand.issuer.name',
        note: '发榜单位全称',
      }),
      col({
        key: 'issuerCreditCode',
        header: '发榜方统一社会信用代码',
        kind: 'text',
        required: true,
        field: 'demand.issuer.creditCode',
        note: '18 位',
      }),
      col({
        key: 'issuerKind',
        header: '发榜方类型（第八条）',
        kind: 'choice',
        choices: ISSUER_KINDS,
        required: true,
        field: 'demand.issuer.kind',
        note: '行业主管部门、行业龙头企业、骨干企业、重点科技型企业或其他',
      }),
      col({
        key: 'issuerIsLocal',
        header: '发榜方为区域内单位（第八条）',
        kind: 'bool',
        required: true,
        field: 'demand.issuer.isLocal',
        note: '是/否',
      }),
      col({
        key: 'issuerFunding',
        header: '发榜方有资金投入和配套条件（第八条（二））',
        kind: 'bool',
        required: true,
        field: 'demand.issuer.hasFundingCommitment',
        note: '是/否',
      }),
      col({
        key: 'issuerSanction',
        header: '发榜方列入联合惩戒名单（第八条（三））',
        kind: 'bool',
        required: true,
        field: 'demand.issuer.isOnSanctionList',
        note: '是/否',
      }),
      col({
        key: 'issuerEndUser',
        header: '发榜方为技术需求最终用户（第十二条（一））',
        kind: 'bool',
        required: true,
        field: 'demand.issuer.isEndUser',
        note: '是/否',
      }),
      col({
        key: 'projectType',
        header: '项目类型（第三条）',
        kind: 'choice',
        choices: PROJECT_TYPES,
        required: true,
        field: 'demand.projectType',
        note: '行业共性技术攻关项目 或 企业出题技术攻关项目',
      }),
      col({
        key: 'requirements',
        header: '技术需求',
        kind: 'longtext',
        required: true,
        field: 'demand.technicalRequirements',
        note: '技术需求与要求的全文',
      }),
      col({
        key: 'budget',
        header: '项目总预算（万元）',
        kind: 'money',
        required: true,
        field: 'demand.budget',
        note: '单位万元，如 2000',
      }),
      col({
        key: 'cityFunding',
        header: '市财政资助（万元）',
        kind: 'money',
        required: true,
        field: 'demand.cityFunding',
        note: '单个项目不超过 1000 万元；企业出题不超过合同金额的 40%（第十三条）',
      }),
      col({
        key: 'contractAmount',
        header: '技术开发合同金额（万元）',
        kind: 'money',
        required: false,
        field: 'demand.contractAmount',
        note: '企业出题项目填写（第十三条（二））',
      }),
      col({
        key: 'periodMonths',
        header: '实施周期（月）',
        kind: 'int',
        required: true,
        field: 'demand.periodMonths',
        example: '如 24 这样的整数月数',
        note: '一般 24–36 个月（第十二条（七））',
      }),
      col({
        key: 'allowsHorseRace',
        header: '允许赛马制',
        kind: 'bool',
        required: true,
        field: 'demand.allowsHorseRace',
        note: '是/否（第十二条（五））',
      }),
    ],
  },
  {
    id: 'indicators',
    sheet: '指标',
    workbook: 'demand',
    layout: 'rows',
    purpose: '榜单的考核指标，每行一项；里程碑引用其编号。',
    columns: [
      col({
        key: 'id',
        header: '指标编号',
        kind: 'id',
        required: true,
        field: 'id',
        note: '如 I1',
      }),
      col({
        key: 'name',
        header: '指标名称',
        kind: 'text',
        required: true,
        field: 'name',
        note: '如：出水含油量',
      }),
      col({
        key: 'target',
        header: '考核目标',
        kind: 'text',
        required: true,
        field: 'target',
        note: '可考核的目标值，如 ≤ 5 mg/L',
      }),
    ],
  },
  {
    id: 'applicants',
    sheet: '揭榜方',
    workbook: 'applicants',
    layout: 'rows',
    purpose:
      '揭榜方，每行一家（单独揭榜或联合体，第九条、第十二条（四））；成员单位和里程碑在另两张表。',
    columns: [
      col({
        key: 'id',
        header: '揭榜方编号',
        kind: 'id',
        required: true,
        field: 'id',
        note: '如 A01；不得重复',
      }),
      col({
        key: 'name',
        header: '揭榜方名称',
        kind: 'text',
        required: true,
        field: 'name',
        note: '单位全称；联合体写联合体名称',
      }),
      col({
        key: 'form',
        header: '揭榜形式（第十二条（四））',
        kind: 'choice',
        choices: APPLICANT_FORMS,
        required: true,
        field: 'isConsortium',
        note: '单独揭榜 或 联合体揭榜',
      }),
      col({
        key: 'lead',
        header: '牵头单位编号',
        kind: 'id',
        required: false,
        field: 'leadMemberId',
        note: '联合体必填：成员单位表中牵头单位的编号',
      }),
      col({
        key: 'relation',
        header: '与发榜方关系（第十条）',
        kind: 'choice',
        choices: RELATIONS,
        required: true,
        field: 'relations',
        note: '无关联关系、合作关系、同一集团、股权关系、隶属关系；后两种不得揭榜',
      }),
      col({
        key: 'relationMember',
        header: '有关系的成员单位编号',
        kind: 'id',
        required: false,
        field: 'relations',
        note: '有关系时填写是哪家成员单位',
      }),
      col({
        key: 'relationNote',
        header: '关系说明',
        kind: 'text',
        required: false,
        field: 'relations',
        note: '如：曾承担发榜方技术服务合同',
      }),
      col({
        key: 'requested',
        header: '申请市财政资助（万元）',
        kind: 'money',
        required: true,
        field: 'requestedFunding',
        note: '单位万元',
      }),
      col({
        key: 'chief',
        header: '首席专家',
        kind: 'text',
        required: true,
        field: 'chiefExpert.name',
        note: '姓名（第十二条（八））',
      }),
      col({
        key: 'chiefTitle',
        header: '首席专家职称',
        kind: 'text',
        required: false,
        field: 'chiefExpert.title',
        note: '如：研究员',
      }),
      col({
        key: 'chiefOrg',
        header: '首席专家所在单位编号',
        kind: 'id',
        required: true,
        field: 'chiefExpert',
        note: '须为本揭榜方的成员单位',
      }),
      col({
        key: 'routeId',
        header: '技术路线编号',
        kind: 'id',
        required: true,
        field: 'technicalRoute.id',
        note: '路线相同的揭榜方用同一编号（赛马制须路线不同，第十二条（五））',
      }),
      col({
        key: 'route',
        header: '技术路线',
        kind: 'text',
        required: true,
        field: 'technicalRoute.label',
        note: '如：陶瓷膜分离＋高级氧化',
      }),
      col({
        key: 'routeSummary',
        header: '技术路线概述',
        kind: 'longtext',
        required: false,
        field: 'technicalRoute.summary',
        note: '一两句话',
      }),
      col({
        key: 'proposalFile',
        header: '申报书文件',
        kind: 'text',
        required: true,
        field: 'attachments',
        note: '与工作簿同一文件夹中的文件名，如 A01-proposal.pdf',
      }),
      col({
        key: 'proposalTitle',
        header: '申报书标题',
        kind: 'text',
        required: false,
        field: 'attachments',
        note: '可空：默认为“揭榜方案（揭榜方名称）”',
      }),
      col({
        key: 'agreementFile',
        header: '合作协议文件',
        kind: 'text',
        required: false,
        field: 'cooperationAgreementId',
        note: '联合体必填：同一文件夹中的合作协议文件名（第十二条（四））',
      }),
      col({
        key: 'agreementTitle',
        header: '合作协议标题',
        kind: 'text',
        required: false,
        field: 'cooperationAgreementId',
        note: '可空：默认为“联合揭榜合作协议”',
      }),
    ],
  },
  {
    id: 'members',
    sheet: '成员单位',
    workbook: 'applicants',
    layout: 'rows',
    purpose: '每家揭榜方的成员单位，每行一家（单独揭榜也填一行）；第九条的条件。',
    columns: [
      col({
        key: 'applicant',
        header: '揭榜方编号',
        kind: 'id',
        required: true,
        field: '',
        note: '所属揭榜方（揭榜方表中的编号）',
      }),
      col({
        key: 'id',
        header: '单位编号',
        kind: 'id',
        required: true,
        field: 'id',
        note: '如 M01；全表不重复',
      }),
      col({
        key: 'name',
        header: '单位名称',
        kind: 'text',
        required: true,
        field: 'name',
        note: '单位全称',
      }),
      col({
        key: 'creditCode',
        header: '统一社会信用代码',
        kind: 'text',
        required: true,
        field: 'creditCode',
        note: '18 位',
      }),
      col({
        key: 'kind',
        header: '单位类型（第九条）',
        kind: 'choice',
        choices: ORG_KINDS,
        required: true,
        field: 'kind',
        note: '高校、科研院所、企业、新型研发机构',
      }),
      col({
        key: 'legal',
        header: '具有法人资格（第九条）',
        kind: 'bool',
        required: true,
        field: 'isLegalEntity',
        note: '是/否',
      }),
      col({
        key: 'sanction',
        header: '列入联合惩戒名单（第九条（三））',
        kind: 'bool',
        required: true,
        field: 'isOnSanctionList',
        note: '是/否',
      }),
    ],
  },
  {
    id: 'milestones',
    sheet: '里程碑',
    workbook: 'applicants',
    layout: 'rows',
    purpose: '揭榜方提出的里程碑（第十二条（七）（八）），每行一个。',
    columns: [
      col({
        key: 'applicant',
        header: '揭榜方编号',
        kind: 'id',
        required: true,
        field: '',
        note: '所属揭榜方',
      }),
      col({
        key: 'id',
        header: '里程碑编号',
        kind: 'id',
        required: true,
        field: 'id',
        note: '如 P1；同一揭榜方内不重复',
      }),
      col({
        key: 'title',
        header: '里程碑名称',
        kind: 'text',
        required: true,
        field: 'title',
        note: '如：中试装置建成',
      }),
      col({
        key: 'month',
        header: '完成时间（第几个月）',
        kind: 'int',
        required: true,
        field: 'month',
        example: '如 12 这样的整数月数（自立项起第几个月）',
        note: '自立项起第几个月，1–120',
      }),
      col({
        key: 'deliverables',
        header: '交付成果',
        kind: 'texts',
        required: false,
        field: 'deliverables',
        note: '多项用“；”分隔',
      }),
      col({
        key: 'indicators',
        header: '对应指标编号',
        kind: 'ids',
        required: false,
        field: 'indicatorIds',
        note: '指标表中的编号，多项用“、”分隔',
      }),
    ],
  },
  {
    id: 'experts',
    sheet: '专家',
    workbook: 'panel',
    layout: 'rows',
    purpose: '专家组名单，每行一位；组长一般由发榜方推荐（第十二条（五）），专家遴选见第七条。',
    columns: [
      col({
        key: 'id',
        header: '专家编号',
        kind: 'id',
        required: true,
        field: 'id',
        note: '如 E01；不得重复',
      }),
      col({ key: 'name', header: '姓名', kind: 'text', required: true, field: 'name', note: '' }),
      col({
        key: 'organisation',
        header: '工作单位',
        kind: 'text',
        required: true,
        field: 'organisation',
        note: '',
      }),
      col({
        key: 'title',
        header: '职称',
        kind: 'text',
        required: false,
        field: 'title',
        note: '如：教授',
      }),
      col({
        key: 'expertise',
        header: '专业领域',
        kind: 'text',
        required: false,
        field: 'expertise',
        note: '如：水处理工程',
      }),
      col({
        key: 'chair',
        header: '专家组组长',
        kind: 'bool',
        required: true,
        field: 'role',
        note: '是/否；有且仅有一位（第十二条（五））',
      }),
      col({
        key: 'nominatedBy',
        header: '推荐方',
        kind: 'choice',
        choices: NOMINATORS,
        required: true,
        field: 'nominatedBy',
        note: '发榜方推荐、市科技局 或 第三方机构；组长一般为发榜方推荐',
      }),
    ],
  },
  {
    id: 'criteria',
    sheet: '评分细则',
    workbook: 'rubric',
    layout: 'rows',
    purpose:
      '评分细则，每行一项；模板已按第十二条（五）预填（资质条件、方案可行性、经费合理性）并附成果转化，可修改。',
    columns: [
      col({
        key: 'id',
        header: '评分项编号',
        kind: 'id',
        required: true,
        field: 'id',
        note: '如 C1',
      }),
      col({ key: 'name', header: '评分项', kind: 'text', required: true, field: 'name', note: '' }),
      col({
        key: 'description',
        header: '评分要点',
        kind: 'longtext',
        required: false,
        field: 'description',
        note: '',
      }),
      col({
        key: 'max',
        header: '满分',
        kind: 'number',
        required: true,
        field: 'maxPoints',
        note: '如 20',
      }),
      col({
        key: 'step',
        header: '分值步长',
        kind: 'number',
        required: false,
        field: 'step',
        note: '可空，默认 0.5',
      }),
      col({
        key: 'weight',
        header: '权重',
        kind: 'number',
        required: false,
        field: 'weight',
        note: '可空：各项直接相加',
      }),
      col({
        key: 'comment',
        header: '必须填写评语',
        kind: 'bool',
        required: false,
        field: 'requiresComment',
        note: '是/否，可空为否（低于满分一定比例时总须评语，见汇总设置）',
      }),
      col({
        key: 'article',
        header: '依据条款',
        kind: 'text',
        required: false,
        field: 'article',
        note: '如：第十二条（五）',
      }),
      col({
        key: 'bands',
        header: '评分档次',
        kind: 'bands',
        required: false,
        field: 'guidanceBands',
        note: '“最低分-最高分 说明”，多档用“；”分隔，如 16-20 研发实力强；12-15.5 基本满足要求',
      }),
    ],
  },
  {
    id: 'settings',
    sheet: '汇总设置',
    workbook: 'rubric',
    layout: 'fields',
    purpose: '汇总方法与评审规则的设置（第十二条（五））；模板已填默认值。',
    columns: [
      col({
        key: 'method',
        header: '汇总方法',
        kind: 'choice',
        choices: METHODS,
        required: true,
        field: 'aggregation.method',
        note: '去掉一个最高分和一个最低分后平均、算术平均 或 中位数',
      }),
      col({
        key: 'trimMinSheets',
        header: '去极值所需最少有效评分表（份）',
        kind: 'int',
        required: true,
        field: 'aggregation.trimMinSheets',
        note: '少于此数按算术平均，至少 3',
      }),
      col({
        key: 'deviation',
        header: '偏离阈值（分）',
        kind: 'number',
        required: true,
        field: 'aggregation.deviationThreshold',
        note: '与其他专家均分相差超过此分须写明理由',
      }),
      col({
        key: 'closeness',
        header: '赛马制评分接近（分差）',
        kind: 'number',
        required: true,
        field: 'aggregation.horseRaceCloseness',
        note: '与最高分相差在此分内为“评分接近”',
      }),
      col({
        key: 'passScore',
        header: '推荐最低分',
        kind: 'number',
        required: true,
        field: 'aggregation.passScore',
        note: '低于此分不予推荐',
      }),
      col({
        key: 'minValidSheets',
        header: '最少有效评分表（份）',
        kind: 'int',
        required: true,
        field: 'aggregation.minValidSheets',
        note: '少于此数须由组长记录理由',
      }),
      col({
        key: 'tieBreak',
        header: '同分比较顺序（评分项编号）',
        kind: 'ids',
        required: false,
        field: 'aggregation.tieBreakOrder',
        note: '如 C2、C1、C3、C4；可空为评分细则的顺序',
      }),
      col({
        key: 'commentBelow',
        header: '低于满分此比例须写评语',
        kind: 'number',
        required: true,
        field: 'rubric.commentBelowFraction',
        note: '0 到 1，如 0.6',
      }),
      col({
        key: 'panelMinSize',
        header: '专家组最少人数',
        kind: 'int',
        required: true,
        field: 'panel.minSize',
        note: '一般为 5 人以上单数',
      }),
    ],
  },
];

export const tableSpec = (id: TableId): TableSpec => {
  const spec = TABLES.find((t) => t.id === id);
  if (!spec) throw new RangeError(`没有名为 ${id} 的表`);
  return spec;
};

/** The workbooks of the templates, in order, with the tables each holds. */
export const WORKBOOKS = ['demand', 'applicants', 'panel', 'rubric'] as const;
export const WORKBOOK_TITLE: Record<(typeof WORKBOOKS)[number], string> = {
  demand: '榜单',
  applicants: '揭榜方',
  panel: '专家组',
  rubric: '评分细则',
};
