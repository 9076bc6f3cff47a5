/**
 * The paper forms of the documents after the award, as rows for the PDF (`jiebang print`): the
 * milestone assessment form (里程碑考核表) and the acceptance form (验收结论表), each with a
 * signature line per signer (role, name, key fingerprint to compare with the signed bundle).
 */
import type { Notice } from '../bureau/notice';
import { formatFingerprint } from '../crypto/keys';
import { ASSESSMENT_LABELS, PROJECT_FORM_LABELS } from '../model/labels';
import { ACCEPTANCE_LABEL } from '../model/lifecycle';
import { unprintableSentences } from '../rules/print';
import { formatDateZh } from '../text/date';
import type { AcceptanceForm, MilestoneAssessmentForm } from './documents';
import { MEASURES_TITLE } from '../rules/in-force';
import { acceptanceRecovery } from './rules';

export interface PrintSigner {
  /** 考核专家, 发榜方, 市科技局… */
  role: string;
  name: string;
  fingerprint?: string;
}

export interface PrintedForm extends Notice {
  /** One line each, signed by hand beside the printed name. */
  signLines: string[];
}

const blank = '＿'.repeat(8);
const signLine = (s: PrintSigner) =>
  `${s.role}：${s.name}${s.fingerprint ? `（密钥指纹 ${formatFingerprint(s.fingerprint)}）` : ''}\u3000签字：${blank}`;

const EFFECT = { released: '拨付', held: '暂缓拨付', reduced: '核减拨付' } as const;

/** 里程碑考核表 (第十二条（八）3, 第十四条). */
export function assessmentPrint(
  a: MilestoneAssessmentForm,
  signers: readonly PrintSigner[],
): PrintedForm {
  const rows: [string, string][] = [
    ['任务书编号', a.taskBookId],
    ['里程碑', `${a.milestoneId}${a.applicantId ? `（揭榜方 ${a.applicantId}）` : ''}`],
    ['考核日期', formatDateZh(a.assessedOn)],
    ...a.indicators.map((i, n): [string, string] => [
      `指标 ${n + 1}：${i.indicator}`,
      `目标 ${i.target}；完成 ${i.result || '—'}；${i.passed ? '达到' : '未达到'}`,
    ]),
    ['总体结论', a.passed ? '通过' : '未通过'],
    [
      '对拨付的影响',
      `${EFFECT[a.effect]}：本次拨付 ${a.released} 万元（该阶段 ${a.tranche} 万元）${a.reason ? `；${a.reason}` : ''}`,
    ],
    [
      '证明材料',
      a.evidence.map((e) => `${e.name}（SHA-256 ${e.sha256.slice(0, 16)}…）`).join('\n') || '—',
    ],
    ['考核专家', a.assessors.join('、')],
    ['发榜方技术负责人', a.technicalManager],
    ['市科技局审定', a.approvedOn ? formatDateZh(a.approvedOn) : '（未审定）'],
  ];
  if (a.opinion) rows.push(['考核意见', a.opinion]);
  return {
    title: '“揭榜挂帅”项目里程碑考核表',
    rows,
    footer: [`依据${MEASURES_TITLE}第十二条（八）3、第十三条、第十四条。`],
    signLines: signers.map(signLine),
  };
}

const MATERIAL = {
  'self-evaluation': '项目综合绩效自评价报告',
  'technical-report': '科技报告',
  'final-accounts': '资金决算报告',
  'audit-report': '专项审计报告',
} as const;

/** 验收结论表 (第十二条（九）) with 第二十条's consequences on a non-objective failure. */
export function acceptancePrint(a: AcceptanceForm, signers: readonly PrintSigner[]): PrintedForm {
  const recovery = acceptanceRecovery(a);
  const rows: [string, string][] = [
    ['任务书编号', a.taskBookId],
    ['验收申请日期', formatDateZh(a.appliedOn)],
    ['提交材料', a.materials.map((m) => MATERIAL[m]).join('、') || '—'],
    ['用户技术评价报告', a.hasUserTechnicalEvaluation ? '发榜方已出具' : '未出具'],
    ['综合绩效评价日期', a.evaluatedOn ? formatDateZh(a.evaluatedOn) : '—'],
    ['验收结论', a.outcome ? ACCEPTANCE_LABEL[a.outcome] : '（尚未评价）'],
  ];
  if (a.outcome === 'fail')
    rows.push([
      '未通过原因',
      a.failureCause === 'objective'
        ? `客观原因${a.failureCauseNote ? `：${a.failureCauseNote}` : ''}`
        : a.failureCause === 'not-objective'
          ? '非客观原因'
          : '（未载明）',
    ]);
  if (recovery) rows.push(['处理（第二十条）', `收回 ${recovery.amount} 万元；${recovery.basis}`]);
  if (a.opinion) rows.push(['评价意见', a.opinion]);
  return {
    title: '“揭榜挂帅”项目验收结论表',
    rows,
    footer: [`依据${MEASURES_TITLE}第十二条（九）、第二十条。`],
    signLines: signers.map(signLine),
  };
}

/** The document a paper form after the award is printed from. */
export type PrintedSource =
  | { type: 'assessment'; doc: MilestoneAssessmentForm }
  | { type: 'acceptance'; doc: AcceptanceForm };

/**
 * What the form's PDF could not print (`missing`, as the renderer reports it), said as the task
 * book's, the inspection report's and the meeting's forms say it (`unprintableSentences`): each
 * field of the assessment or the acceptance form named in its form's words; a character found in
 * none of them (a signer's name from the bundle) in one sentence without a field.
 */
export const awardUnprintable = (source: PrintedSource, missing: readonly string[]): string[] =>
  unprintableSentences(missing, [
    {
      doc: source.doc,
      labels: source.type === 'assessment' ? ASSESSMENT_LABELS : PROJECT_FORM_LABELS,
    },
  ]);
