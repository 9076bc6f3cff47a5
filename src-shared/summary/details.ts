/**
 * The other tables of the export (issue 17): each expert's scores by criterion, and the panel's
 * decision with the approved funding. Plain rows of typed cells, like `summaryTable`.
 */
import type { SheetProvenance } from '../decision/gather';
import { formatShare } from '../decision/share';
import { fmt2 } from '../money';
import { RECUSAL_LABEL, type PanelDecision, type ReviewPackage, type ScoreSheet } from '../model';
import type { Finding } from '../rules';
import type { AggregateResult } from '../scoring/aggregate';
import { applicantTotal } from '../scoring/sheet';
import { formatDateTimeZh } from '../text/date';

/** A cell of a detail table: text, a score (2 decimals), money in 万元, or empty. */
export type DetailCell =
  | { kind: 'text'; text: string }
  | { kind: 'score'; value: string }
  | { kind: 'money'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'empty' };

export interface DetailTable {
  headers: string[];
  rows: DetailCell[][];
}

const text = (t: string): DetailCell => ({ kind: 'text', text: t });
const empty: DetailCell = { kind: 'empty' };

/** 来源 as the tables write it. */
export const STANDING_TEXT = {
  signed: '电子签名',
  paper: '纸质转录',
  unsigned: '电子（未签名）',
} as const;

/** A transcription's trace in three cells: 来源, 录入人 (and 复核), 扫描件 with its SHA-256. */
function sourceCells(p: SheetProvenance | undefined): DetailCell[] {
  if (!p) return [empty, empty, empty];
  const trace = p.standing === 'paper' ? p.paper : undefined;
  const people = trace?.transcribedBy
    ? `${trace.transcribedBy}${trace.checkedBy ? `（复核 ${trace.checkedBy}）` : ''}`
    : '';
  return [
    text(STANDING_TEXT[p.standing]),
    people ? text(people) : empty,
    trace?.scan ? text(`${trace.scan.path} SHA-256 ${trace.scan.sha256}`) : empty,
  ];
}

/**
 * 专家评分明细: one row per expert and applicant, every criterion's points, the total and how it
 * counted, and where the sheet came from (来源: 电子签名 / 纸质转录, with who typed it in and the
 * scan of the signed original when the record has them) when `provenance` is given.
 */
export function expertScoresTable(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[],
  agg: AggregateResult,
  provenance: readonly SheetProvenance[] = [],
): DetailTable {
  const criteria = pkg.rubric.criteria;
  const headers = [
    '专家编号',
    '专家',
    '揭榜方编号',
    '揭榜方',
    '回避',
    ...criteria.map((c) => `${c.id} ${c.name}（满分 ${c.maxPoints}）`),
    '合计',
    '计入方式',
    '偏离（分）',
    '偏离理由',
    '总体意见',
    '建议经费（万元）',
    '来源',
    '录入人',
    '扫描件',
  ];
  const width = headers.length;
  const rows: DetailCell[][] = [];
  for (const expert of pkg.panel.experts) {
    const sheet = sheets.find((s) => s.expertId === expert.id);
    const source = sheet ? sourceCells(provenance.find((p) => p.expertId === expert.id)) : [];
    /** A short row padded to the source columns, which stay the last three. */
    const withSource = (row: DetailCell[]): DetailCell[] =>
      sheet
        ? [...row, ...Array.from({ length: width - 3 - row.length }, () => empty), ...source]
        : row;
    for (const applicant of pkg.applicants) {
      const score = sheet?.scores.find((s) => s.applicantId === applicant.id);
      const counted = agg.results
        .find((r) => r.applicantId === applicant.id)
        ?.experts.find((e) => e.expertId === expert.id);
      const head = [text(expert.id), text(expert.name), text(applicant.id), text(applicant.name)];
      if (!sheet || !score) {
        rows.push(
          withSource([
            ...head,
            text(sheet ? '未评' : '未提交评分表'),
            ...criteria.map(() => empty),
          ]),
        );
        continue;
      }
      if (score.recusal) {
        rows.push(
          withSource([
            ...head,
            text(`${RECUSAL_LABEL[score.recusal.kind]}：${score.recusal.reason}`),
            ...criteria.map(() => empty),
          ]),
        );
        continue;
      }
      const points = new Map(score.criteria.map((c) => [c.criterionId, c.points]));
      rows.push(
        withSource([
          ...head,
          empty,
          ...criteria.map((c): DetailCell => {
            const p = points.get(c.id);
            return p === undefined ? empty : { kind: 'score', value: fmt2(p) };
          }),
          { kind: 'score', value: fmt2(applicantTotal(score, pkg.rubric)) },
          text(
            counted?.dropped === 'high'
              ? '去掉（最高分）'
              : counted?.dropped === 'low'
                ? '去掉（最低分）'
                : '计入',
          ),
          counted?.deviation ? { kind: 'score', value: fmt2(counted.deviation) } : empty,
          text(score.deviationReason ?? ''),
          text(score.overallOpinion),
          score.suggestedFunding ? { kind: 'money', value: score.suggestedFunding } : empty,
        ]),
      );
    }
  }
  return { headers, rows };
}

