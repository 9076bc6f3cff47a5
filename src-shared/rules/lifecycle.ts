/** Rules later in a project's life: publicity, assessments, changes, extensions, acceptance. */
import { addDays, addYears, daysBetween, publicityEnd, type WorkingCalendar } from '../calendar';
import type {
  AcceptanceEvaluation,
  ChangeRequest,
  ExtensionRequest,
  MilestoneAssessment,
} from '../model';
import { finding, type Finding } from './finding';
import { formatDateZh } from '../text/date';

/** 第十二条（六）: publicity for 5 working days (statutory holidays and 调休 counted). */
export function checkPublicity(cal: WorkingCalendar, start: string, end: string): Finding[] {
  const earliest = publicityEnd(cal, start, 5);
  return end < earliest
    ? [
        finding(
          'publicity.fiveWorkingDays',
          '第十二条（六）',
          'blocking',
          `公示期自${formatDateZh(start)}起应满 5 个工作日，最早至${formatDateZh(earliest)}，现为${formatDateZh(end)}`,
          ['publicity'],
        ),
      ]
    : [];
}

/** 第十三条（三）: after the race stage's milestone assessment, one solver continues. */
export function checkHorseRaceSelection(
  assessments: readonly MilestoneAssessment[],
  solverIds: readonly string[],
): Finding[] {
  const continuing = assessments.filter(
    (a) => a.continues === true && solverIds.includes(a.applicantId),
  );
  if (continuing.length !== 1) {
    return [
      finding(
        'horseRace.oneContinues',
        '第十三条（三）',
        'blocking',
        `“里程碑”考核后应择优支持 1 家揭榜方继续研究（现为 ${continuing.length} 家）`,
        ['assessments'],
      ),
    ];
  }
  const [chosen] = continuing;
  const out: Finding[] = [];
  if (chosen && !chosen.passed)
    out.push(
      finding(
        'horseRace.chosenPassed',
        '第十三条（三）',
        'blocking',
        '择优支持的揭榜方须通过“里程碑”考核',
        ['assessments'],
      ),
    );
  if (chosen && !(chosen.continueReason ?? '').trim())
    out.push(
      finding('horseRace.reason', '第十三条（三）', 'blocking', '择优支持须记录理由', [
        'assessments',
      ]),
    );
  return out;
}

/** 第十七条: parties never change; 第十八条: other changes need approval first. */
export function checkChangeRequest(change: ChangeRequest): Finding[] {
  if (change.kind === 'change-issuer' || change.kind === 'change-solver') {
    return [
      finding(
        'parties.noChange',
        '第十七条',
        'blocking',
        `“揭榜挂帅”项目不得变更${change.kind === 'change-issuer' ? '发榜方' : '揭榜方'}；无法实施的，经审核同意后可终止或撤销`,
        ['kind'],
      ),
    ];
  }
  if (change.effectiveOn && change.approved !== true) {
    return [
      finding(
        'changes.approval',
        '第十八条',
        'blocking',
        '单位名称变更、项目负责人变动、资金重大调整等事项，应经审核同意后方可进行',
        ['approved'],
      ),
    ];
  }
  if (change.effectiveOn && change.approvedOn && change.effectiveOn < change.approvedOn) {
    return [
      finding(
        'changes.approvalFirst',
        '第十八条',
        'blocking',
        `变更在${formatDateZh(change.effectiveOn)}生效，早于审核同意日期${formatDateZh(change.approvedOn)}`,
        ['effectiveOn'],
      ),
    ];
  }
  return [];
}

