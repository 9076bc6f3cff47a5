/**
 * Every rule on a panel decision (第十二条（五）, 第十三条), in one function for every door: the
 * chair's screen, `jiebang check` (a decision with its sheets, or a panel bundle) and any later
 * ingest. It reads only the decision, the package and the sheets — what the chair records lives in
 * the decision itself.
 */
import { beijingDayOf, formatDateZh } from '../text/date';
import { dec, fmt2, fmtMoney, parseMoneyInput, sum } from '../money';
import { toHalfWidthDigits } from '../text/normalize';
import {
  PanelDecisionSchema,
  type PanelDecision,
  type ReviewPackage,
  type ScoreSheet,
} from '../model';
import { checkCityFunding, checkOverListFunding } from '../rules/funding';
import { finding, type Finding } from '../rules/finding';
import { readShare } from './share';
import { aggregate, type AggregateResult } from '../scoring/aggregate';
import {
  MAX_HORSE_RACE_SOLVERS,
  proposeHorseRace,
  type HorseRaceProposal,
} from '../scoring/horse-race';
import {
  gatherSheets,
  isGathered,
  notCountedLine,
  type SheetProblem,
  type SheetSource,
} from './gather';

const ARTICLE = '第十二条（五）';

export interface PanelAnalysis {
  /** The sheets that count (validated, submitted, one per member). */
  sheets: ScoreSheet[];
  /** Sheets given that do not count, and why. */
  problems: SheetProblem[];
  /** Valid sheets not counted because another sheet of the same expert counts (`whichSheetCounts`). */
  setAside: SheetProblem[];
  agg: AggregateResult;
  proposal: HorseRaceProposal;
}

const cache = new WeakMap<
  readonly ScoreSheet[] | readonly SheetSource[],
  WeakMap<ReviewPackage, PanelAnalysis>
>();

/**
 * The sheets gathered, aggregated and the horse race proposed — what the chair's table shows and
 * what the decision is checked against. Cached per (sheets array, package) object, so the chair's
 * screen re-checks a decision on every keystroke without aggregating again.
 */
export function analysePanel(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[] | readonly SheetSource[],
): PanelAnalysis {
  const byPkg = cache.get(sheets) ?? new WeakMap<ReviewPackage, PanelAnalysis>();
  cache.set(sheets, byPkg);
  const hit = byPkg.get(pkg);
  if (hit) return hit;
  // Sheets the desk has gathered already are not validated twice.
  const gathered = isSheetList(sheets)
    ? isGathered(sheets, pkg)
      ? { sheets: [...sheets], problems: [], setAside: [] }
      : gatherSheets(
          pkg,
          sheets.map((sheet) => ({ sheet, origin: '评分表', standing: 'unsigned' as const })),
        )
    : gatherSheets(pkg, sheets);
  const agg = aggregate(pkg, gathered.sheets);
  const analysis = { ...gathered, agg, proposal: proposeHorseRace(pkg, agg) };
  byPkg.set(pkg, analysis);
  return analysis;
}

/** Sheets alone (no source told: each an unsigned sheet), or sources with their standing. */
const isSheetList = (
  xs: readonly ScoreSheet[] | readonly SheetSource[],
): xs is readonly ScoreSheet[] => xs.every((x) => !('standing' in x));

const applicantName = (pkg: ReviewPackage, id: string): string => {
  const a = pkg.applicants.find((x) => x.id === id);
  return a ? `${a.name}（${id}）` : id;
};

/** Labels of the decision's fields, for format findings the chair can act on. */
const FIELD_LABEL: Record<string, string> = {
  raceStageShare: '“赛马”阶段拨付比例',
  overrideReason: '与系统建议不同的理由',
  amount: '核定经费',
  approvedTotal: '核定项目经费总额',
  opinion: '专家组意见',
  reason: '理由',
  chairExpertId: '组长',
  decidedAt: '决定时间',
};

