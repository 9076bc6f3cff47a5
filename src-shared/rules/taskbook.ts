/** Rules on the task book (第十二条（七）（八）, 第十三条, 第十五条, 第十七条). */
import { daysBetween } from '../calendar';
import type { PanelDecision, ReviewPackage, TaskBook } from '../model';
import { finding, type Finding } from './finding';
import { checkCityFunding, checkIssuerInvestment, checkTranches } from './funding';
import { checkMeasuresInForce } from './in-force';
import { checkPrintable } from './print';
import { TASKBOOK_LABELS } from '../model/labels';
import { formatDateZh } from '../text/date';

/** 第十二条（七）: generally 2–3 years. */
export function checkPeriod(tb: TaskBook): Finding[] {
  const days = daysBetween(tb.period.start, tb.period.end);
  if (days <= 0)
    return [
      finding('period.order', '第十二条（七）', 'blocking', '实施周期的结束日期应晚于开始日期', [
        'period',
      ]),
    ];
  const years = days / 365.25;
  if (years < 2 - 1 / 24 || years > 3 + 1 / 24) {
    return [
      finding(
        'period.twoToThreeYears',
        '第十二条（七）',
        'warning',
        `实施周期约 ${years.toFixed(1)} 年，“揭榜挂帅”项目实施周期一般为 2～3 年`,
        ['period'],
      ),
    ];
  }
  return [];
}

/** 第十五条: IP ownership and benefit sharing stated. */
export function checkIntellectualProperty(tb: TaskBook): Finding[] {
  const out: Finding[] = [];
  if (tb.intellectualProperty.ownership.trim() === '')
    out.push(
      finding('ip.ownership', '第十五条', 'blocking', '任务书应明确知识产权的归属', [
        'intellectualProperty',
        'ownership',
      ]),
    );
  if (tb.intellectualProperty.benefitSharing.trim() === '')
    out.push(
      finding('ip.benefitSharing', '第十五条', 'blocking', '任务书应明确利益分配', [
        'intellectualProperty',
        'benefitSharing',
      ]),
    );
  return out;
}

/** Milestones inside the period, staged tranches; horse race: race-stage targets per solver. */
export function checkMilestones(tb: TaskBook): Finding[] {
  const out: Finding[] = [];
  tb.milestones.forEach((m, i) => {
    if (m.due < tb.period.start || m.due > tb.period.end) {
      out.push(
        finding(
          'milestones.withinPeriod',
          '第十二条（七）',
          'blocking',
          `里程碑“${m.title}”的日期${formatDateZh(m.due)}不在实施周期（${formatDateZh(tb.period.start)}至${formatDateZh(tb.period.end)}）内`,
          ['milestones', i, 'due'],
        ),
      );
    }
  });
  out.push(
    ...checkTranches(
      tb.projectType,
      tb.funding.city,
      tb.milestones.map((m) => m.tranche),
      ['milestones'],
    ),
  );
  if (tb.isHorseRace) {
    for (const solver of tb.parties.filter((p) => p.role === 'solver')) {
      if (!tb.raceStageTargets.some((t) => t.applicantId === solver.applicantId)) {
        out.push(
          finding(
            'horseRace.stageTargets',
            '第十二条（七）',
            'blocking',
            `联合项目任务书应确定“${solver.name}”的“赛马”阶段考核目标`,
            ['raceStageTargets'],
          ),
        );
      }
    }
  }
  return out;
}

/** 第十七条 / 第十二条（七）: the three parties; solvers are exactly those the panel recommended. */
export function checkParties(
  tb: TaskBook,
  pkg?: ReviewPackage,
  decision?: PanelDecision,
): Finding[] {
  const out: Finding[] = [];
  for (const role of ['bureau', 'issuer', 'solver'] as const) {
    if (!tb.parties.some((p) => p.role === role)) {
      const name = { bureau: '市科技局', issuer: '发榜方', solver: '揭榜方' }[role];
      out.push(
        finding(
          'parties.present',
          '第十二条（七）',
          'blocking',
          `任务书须由市科技局与发榜方、揭榜方签订，缺少${name}`,
          ['parties'],
        ),
      );
    }
  }
  // Each 丙方 signs by its legal or authorised representative: named before the book is final.
  tb.parties.forEach((p, i) => {
    if (p.role === 'solver' && p.representative.trim() === '')
      out.push(
        finding(
          'parties.representative',
          '第十二条（七）',
          'blocking',
          `丙方“${p.name}”的法定代表人或授权代表尚未填写`,
          ['parties', i, 'representative'],
        ),
      );
  });
  if (pkg) {
    const issuer = tb.parties.find((p) => p.role === 'issuer');
    if (issuer && issuer.name !== pkg.demand.issuer.name) {
      out.push(
        finding(
          'parties.noChange',
          '第十七条',
          'blocking',
          `任务书中的发榜方“${issuer.name}”与评审包中的发榜方“${pkg.demand.issuer.name}”不一致；项目不得变更发榜方`,
          ['parties'],
        ),
      );
    }
  }
  if (decision) {
    const solverIds = tb.parties.filter((p) => p.role === 'solver').map((p) => p.applicantId ?? '');
    const expected = decision.horseRace
      ? decision.horseRace.solverIds
      : decision.recommendedIds.slice(0, 1);
    const same =
      solverIds.length === expected.length && expected.every((id) => solverIds.includes(id));
    if (!same) {
      out.push(
        finding(
          'parties.noChange',
          '第十七条',
          'blocking',
          `任务书中的揭榜方（${solverIds.join('、')}）与专家组建议（${expected.join('、')}）不一致；项目不得变更揭榜方`,
          ['parties'],
        ),
      );
    }
    if (decision.horseRace && !tb.isHorseRace) {
      out.push(
        finding(
          'horseRace.jointTaskBook',
          '第十二条（七）',
          'blocking',
          '采取“赛马制”的项目，各家揭榜方应共同签订联合项目任务书',
          ['isHorseRace'],
        ),
      );
    }
  }
  return out;
}

export function checkTaskBook(
  tb: TaskBook,
  pkg?: ReviewPackage,
  decision?: PanelDecision,
): Finding[] {
  return [
    ...checkParties(tb, pkg, decision),
    ...checkPeriod(tb),
    ...checkMilestones(tb),
    ...checkIntellectualProperty(tb),
    ...checkMeasuresInForce(tb.period.start, '任务书实施周期开始日期', ['period', 'start']),
    ...checkCityFunding(tb.projectType, tb.funding.city, tb.funding.contractAmount, [
      'funding',
      'city',
    ]),
    ...checkIssuerInvestment(tb.projectType, tb.funding.issuer, tb.funding.city, [
      'funding',
      'issuer',
    ]),
    // The editor, `jiebang check` and `render-taskbook` name an unprintable character alike.
    ...checkPrintable(tb, TASKBOOK_LABELS),
  ];
}
