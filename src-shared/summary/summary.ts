/**
 * The 评分汇总表 (issue 17), once: applicant × expert totals with the scores the trimmed mean
 * dropped marked, every figure the ranking shows (mean, trimmed mean, median, spread,
 * per-criterion means, valid sheets), the method actually applied and why, recusals, deviations
 * with their reasons, and ties. `jiebang score` prints it, `jiebang export` writes it to Excel and
 * CSV, the chair's screen shows it and the printed 评分汇总表 will print it — each a rendering of
 * these cells, never a table of its own.
 */
import { methodSentence } from '../decision/draft';
import type { SheetProvenance } from '../decision/gather';
import { fmt2, type Dec } from '../money';
import type { ReviewPackage } from '../model';
import {
  METHOD_SHORT,
  NO_VALID_SHEETS,
  type AggregateResult,
  type ApplicantResult,
} from '../scoring/aggregate';

/** One cell of the table, typed by what it holds (renderers format it their own way). */
export type SummaryCell =
  | { kind: 'rank'; rank: number | null; tied: boolean }
  | { kind: 'text'; text: string }
  /** An expert's total: 2 decimals; `dropped` by the trimmed mean; `deviation` beyond the threshold. */
  | {
      kind: 'total';
      value: string;
      dropped: 'high' | 'low' | null;
      deviation: string | null;
      reason: string | null;
    }
  /** A figure of the ranking, 2 decimals; null: no valid sheet (「—」). */
  | { kind: 'figure'; value: string | null; isFinal: boolean }
  | { kind: 'count'; value: number; isBelowMin: boolean }
  /** 回避 (recused), — (no sheet). */
  | { kind: 'mark'; text: '回避' | '—' };

export type ColumnRole =
  | 'rank'
  | 'applicant-id'
  | 'applicant'
  | 'expert'
  | 'figure'
  | 'criterion'
  | 'valid'
  | 'method'
  | 'detail';

export interface SummaryColumn {
  key: string;
  /** As the table heads it: 名次, 揭榜方, E01, 平均, …, C1均分, 有效, 汇总方法. */
  header: string;
  /** The longer name (an expert's name, a criterion's name). */
  title: string;
  role: ColumnRole;
  numeric: boolean;
}

export interface SummaryRow {
  applicantId: string;
  cells: SummaryCell[];
}

export interface SummaryTable {
  packageId: string;
  title: string;
  columns: SummaryColumn[];
  rows: SummaryRow[];
  /** The method actually applied, as the opinion states it. */
  method: string;
  /** What the marks mean. */
  legend: string;
  /** One line per applicant below the minimum of valid sheets, and per deviation (with its reason). */
  notes: string[];
}

const FIGURES: readonly { key: 'mean' | 'trimmedMean' | 'median' | 'spread'; header: string }[] = [
  { key: 'mean', header: '平均' },
  { key: 'trimmedMean', header: '去极值平均' },
  { key: 'median', header: '中位数' },
  { key: 'spread', header: '极差' },
];

const fig = (v: Dec | null | undefined): string | null =>
  v === null || v === undefined ? null : fmt2(v);

/** The legend under the table. */
export function summaryLegend(pkg: ReviewPackage): string {
  return `(x) 去极值时去掉的分数；! 偏离其他专家均分超过阈值（${pkg.aggregation.deviationThreshold} 分）；= 并列，须由组长记录排序理由；* 有效评分表少于评审包规定的最少有效评分表数（${pkg.aggregation.minValidSheets} 份），组长签署前须记录理由；${NO_VALID_SHEETS}：没有有效评分表，不予排名`;
}

/**
 * An expert's total as shown, `fmt2`, once per decimal: the fast aggregation makes one decimal
 * per distinct total, and a panel of 50 × 200 has 10,000 totals but few distinct ones.
 */
const shownTotals = new WeakMap<Dec, string>();
function totalText(total: Dec): string {
  let text = shownTotals.get(total);
  if (text === undefined) {
    text = fmt2(total);
    shownTotals.set(total, text);
  }
  return text;
}

const droppedText = { high: '最高分', low: '最低分' } as const;