function formatFindings(decision: PanelDecision): Finding[] {
  const parsed = PanelDecisionSchema.safeParse(decision);
  if (parsed.success) return [];
  // The race-stage share is judged by `horseRace.stageShare` (第十三条（三）), which says why: the
  // desk opens with it empty (the measures give no number), and that alone must not hide the
  // decision's other findings behind a format error.
  const issues = parsed.error.issues.filter((i) => i.path.at(-1) !== 'raceStageShare');
  return issues.map((i) => {
    const last = i.path.at(-1);
    const label = typeof last === 'string' ? (FIELD_LABEL[last] ?? last) : i.path.join('.');
    return finding('decision.format', ARTICLE, 'blocking', `${label}：${i.message}`, [
      ...i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    ]);
  });
}

/** 第十二条（五）: the panel's quorum — the roster's size, and every member accounted for. */
export function checkQuorum(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
  refusedExpertIds: readonly string[] = [],
): Finding[] {
  const out: Finding[] = [];
  const roster = pkg.panel.experts;
  if (roster.length < pkg.panel.minSize) {
    out.push(
      finding(
        'panel.quorum',
        ARTICLE,
        'blocking',
        `专家组名单 ${roster.length} 人，少于评审包规定的最少 ${pkg.panel.minSize} 人（panel.minSize；办法未规定人数，按评审惯例为单数）`,
        ['panel'],
      ),
    );
  }
  for (const e of roster) {
    const absence = decision.absences.find((a) => a.expertId === e.id);
    const submitted = agg.submittedExpertIds.includes(e.id);
    // A member whose sheet was given but refused is named by that sheet's findings instead.
    if (!submitted && !absence && !refusedExpertIds.includes(e.id)) {
      out.push(
        finding(
          'panel.quorum',
          ARTICLE,
          'blocking',
          `专家 ${e.id} ${e.name} 既未提交评分表也未回避，须记录其缺席及原因后方可签署（专家组名单 ${roster.length} 人，不因缺席减少）`,
          ['absences', e.id],
        ),
      );
    } else if (submitted && absence) {
      out.push(
        finding(
          'panel.absence',
          ARTICLE,
          'blocking',
          `专家 ${e.id} ${e.name} 已提交评分表，不能同时记为缺席`,
          ['absences', e.id],
        ),
      );
    }
  }
  for (const a of decision.absences) {
    if (!roster.some((e) => e.id === a.expertId))
      out.push(
        finding(
          'panel.absence',
          ARTICLE,
          'blocking',
          `缺席记录中的 ${a.expertId} 不在专家组名单中`,
          ['absences', a.expertId],
        ),
      );
  }
  return out;
}

/** Applicants resting on fewer valid sheets than the package's minimum, and 「无有效评分」. */
export function checkValidSheets(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
): Finding[] {
  const out: Finding[] = [];
  const min = pkg.aggregation.minValidSheets;
  const reason = (decision.belowMinValidSheetsReason ?? '').trim();
  for (const r of agg.results.filter((x) => x.belowMinValidSheets)) {
    const how =
      r.validSheets === 0 ? '无有效评分（0 份有效评分表）' : `仅有 ${r.validSheets} 份有效评分表`;
    out.push(
      finding(
        'aggregation.minValidSheets',
        ARTICLE,
        reason ? 'warning' : 'blocking',
        `${applicantName(pkg, r.applicantId)}${how}，少于评审包规定的最少有效评分表数 ${min} 份${reason ? `；组长已记录理由：${reason}` : '，须在决定中记录理由后方可签署'}`,
        ['belowMinValidSheetsReason', r.applicantId],
      ),
    );
  }
  for (const r of agg.results.filter((x) => x.final === null)) {
    if (decision.recommendedIds.includes(r.applicantId))
      out.push(
        finding(
          'decision.noValidSheets',
          ARTICLE,
          'blocking',
          `${applicantName(pkg, r.applicantId)}无有效评分，不能列入揭榜方建议名单`,
          ['recommendedIds'],
        ),
      );
  }
  return out;
}