/** 第十九条: objective cause; requested ≥ 30 days before the end; once; at most a year. */
export function checkExtensionRequest(req: ExtensionRequest): Finding[] {
  const out: Finding[] = [];
  if (!req.objectiveCause)
    out.push(
      finding(
        'extension.objectiveCause',
        '第十九条',
        'blocking',
        '仅因客观原因不能按期完成的，方可申请延期',
        ['objectiveCause'],
      ),
    );
  const lead = daysBetween(req.requestedOn, req.currentEnd);
  if (lead < 30)
    out.push(
      finding(
        'extension.deadline',
        '第十九条',
        'blocking',
        `延期申请应在实施周期到期 30 日前提出（${lead > 0 ? `本申请距到期仅 ${lead} 日` : lead === 0 ? '本申请在到期当日才提出' : `本申请在实施周期结束 ${-lead} 日后才提出`}）`,
        ['requestedOn'],
      ),
    );
  if (req.previousExtensions > 0)
    out.push(
      finding('extension.once', '第十九条', 'blocking', '项目只可延期一次', ['previousExtensions']),
    );
  const limit = addYears(req.currentEnd, 1);
  if (req.newEnd > limit)
    out.push(
      finding(
        'extension.maxOneYear',
        '第十九条',
        'blocking',
        `延期期限最长一年（最晚至${formatDateZh(limit)}）`,
        ['newEnd'],
      ),
    );
  if (req.newEnd <= req.currentEnd)
    out.push(
      finding('extension.order', '第十九条', 'blocking', '延期后的结束日期应晚于原结束日期', [
        'newEnd',
      ]),
    );
  return out;
}

/** 第十二条（九）: the acceptance application within this many days after the period's end. */
const ACCEPTANCE_DAYS = 30;

/** 第十二条（九）: apply within 30 days after the end, with the materials; user evaluation first. */
export function checkAcceptanceApplication(
  acc: AcceptanceEvaluation,
  periodEnd: string,
): Finding[] {
  const out: Finding[] = [];
  // The day after the end is the 1st day after it; the 30th (end + 30) is the last allowed.
  const after = daysBetween(periodEnd, acc.appliedOn);
  if (after > ACCEPTANCE_DAYS)
    out.push(
      finding(
        'acceptance.within30Days',
        '第十二条（九）',
        'blocking',
        `验收申请应在实施周期结束后 ${ACCEPTANCE_DAYS} 日内提出，即不晚于${formatDateZh(addDays(periodEnd, ACCEPTANCE_DAYS))}（本申请在结束后第 ${after} 日提出，逾期 ${after - ACCEPTANCE_DAYS} 日）`,
        ['appliedOn'],
      ),
    );
  const required = [
    'self-evaluation',
    'technical-report',
    'final-accounts',
    'audit-report',
  ] as const;
  const names = {
    'self-evaluation': '综合绩效自评价报告',
    'technical-report': '科技报告',
    'final-accounts': '资金决算报告',
    'audit-report': '专项审计报告',
  };
  const missing = required.filter((m) => !acc.materials.includes(m));
  if (missing.length > 0)
    out.push(
      finding(
        'acceptance.materials',
        '第十二条（九）',
        'blocking',
        `验收申请缺少：${missing.map((m) => names[m]).join('、')}`,
        ['materials'],
      ),
    );
  out.push(...checkFailedAcceptance(acc));
  if (acc.outcome && !acc.hasUserTechnicalEvaluation) {
    out.push(
      finding(
        'acceptance.userEvaluation',
        '第十二条（九）',
        'blocking',
        '发榜方应在综合绩效评价前出具用户技术评价报告',
        ['hasUserTechnicalEvaluation'],
      ),
    );
  }
  return out;
}

/**
 * 第二十条: a 不通过 records whether the failure had an objective cause; where it did not, or the
 * record does not say, the city funds disbursed are recovered and an integrity investigation opened.
 */
export function checkFailedAcceptance(acc: AcceptanceEvaluation): Finding[] {
  if (acc.outcome !== 'fail' || acc.failureCause === 'objective') return [];
  const out: Finding[] = [];
  const unstated = acc.failureCause === undefined;
  if (unstated)
    out.push(
      finding(
        'acceptance.failureCause',
        '第二十条',
        'blocking',
        '验收结论为“不通过”，须载明未通过是否因客观原因所致',
        ['failureCause'],
      ),
    );
  const why = unstated ? '未载明为客观原因' : '因非客观原因未通过验收';
  out.push(
    finding(
      'acceptance.recoverFunds',
      '第二十条',
      'warning',
      `${why}：收回已拨付的市财政科研项目资金`,
      ['outcome'],
    ),
    finding(
      'acceptance.integrityInvestigation',
      '第二十条',
      'warning',
      `${why}：开展科研诚信调查`,
      ['outcome'],
    ),
  );
  return out;
}
