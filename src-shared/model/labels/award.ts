/**
 * The documents after the award (src-shared/award/documents.ts): their fields as the award
 * screen's cards label them (src-renderer/src/i18n/award.ts reads its shared words from here), so
 * 「solvers.0.score」 is said 「第 1 位揭榜方 赛马阶段考核得分」 on the card, by `jiebang check` and by
 * `jiebang print-award` alike. No imports but the labels' type.
 */
import type { FieldLabels } from './field';

/** The words the three documents share. */
const COMMON = {
  formatVersion: { label: '格式版本' },
  taskBookId: { label: '任务书编号' },
  applicantId: { label: '揭榜方编号' },
  assessedOn: { label: '考核日期' },
  approvedOn: { label: '市科技局审定日期' },
  reason: { label: '理由' },
} as const satisfies FieldLabels;

/** 里程碑考核 (`MilestoneAssessmentFormSchema`, 第十二条（八）3, 第十四条). */
export const ASSESSMENT_LABELS = {
  ...COMMON,
  assessmentId: { label: '考核表编号' },
  milestoneId: { label: '里程碑' },
  indicators: {
    label: '考核指标',
    item: '考核指标第 {n} 项',
    fields: {
      indicator: { label: '考核指标' },
      target: { label: '目标值' },
      result: { label: '完成情况' },
      passed: { label: '达到' },
    },
  },
  evidence: {
    label: '证明材料',
    item: '证明材料第 {n} 份',
    fields: {
      path: { label: '路径' },
      name: { label: '文件名' },
      sha256: { label: 'SHA-256' },
      size: { label: '大小' },
    },
  },
  passed: { label: '总体结论' },
  tranche: { label: '该阶段拨付（万元）' },
  effect: { label: '对拨付的影响' },
  released: { label: '本次拨付（万元）' },
  assessors: { label: '考核专家', item: '考核专家第 {n} 位' },
  technicalManager: { label: '发榜方技术负责人' },
  opinion: { label: '考核意见' },
} as const satisfies FieldLabels;

/** 赛马择优 (`RaceChoiceSchema`, 第十三条（三）). */
export const RACE_LABELS = {
  ...COMMON,
  choiceId: { label: '择优表编号' },
  solvers: {
    label: '赛马揭榜方',
    item: '第 {n} 位揭榜方',
    fields: {
      applicantId: { label: '揭榜方编号' },
      name: { label: '名称' },
      score: { label: '赛马阶段考核得分' },
      passed: { label: '考核通过' },
      raceShare: { label: '赛马阶段拨付（万元）' },
      note: { label: '说明' },
    },
  },
  chosenId: { label: '择优支持' },
} as const satisfies FieldLabels;

/**
 * 变更申请 (第十八条), 延期申请 (第十九条), 终止或撤销 (第十七条), 验收 (第十二条（九）, 第二十条):
 * `ProjectFormSchema`, one form of four, and the older request shapes it extends
 * (`ChangeRequestSchema`, `ExtensionRequestSchema`, `AcceptanceEvaluationSchema`).
 */
export const PROJECT_FORM_LABELS = {
  ...COMMON,
  formId: { label: '表单编号' },
  form: { label: '表单类型' },
  kind: { label: '变更事项' },
  requestedOn: { label: '申请日期' },
  approved: { label: '已审核同意' },
  effectiveOn: { label: '生效日期' },
  from: { label: '变更前' },
  to: { label: '变更后' },
  currentEnd: { label: '原到期日' },
  newEnd: { label: '延期至' },
  objectiveCause: { label: '因客观原因' },
  previousExtensions: { label: '此前已延期次数' },
  decision: { label: '决定' },
  decidedOn: { label: '决定日期' },
  cityDisbursed: { label: '已拨付的市财政资金（万元）' },
  citySpent: { label: '其中已使用（万元）' },
  bureauApproved: { label: '市科技局审核同意' },
  issuerApproved: { label: '发榜方审核同意' },
  appliedOn: { label: '验收申请日期' },
  evaluatedOn: { label: '综合绩效评价日期' },
  hasUserTechnicalEvaluation: { label: '发榜方已出具用户技术评价报告' },
  materials: { label: '验收材料（第十二条（九）1）', item: '验收材料第 {n} 项' },
  outcome: { label: '验收结论' },
  failureCause: { label: '未通过的原因' },
  failureCauseNote: { label: '客观原因说明' },
  opinion: { label: '评价意见' },
} as const satisfies FieldLabels;