/** 专家组意见与核定经费: one row per applicant, then the decision's facts as label | value rows. */
export function decisionTable(
  pkg: ReviewPackage,
  agg: AggregateResult,
  decision: PanelDecision,
  findings: readonly Finding[],
): DetailTable {
  const headers = ['揭榜方编号', '揭榜方', '名次', '得分', '建议揭榜', '核定经费（万元）'];
  const rows: DetailCell[][] = agg.results.map((r) => {
    const funding = decision.approvedFunding.find((f) => f.applicantId === r.applicantId);
    return [
      text(r.applicantId),
      text(pkg.applicants.find((a) => a.id === r.applicantId)?.name ?? r.applicantId),
      r.rank === null ? text('—') : { kind: 'int', value: r.rank },
      r.final === null ? text('无有效评分') : { kind: 'score', value: fmt2(r.final) },
      text(decision.recommendedIds.includes(r.applicantId) ? '是' : '否'),
      funding ? { kind: 'money', value: funding.amount } : empty,
    ];
  });
  const fact = (label: string, value: DetailCell): DetailCell[] => [text(label), value];
  const chair = pkg.panel.experts.find((e) => e.id === decision.chairExpertId);
  rows.push(
    [],
    fact('核定项目经费总额（万元）', { kind: 'money', value: decision.approvedTotal }),
    fact(
      '赛马制',
      text(
        decision.horseRace
          ? `是：${decision.horseRace.solverIds.join('、')}；“赛马”阶段拨付比例 ${formatShare(decision.horseRace.raceStageShare)}；${decision.horseRace.reason}${decision.horseRace.overrideReason ? `；与系统建议不同的理由：${decision.horseRace.overrideReason}` : ''}`
          : '否',
      ),
    ),
    fact('专家组意见', text(decision.opinion)),
    fact('组长', text(`${decision.chairExpertId} ${chair?.name ?? ''}`.trim())),
    fact('决定时间', text(formatDateTimeZh(decision.decidedAt))),
    ...decision.dissent.map((d) => fact('不同意见', text(`${d.expertId}：${d.reason}`))),
    ...decision.deviationReasons.map((d) =>
      fact('偏离理由（组长记录）', text(`${d.expertId} 对 ${d.applicantId}：${d.reason}`)),
    ),
    ...decision.absences.map((a) => fact('缺席', text(`${a.expertId}：${a.reason}`))),
    ...decision.tieBreaks.map((t) => fact('并列排序', text(`${t.order.join(' > ')}：${t.reason}`))),
    ...(decision.belowMinValidSheetsReason
      ? [fact('有效评分表不足的理由', text(decision.belowMinValidSheetsReason))]
      : []),
    fact(
      '规则校验',
      text(
        findings.length === 0
          ? '通过，无问题'
          : findings.map((f) => `${f.severity === 'blocking' ? '✗' : '!'} ${f.message}`).join('\n'),
      ),
    ),
  );
  return { headers, rows };
}
