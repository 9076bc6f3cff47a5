/** Rules on the chair's panel decision: horse race (第十二条（五）, 第十三条（三）) and funding (第十三条). */
import { dec, fmt2, fmtMoney, sum } from '../money';
import type { PanelDecision, ReviewPackage } from '../model';
import type { AggregateResult } from '../scoring/aggregate';
import { MAX_HORSE_RACE_SOLVERS } from '../scoring/horse-race';
import { finding, type Finding } from './finding';
import { checkCityFunding } from './funding';

/** At most 3 solvers, only where scores are close and routes differ (第十二条（五）). */
export function checkHorseRace(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
): Finding[] {
  const race = decision.horseRace;
  if (!race) {
    return decision.recommendedIds.length > 1
      ? [
          finding(
            'horseRace.required',
            '第十二条（五）',
            'blocking',
            '推荐多家揭榜方时应采用“赛马制”并说明理由',
            ['recommendedIds'],
          ),
        ]
      : [];
  }
  const out: Finding[] = [];
  const path = ['horseRace'];
  if (race.solverIds.length > MAX_HORSE_RACE_SOLVERS) {
    out.push(
      finding(
        'horseRace.max3',
        '第十二条（五）',
        'blocking',
        `“赛马制”揭榜方不得超过 3 家（现为 ${race.solverIds.length} 家）`,
        [...path, 'solverIds'],
      ),
    );
  }
  const routes = race.solverIds.map(
    (id) => pkg.applicants.find((a) => a.id === id)?.technicalRoute.id,
  );
  if (new Set(routes).size !== routes.length) {
    out.push(
      finding(
        'horseRace.distinctRoutes',
        '第十二条（五）',
        'blocking',
        '“赛马制”仅适用于存在多条技术路线的情形，所选揭榜方的技术路线须各不相同',
        [...path, 'solverIds'],
      ),
    );
  }
  const finals = race.solverIds.map(
    (id) => agg.results.find((r) => r.applicantId === id)?.final ?? dec(0),
  );
  const best = finals.reduce((m, v) => (v.gt(m) ? v : m), dec(0));
  const worst = finals.reduce((m, v) => (v.lt(m) ? v : m), best);
  const gap = best.minus(worst);
  if (gap.gt(pkg.aggregation.horseRaceCloseness)) {
    const severity = (race.overrideReason ?? '').trim().length > 0 ? 'warning' : 'blocking';
    out.push(
      finding(
        'horseRace.closeScores',
        '第十二条（五）',
        severity,
        `所选揭榜方最高与最低得分相差 ${fmt2(gap)} 分，超过“评分接近”阈值 ${pkg.aggregation.horseRaceCloseness} 分${severity === 'warning' ? '（组长已书面说明理由）' : '，须由组长书面说明理由'}`,
        [...path, 'solverIds'],
      ),
    );
  }
  const share = dec(race.raceStageShare);
  if (share.lte(0) || share.gte(1)) {
    out.push(
      finding(
        'horseRace.stageShare',
        '第十三条（三）',
        'blocking',
        '“赛马”阶段应向各家揭榜方拨付一定比例的项目经费（大于 0、小于 100%）',
        [...path, 'raceStageShare'],
      ),
    );
  }
  const missing = race.solverIds.filter((id) => !decision.recommendedIds.includes(id));
  if (missing.length > 0) {
    out.push(
      finding(
        'horseRace.recommended',
        '第十二条（五）',
        'blocking',
        `赛马揭榜方须列入揭榜方建议名单：${missing.join('、')}`,
        ['recommendedIds'],
      ),
    );
  }
  return out;
}

/** 核定项目经费总额: per solver and in total within the cap and the 40% share (第十三条). */
export function checkApprovedFunding(decision: PanelDecision, pkg: ReviewPackage): Finding[] {
  const out: Finding[] = [];
  const total = sum(decision.approvedFunding.map((f) => f.amount));
  if (!total.eq(dec(decision.approvedTotal))) {
    out.push(
      finding(
        'funding.totalMatches',
        '第十二条（五）',
        'blocking',
        `核定项目经费总额 ${fmtMoney(decision.approvedTotal)} 与各揭榜方核定经费合计 ${fmtMoney(total)} 不一致`,
        ['approvedTotal'],
      ),
    );
  }
  out.push(
    ...checkCityFunding(pkg.demand.projectType, decision.approvedTotal, pkg.demand.contractAmount, [
      'approvedTotal',
    ]),
  );
  for (const id of decision.recommendedIds) {
    if (!decision.approvedFunding.some((f) => f.applicantId === id)) {
      out.push(
        finding(
          'funding.perSolver',
          '第十二条（五）',
          'blocking',
          `须为建议名单中的每家揭榜方核定经费：${id}`,
          ['approvedFunding'],
        ),
      );
    }
  }
  return out;
}

/** Every rule on a panel decision; deviations without a recorded reason block sign-off. */
export function checkPanelDecision(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
  deviationReasons: Record<string, string> = {},
): Finding[] {
  const out = [...checkHorseRace(decision, pkg, agg), ...checkApprovedFunding(decision, pkg)];
  for (const r of agg.results) {
    for (const e of r.experts) {
      if (
        e.deviation &&
        !(e.deviationReason ?? deviationReasons[`${r.applicantId}/${e.expertId}`] ?? '').trim()
      ) {
        out.push(
          finding(
            'scoring.deviationReason',
            '第十二条（五）',
            'blocking',
            `专家 ${e.expertId} 对 ${r.applicantId} 的评分偏离其他专家均分 ${fmt2(e.deviation)} 分，须记录理由后方可签署`,
            ['deviations', r.applicantId, e.expertId],
          ),
        );
      }
    }
    if (r.tiedWith.length > 0 && decision.recommendedIds.includes(r.applicantId)) {
      const broken = decision.tieBreaks.some((t) => t.applicantIds.includes(r.applicantId));
      if (!broken) {
        out.push(
          finding(
            'ranking.tieBreak',
            '第十二条（五）',
            'blocking',
            `${r.applicantId} 与 ${r.tiedWith.join('、')} 并列，须由组长记录排序理由`,
            ['tieBreaks'],
          ),
        );
      }
    }
  }
  return out;
}