function rowOf(pkg: ReviewPackage, r: ApplicantResult, paper: ReadonlySet<string>): SummaryRow {
  const name = pkg.applicants.find((a) => a.id === r.applicantId)?.name ?? r.applicantId;
  const byExpert = new Map(r.experts.map((e) => [e.expertId, e]));
  const recused = new Set(r.recusedExpertIds);
  const deviations = r.experts
    .filter((e) => e.deviation)
    .map(
      (e) =>
        `${e.expertId} 偏离 ${fmt2(e.deviation ?? 0)} 分：${e.deviationReason ?? '（未填写理由）'}`,
    );
  const cells: SummaryCell[] = [
    { kind: 'rank', rank: r.rank, tied: r.tiedWith.length > 0 },
    { kind: 'text', text: r.applicantId },
    { kind: 'text', text: name },
    ...pkg.panel.experts.map((expert): SummaryCell => {
      if (recused.has(expert.id)) return { kind: 'mark', text: '回避' };
      const e = byExpert.get(expert.id);
      return e
        ? {
            kind: 'total',
            value: totalText(e.total),
            dropped: e.dropped,
            deviation: e.deviation ? fmt2(e.deviation) : null,
            reason: e.deviationReason ?? null,
          }
        : { kind: 'mark', text: '—' };
    }),
    ...FIGURES.map((f): SummaryCell => ({
      kind: 'figure',
      value: fig(r[f.key]),
      isFinal: r.final !== null && r.method === methodOfFigure(f.key),
    })),
    ...pkg.rubric.criteria.map((c): SummaryCell => ({
      kind: 'figure',
      value: fig(r.criterionMeans[c.id]),
      isFinal: false,
    })),
    { kind: 'count', value: r.validSheets, isBelowMin: r.belowMinValidSheets },
    { kind: 'text', text: r.method === null ? NO_VALID_SHEETS : METHOD_SHORT[r.method] },
    { kind: 'text', text: r.methodNote ?? '' },
    { kind: 'text', text: r.recusedExpertIds.join('、') },
    { kind: 'text', text: deviations.join('；') },
    { kind: 'text', text: r.tiedWith.join('、') },
    {
      kind: 'text',
      text: r.experts
        .flatMap((e) =>
          e.dropped ? [`${e.expertId} ${totalText(e.total)}（${droppedText[e.dropped]}）`] : [],
        )
        .join('、'),
    },
    {
      kind: 'text',
      text: r.belowMinValidSheets
        ? `${r.validSheets} 份，少于 ${pkg.aggregation.minValidSheets} 份`
        : '',
    },
    {
      kind: 'text',
      text: r.experts
        .filter((e) => paper.has(e.expertId))
        .map((e) => e.expertId)
        .join('、'),
    },
  ];
  return { applicantId: r.applicantId, cells };
}

function methodOfFigure(key: (typeof FIGURES)[number]['key']): string | null {
  if (key === 'mean') return 'mean';
  if (key === 'trimmedMean') return 'trimmed-mean';
  if (key === 'median') return 'median';
  return null;
}

/**
 * The 评分汇总表 of an aggregation: see the module doc. Rows in ranking order. `provenance`, when
 * known, names the experts whose counted sheet is a paper transcription (column 纸质转录).
 */