/** The ranking recorded in the decision is the one the sheets give (rank, score, method). */
export function checkRanking(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
): Finding[] {
  if (decision.ranking.length === 0)
    return [
      finding('ranking.absent', ARTICLE, 'warning', '决定未载明排名，以所附评分表的汇总为准', [
        'ranking',
      ]),
    ];
  const out: Finding[] = [];
  decision.ranking.forEach((row, i) => {
    const r = agg.results.find((x) => x.applicantId === row.applicantId);
    const who = applicantName(pkg, row.applicantId);
    if (!r) {
      out.push(
        finding(
          'ranking.matches',
          ARTICLE,
          'blocking',
          `排名中的 ${row.applicantId} 不是本评审包的揭榜方`,
          ['ranking', i],
        ),
      );
      return;
    }
    if (r.final === null) {
      if (row.rank !== null || row.score !== null)
        out.push(
          finding(
            'ranking.noValidSheets',
            ARTICLE,
            'blocking',
            `${who}无有效评分（全部回避或未评），不得给出分数或名次（决定中为${row.rank === null ? '' : `第 ${row.rank} 名`}${row.score === null ? '' : ` ${row.score} 分`}）`,
            ['ranking', i],
          ),
        );
      return;
    }
    const score = fmt2(r.final);
    if (row.rank !== r.rank || row.score !== score || row.validSheets !== r.validSheets) {
      out.push(
        finding(
          'ranking.matches',
          ARTICLE,
          'blocking',
          `决定中 ${who} 为${row.rank === null ? '未排名' : `第 ${row.rank} 名`}、${row.score ?? '—'} 分、有效评分表 ${row.validSheets} 份，依据评分表汇总应为第 ${r.rank} 名、${score} 分、${r.validSheets} 份`,
          ['ranking', i],
        ),
      );
    }
    if (row.method !== undefined && row.method !== r.method) {
      out.push(
        finding(
          'ranking.method',
          ARTICLE,
          'blocking',
          `决定中 ${who} 的汇总方法与实际采用的不一致${r.methodNote ? `（${r.methodNote}）` : ''}`,
          ['ranking', i, 'method'],
        ),
      );
    }
  });
  const missing = agg.results.filter(
    (r) => !decision.ranking.some((row) => row.applicantId === r.applicantId),
  );
  if (missing.length > 0)
    out.push(
      finding(
        'ranking.complete',
        ARTICLE,
        'warning',
        `排名未列出：${missing.map((r) => applicantName(pkg, r.applicantId)).join('、')}`,
        ['ranking'],
      ),
    );
  return out;
}

/** The recommended list (揭榜方建议名单): present, known, at or above the package's pass score. */
export function checkRecommended(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
): Finding[] {
  if (decision.recommendedIds.length === 0)
    return [
      finding('decision.recommended', ARTICLE, 'blocking', '须提出揭榜方建议名单', [
        'recommendedIds',
      ]),
    ];
  const out: Finding[] = [];
  for (const id of decision.recommendedIds) {
    const r = agg.results.find((x) => x.applicantId === id);
    if (!r) {
      out.push(
        finding(
          'decision.recommended',
          ARTICLE,
          'blocking',
          `建议名单中的 ${id} 不是本评审包的揭榜方`,
          ['recommendedIds'],
        ),
      );
    } else if (r.final !== null && r.final.lt(pkg.aggregation.passScore)) {
      out.push(
        finding(
          'decision.passScore',
          ARTICLE,
          'blocking',
          `${applicantName(pkg, id)}最终得分 ${fmt2(r.final)} 分，低于评审包规定的推荐所需最低分 ${pkg.aggregation.passScore} 分`,
          ['recommendedIds'],
        ),
      );
    }
  }
  return out;
}

/** At most 3 solvers, only where scores are close and routes differ (第十二条（五）). */
export function checkHorseRace(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
  proposal: HorseRaceProposal,
): Finding[] {
  const race = decision.horseRace;
  if (!race) {
    return decision.recommendedIds.length > 1
      ? [
          finding(
            'horseRace.required',
            ARTICLE,
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
        ARTICLE,
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
        ARTICLE,
        'blocking',
        '“赛马制”仅适用于存在多条技术路线的情形，所选揭榜方的技术路线须各不相同',
        [...path, 'solverIds'],
      ),
    );
  }
  const hasOverride = (race.overrideReason ?? '').trim().length > 0;
  const finals = race.solverIds.flatMap((id) => {
    const f = agg.results.find((r) => r.applicantId === id)?.final;
    return f ? [f] : [];
  });
  if (finals.length >= 2) {
    const best = finals.reduce((m, v) => (v.gt(m) ? v : m));
    const worst = finals.reduce((m, v) => (v.lt(m) ? v : m));
    const gap = best.minus(worst);
    if (gap.gt(pkg.aggregation.horseRaceCloseness)) {
      const severity = hasOverride ? 'warning' : 'blocking';
      out.push(
        finding(
          'horseRace.closeScores',
          ARTICLE,
          severity,
          `所选揭榜方最高与最低得分相差 ${fmt2(gap)} 分，超过“评分接近”阈值 ${pkg.aggregation.horseRaceCloseness} 分${severity === 'warning' ? '（组长已书面说明理由）' : '，须由组长书面说明理由'}`,
          [...path, 'solverIds'],
        ),
      );
    }
  }
  const proposed = proposal.isRecommended ? proposal.candidateIds : [];
  const differs =
    race.solverIds.length !== proposed.length ||
    race.solverIds.some((id) => !proposed.includes(id));
  if (differs && !hasOverride) {
    out.push(
      finding(
        'horseRace.override',
        ARTICLE,
        'blocking',
        `赛马揭榜方（${race.solverIds.join('、')}）与系统依规则提出的建议（${proposed.join('、') || '不采用赛马制'}）不同，须写明理由`,
        [...path, 'overrideReason'],
      ),
    );
  }
  // Read by the one share reader (30%, 0.3, full-width alike); a form it refuses is said as such.
  const read = readShare(race.raceStageShare);
  if (!read.ok) {
    out.push(
      finding('horseRace.stageShare', '第十三条（三）', 'blocking', read.message, [
        ...path,
        'raceStageShare',
      ]),
    );
  }
  const share = read.ok && read.value !== null ? dec(read.value) : null;
  if (read.ok && (share === null || share.lte(0) || share.gte(1))) {
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
        ARTICLE,
        'blocking',
        `赛马揭榜方须列入揭榜方建议名单：${missing.join('、')}`,
        ['recommendedIds'],
      ),
    );
  }
  return out;
}

/**
 * A recommended applicant's 核定经费 (万元; undefined: none) as the rule takes it: none, or 0 万元, is
 * refused (第十二条（五）: the panel 核定 each recommended applicant's funds) — the one rule of the
 * signing check (`checkApprovedFunding`) and of the chair's field, which holds a refused amount
 * unsaved (the top bar's 未保存) as it holds an amount that is none.
 */
export function approvedFundingRefusal(
  pkg: ReviewPackage,
  applicantId: string,
  amount: string | undefined,
): Finding | null {
  if (amount !== undefined && !dec(amount).isZero()) return null;
  return finding(
    'funding.perSolver',
    ARTICLE,
    'blocking',
    `请为 ${applicantName(pkg, applicantId)} 核定经费（${amount !== undefined ? '不能为 0 万元' : '未核定'}）`,
    ['approvedFunding', applicantId],
  );
}

/**
 * 核定项目经费总额: per solver (none zero) and in total within the cap and the 40% share (第十三条);
 * over the city funds the list published, a warning (`checkOverListFunding`, 第十二条（三）).
 */