export function summaryTable(
  pkg: ReviewPackage,
  agg: AggregateResult,
  provenance: readonly SheetProvenance[] = [],
): SummaryTable {
  const paper = new Set(provenance.filter((p) => p.standing === 'paper').map((p) => p.expertId));
  const columns: SummaryColumn[] = [
    { key: 'rank', header: '名次', title: '名次', role: 'rank', numeric: true },
    {
      key: 'applicantId',
      header: '揭榜方编号',
      title: '揭榜方编号',
      role: 'applicant-id',
      numeric: false,
    },
    { key: 'applicant', header: '揭榜方', title: '揭榜方', role: 'applicant', numeric: false },
    ...pkg.panel.experts.map((e) => ({
      key: `expert:${e.id}`,
      header: e.id,
      title: e.name,
      role: 'expert' as const,
      numeric: true,
    })),
    ...FIGURES.map((f) => ({
      key: f.key,
      header: f.header,
      title: f.header,
      role: 'figure' as const,
      numeric: true,
    })),
    ...pkg.rubric.criteria.map((c) => ({
      key: `criterion:${c.id}`,
      header: `${c.id}均分`,
      title: `${c.name}（满分 ${c.maxPoints}）`,
      role: 'criterion' as const,
      numeric: true,
    })),
    { key: 'valid', header: '有效', title: '有效评分表（份）', role: 'valid', numeric: true },
    {
      key: 'method',
      header: '汇总方法',
      title: '实际采用的汇总方法',
      role: 'method',
      numeric: false,
    },
    {
      key: 'methodNote',
      header: '方法说明',
      title: '未按评审包规定方法汇总的原因',
      role: 'detail',
      numeric: false,
    },
    {
      key: 'recused',
      header: '回避专家',
      title: '回避的专家（不计入）',
      role: 'detail',
      numeric: false,
    },
    {
      key: 'deviations',
      header: '偏离及理由',
      title: '偏离其他专家均分超过阈值的评分及理由',
      role: 'detail',
      numeric: false,
    },
    {
      key: 'ties',
      header: '并列',
      title: '仍并列的揭榜方（须由组长记录排序理由）',
      role: 'detail',
      numeric: false,
    },
    {
      key: 'dropped',
      header: '去极值去掉的分数',
      title: '去极值平均时去掉的最高分、最低分（不计入去极值平均）',
      role: 'detail',
      numeric: false,
    },
    {
      key: 'belowMin',
      header: '有效评分表不足',
      title: `有效评分表少于评审包规定的最少有效评分表数（${pkg.aggregation.minValidSheets} 份）`,
      role: 'detail',
      numeric: false,
    },
    {
      key: 'paper',
      header: '纸质转录',
      title: '评分来自纸质评分表转录的专家（其余为签名的电子评分表）',
      role: 'detail',
      numeric: false,
    },
  ];
  const notes: string[] = [];
  for (const r of agg.results) {
    if (r.belowMinValidSheets)
      notes.push(
        `* ${r.applicantId}：${r.validSheets === 0 ? NO_VALID_SHEETS : `仅有 ${r.validSheets} 份有效评分表`}，少于 ${pkg.aggregation.minValidSheets} 份`,
      );
    for (const e of r.experts.filter((x) => x.deviation))
      notes.push(
        `! ${e.expertId} 对 ${r.applicantId}：偏离 ${fmt2(e.deviation ?? 0)} 分；理由：${e.deviationReason ?? '（未填写，组长签署前须记录）'}`,
      );
  }
  return {
    packageId: pkg.packageId,
    title: pkg.title,
    columns,
    rows: agg.results.map((r) => rowOf(pkg, r, paper)),
    method: methodSentence(pkg, agg),
    legend: summaryLegend(pkg),
    notes,
  };
}

/** A cell as text, the way the screen and the terminal show it: `(90.00)!`, `1=`, `5*`, `回避`. */
export function cellText(cell: SummaryCell): string {
  switch (cell.kind) {
    case 'rank':
      return cell.rank === null ? '—' : `${cell.rank}${cell.tied ? '=' : ''}`;
    case 'text':
    case 'mark':
      return cell.text;
    case 'total':
      return `${cell.dropped ? `(${cell.value})` : cell.value}${cell.deviation ? '!' : ''}`;
    case 'figure':
      return cell.value ?? '—';
    case 'count':
      return `${cell.value}${cell.isBelowMin ? '*' : ''}`;
  }
}

/**
 * A cell as a spreadsheet holds it: a number stays a plain number (no parentheses, `!`, `=` or `*`
 * inside it — the marks live in the table's own columns: 去极值去掉的分数, 偏离及理由, 并列, 有效评分表不足), anything else is text. The XLSX writer gives the
 * number a display format; the CSV writes it as it is. One function, so both files hold the same.
 */
export function cellValue(cell: SummaryCell): { number: number; text: string } | string {
  switch (cell.kind) {
    case 'rank':
      return cell.rank === null ? '—' : { number: cell.rank, text: String(cell.rank) };
    case 'text':
    case 'mark':
      return cell.text;
    case 'total':
      return { number: Number(cell.value), text: cell.value };
    case 'figure':
      return cell.value === null ? '—' : { number: Number(cell.value), text: cell.value };
    case 'count':
      return { number: cell.value, text: String(cell.value) };
  }
}

/** The columns a compact view shows (the screen, the terminal): no detail columns, no id column. */
export const isCompactColumn = (c: SummaryColumn): boolean =>
  c.role !== 'detail' && c.role !== 'applicant-id';