export function checkApprovedFunding(decision: PanelDecision, pkg: ReviewPackage): Finding[] {
  const out: Finding[] = [];
  const total = sum(decision.approvedFunding.map((f) => f.amount));
  if (!total.eq(dec(decision.approvedTotal))) {
    out.push(
      finding(
        'funding.totalMatches',
        ARTICLE,
        'blocking',
        `核定项目经费总额 ${fmtMoney(decision.approvedTotal)} 与各揭榜方核定经费合计 ${fmtMoney(total)} 不一致`,
        ['approvedTotal'],
      ),
    );
  }
  const city = checkCityFunding(
    pkg.demand.projectType,
    decision.approvedTotal,
    pkg.demand.contractAmount,
    ['approvedTotal'],
  );
  out.push(...city);
  // Within the cap and the share but over the list's published city funds: a warning, as an
  // expert's 建议经费 over it is (the one rule, `checkOverListFunding`).
  if (!city.some((f) => f.severity === 'blocking'))
    out.push(
      ...checkOverListFunding(
        decision.approvedTotal,
        pkg.demand.cityFunding,
        '核定项目经费总额',
        '专家组意见',
        ['approvedTotal'],
        { code: 'funding.approvedOverList', write: fmtMoney },
      ),
    );
  for (const id of decision.recommendedIds) {
    const refused = approvedFundingRefusal(
      pkg,
      id,
      decision.approvedFunding.find((f) => f.applicantId === id)?.amount,
    );
    if (refused) out.push(refused);
  }
  for (const f of decision.approvedFunding) {
    if (!decision.recommendedIds.includes(f.applicantId))
      out.push(
        finding(
          'funding.notRecommended',
          ARTICLE,
          'blocking',
          `${applicantName(pkg, f.applicantId)}不在建议名单中，不能为其核定经费`,
          ['approvedFunding', f.applicantId],
        ),
      );
  }
  return out;
}

/**
 * 第十二条（五）: the panel's opinion follows the review — a decision signed (`decidedAt`, its day in
 * Beijing time) before the package's 评审日期 is said, as a warning: the measures set no date for
 * the opinion, and a review brought forward (or a package's date written wrong) is for the chair
 * and the bureau to weigh, not a reason to refuse the signature. The bureau's 审定 before the
 * review date is refused (`approvalTooEarly`, 第十二条（六）).
 */
export function checkDecidedAfterReview(decision: PanelDecision, pkg: ReviewPackage): Finding[] {
  const signed = beijingDayOf(decision.decidedAt);
  const review = pkg.schedule.reviewDate;
  if (!(signed < review)) return [];
  return [
    finding(
      'decision.beforeReview',
      ARTICLE,
      'warning',
      `签署日期 ${formatDateZh(signed)} 早于评审包载明的评审日期 ${formatDateZh(review)}：专家组意见应在专家评审后形成；请核对评审日期或签署日期`,
      ['decidedAt'],
    ),
  ];
}

/** Deviating totals carry a reason (on the sheet, or recorded by the chair); ties are broken on the record. */
export function checkDeviationsAndTies(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
): Finding[] {
  const out: Finding[] = [];
  const tiesSaid = new Set<string>();
  for (const r of agg.results) {
    for (const e of r.experts) {
      if (!e.deviation) continue;
      const recorded = decision.deviationReasons.find(
        (d) => d.applicantId === r.applicantId && d.expertId === e.expertId,
      );
      if (!(e.deviationReason ?? recorded?.reason ?? '').trim()) {
        out.push(
          finding(
            'scoring.deviationReason',
            ARTICLE,
            'blocking',
            `专家 ${e.expertId} 对 ${applicantName(pkg, r.applicantId)}的评分偏离其他专家均分 ${fmt2(e.deviation)} 分，须记录理由后方可签署`,
            ['deviationReasons', r.applicantId, e.expertId],
          ),
        );
      }
    }
    if (r.tiedWith.length > 0 && decision.recommendedIds.includes(r.applicantId)) {
      const broken = decision.tieBreaks.some((t) => t.applicantIds.includes(r.applicantId));
      // One tie, one finding: A01 tied with A02 is A02 tied with A01 (tester iC finding 15: both
      // were listed). The tie is said once, by the first of its members in the ranking.
      const tie = [r.applicantId, ...r.tiedWith].sort().join('\u0000');
      if (!broken && !tiesSaid.has(tie)) {
        tiesSaid.add(tie);
        out.push(
          finding(
            'ranking.tieBreak',
            ARTICLE,
            'blocking',
            `${applicantName(pkg, r.applicantId)}与 ${r.tiedWith.join('、')} 并列，须由组长记录排序理由`,
            ['tieBreaks'],
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Every finding on a panel decision, from the decision, the package and the sheets it rests on
 * (the chair's own included; as sources, with their standing, when one expert may have two).
 * Sheets that fail the rubric are findings themselves and never count; a sheet set aside for
 * another of the same expert (`whichSheetCounts`) is a warning naming which.
 */
export function checkPanelDecision(
  decision: PanelDecision,
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[] | readonly SheetSource[],
): Finding[] {
  return checkPanelDecisionOn(decision, pkg, analysePanel(pkg, sheets));
}

/**
 * `checkPanelDecision` on an analysis made already by `analysePanel` (the chair's desk makes it in
 * its Web Worker and reads it back through the aggregation's wire form).
 */
export function checkPanelDecisionOn(
  decision: PanelDecision,
  pkg: ReviewPackage,
  analysis: Pick<PanelAnalysis, 'agg' | 'problems' | 'proposal' | 'setAside'>,
): Finding[] {
  const { agg, problems, proposal } = analysis;
  // One finding per refused sheet and issue, each naming expert, applicant and criterion.
  const sheetFindings = [
    ...problems.map((p) =>
      finding('sheets.valid', ARTICLE, 'blocking', notCountedLine(p), ['sheets', p.expertId]),
    ),
    ...analysis.setAside.map((p) =>
      finding('sheets.setAside', ARTICLE, 'warning', notCountedLine(p), ['sheets', p.expertId]),
    ),
  ];
  const format = formatFindings(decision);
  if (format.length > 0) return [...format, ...sheetFindings];
  const out: Finding[] = [...sheetFindings];
  if (decision.packageId !== pkg.packageId)
    out.push(
      finding(
        'decision.package',
        ARTICLE,
        'blocking',
        `决定属于评审包 ${decision.packageId}，不是 ${pkg.packageId}`,
        ['packageId'],
      ),
    );
  const chair = pkg.panel.experts.find((e) => e.id === decision.chairExpertId);
  if (chair?.role !== 'chair')
    out.push(
      finding(
        'decision.chair',
        ARTICLE,
        'blocking',
        `${decision.chairExpertId} 不是本评审包专家组的组长`,
        ['chairExpertId'],
      ),
    );
  return [
    ...out,
    ...checkDecidedAfterReview(decision, pkg),
    ...checkQuorum(
      decision,
      pkg,
      agg,
      problems.map((p) => p.expertId),
    ),
    ...checkValidSheets(decision, pkg, agg),
    ...checkRanking(decision, pkg, agg),
    ...checkRecommended(decision, pkg, agg),
    ...checkHorseRace(decision, pkg, agg, proposal),
    ...checkApprovedFunding(decision, pkg),
    ...checkOpinionAmounts(decision, pkg),
    ...checkDeviationsAndTies(decision, pkg, agg),
  ];
}

/**
 * 核定经费 as the chair typed them at the desk, read by the one money reader (`parseMoneyInput`):
 * what it refuses (`4e2`, `-5`, `四百`) is said with the reader's sentence and the value typed —
 * never read as 0 and then re-said as 「不能为 0 万元」. A decision file carries the amount itself,
 * which `MoneySchema` (the same reader) judges with the same sentence at `jiebang check`.
 */
export function checkTypedFunding(
  choices: { recommendedIds: readonly string[]; funding: Readonly<Record<string, string>> },
  pkg: ReviewPackage,
): Finding[] {
  return choices.recommendedIds.flatMap((id) => {
    const read = parseMoneyInput(choices.funding[id] ?? '');
    return read.ok
      ? []
      : [
          finding(
            'funding.typed',
            ARTICLE,
            'blocking',
            `${applicantName(pkg, id)}的核定经费${read.message}`,
            ['approvedFunding', id],
          ),
        ];
  });
}

/**
 * Every finding on the desk's draft: `checkPanelDecisionOn` on the decision drafted from the
 * choices, with the amounts the reader refused said as `checkTypedFunding` says them (a refused
 * amount is drafted as 0, whose 「不能为 0 万元」 would give the wrong reason).
 */
export function checkDeskDraft(
  decision: PanelDecision,
  choices: { recommendedIds: readonly string[]; funding: Readonly<Record<string, string>> },
  pkg: ReviewPackage,
  analysis: Pick<PanelAnalysis, 'agg' | 'problems' | 'proposal' | 'setAside'>,
): Finding[] {
  const typed = checkTypedFunding(choices, pkg);
  const refused = new Set(typed.map((f) => f.path[1]));
  return [
    ...typed,
    ...checkPanelDecisionOn(decision, pkg, analysis).filter(
      (f) => !(f.rule === 'funding.perSolver' && refused.has(f.path[1])),
    ),
  ];
}

/**
 * The blocking findings on a decision judged against the aggregation it states (the panel's
 * sheets already gathered): what keeps it from being signed — and from being printed for the
 * members to sign (`buildForm('opinion')`).
 */
export function blockingOfDecision(
  decision: PanelDecision,
  pkg: ReviewPackage,
  agg: AggregateResult,
): Finding[] {
  return checkPanelDecisionOn(decision, pkg, {
    agg,
    problems: [],
    setAside: [],
    proposal: proposeHorseRace(pkg, agg),
  }).filter((f) => f.severity === 'blocking');
}

/** An amount in 万元 as an opinion writes it (`800 万元`, `1,000万元`, full-width digits too). */
const OPINION_AMOUNT = /(?<![\d.,，])(\d[\d,，]*(?:\.\d+)?)\s*万元/gu;
/** Words that make the amount after them the approved total (核定项目经费总额, 合计). */
const TOTAL_WORDS = /总额|合计|总计/u;

/**
 * 第十二条（五）: the opinion states the decision's own figures. Each amount in 万元 the opinion
 * writes is read by the one money reader and must be the decision's — its approved total (an
 * amount after 总额/合计/总计 must be that total) or a solver's approved funds — or a figure of the
 * review package (the demand's budget, city funds or contract amount, an applicant's request).
 * An amount the figures do not give would have members sign a sum the decision does not make.
 */
export function checkOpinionAmounts(decision: PanelDecision, pkg: ReviewPackage): Finding[] {
  const text = toHalfWidthDigits(decision.opinion);
  const total = dec(decision.approvedTotal);
  const decided = [total, ...decision.approvedFunding.map((f) => dec(f.amount))];
  const known = [
    ...decided,
    ...[pkg.demand.budget, pkg.demand.cityFunding, pkg.demand.contractAmount]
      .filter((m): m is string => m !== undefined)
      .map((m) => dec(m)),
    ...pkg.applicants.map((a) => dec(a.requestedFunding)),
  ];
  const out: Finding[] = [];
  for (const m of text.matchAll(OPINION_AMOUNT)) {
    const read = parseMoneyInput(m[1] ?? '');
    if (!read.ok || read.value === null) continue;
    const amount = dec(read.value);
    const before = text.slice(0, m.index);
    const clause = before.slice(
      Math.max(...['。', '；', ';', '，', '\n'].map((c) => before.lastIndexOf(c))) + 1,
    );
    const asTotal = TOTAL_WORDS.test(clause);
    const fits = asTotal ? amount.eq(total) : known.some((k) => k.eq(amount));
    if (!fits)
      out.push(
        finding(
          'opinion.amount',
          ARTICLE,
          'blocking',
          `专家组意见写明“${m[0]}”，与决定的${asTotal ? '' : '各项'}金额不符：核定项目经费总额 ${fmtMoney(decision.approvedTotal)}${decision.approvedFunding.length > 0 ? `（${decision.approvedFunding.map((f) => `${f.applicantId} ${fmtMoney(f.amount)}`).join('、')}）` : ''}；请改正意见或核定经费`,
          ['opinion'],
        ),
      );
  }
  return out;
}
