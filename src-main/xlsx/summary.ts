/**
 * The 评分汇总表 and its companion tables (src-shared/summary) as Excel sheets: numbers stay
 * numbers, shown with two decimals; a score the trimmed mean dropped shows in parentheses and a
 * deviating one with `!` through its number format (the value stays a number); money in 万元.
 */
import Papa from 'papaparse';
import { checkPanelDecision, type SheetProvenance } from '../../src-shared/decision';
import type { PanelDecision, ReviewPackage, ScoreSheet } from '../../src-shared/model';
import { aggregate } from '../../src-shared/scoring';
import {
  cellValue,
  decisionTable,
  expertScoresTable,
  summaryCsvRows,
  summaryTable,
  type DetailCell,
  type DetailTable,
  type SummaryCell,
  type SummaryTable,
} from '../../src-shared/summary';
import type { OutCell, OutSheet } from './workbook';

export const SCORE_FORMAT = '0.00';
export const MONEY_FORMAT = '#,##0.00####';

/**
 * A summary cell in the workbook: the value `cellValue` gives (the CSV's too), numbers with a
 * display format — a dropped score shows `(90.00)`, a deviating one `!` — the value a plain number.
 */
function summaryCell(cell: SummaryCell): OutCell {
  const v = cellValue(cell);
  if (typeof v === 'string') return v;
  switch (cell.kind) {
    case 'rank':
      return { value: v.number, numFmt: cell.tied ? '0"="' : '0' };
    case 'total': {
      const base = cell.dropped ? `(${SCORE_FORMAT})` : SCORE_FORMAT;
      return {
        value: v.number,
        numFmt: cell.deviation ? `${base}"!"` : base,
        ...(cell.deviation
          ? { note: `偏离 ${cell.deviation} 分：${cell.reason ?? '（未填写理由）'}` }
          : {}),
      };
    }
    case 'figure':
      return { value: v.number, numFmt: SCORE_FORMAT, bold: cell.isFinal };
    case 'count':
      return { value: v.number, numFmt: cell.isBelowMin ? '0"*"' : '0' };
    case 'text':
    case 'mark':
      return v.text;
  }
}

/** 评分汇总表: every column, the method and the legend under it. */
export function summarySheet(table: SummaryTable): OutSheet {
  return {
    name: '评分汇总表',
    title: [`评分汇总表：${table.title}`, `评审包 ${table.packageId}；汇总方法：${table.method}`],
    columns: table.columns.map((c) => ({
      header: c.role === 'expert' ? `${c.header} ${c.title}` : c.header,
      note: c.title,
    })),
    rows: table.rows.map((r) => r.cells.map(summaryCell)),
    footer: [`汇总方法：${table.method}；分数四舍五入保留两位小数`, table.legend, ...table.notes],
  };
}

function detailCell(cell: DetailCell): OutCell {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'score':
      return { value: Number(cell.value), numFmt: SCORE_FORMAT };
    case 'money':
      return { value: Number(cell.value), numFmt: MONEY_FORMAT };
    case 'int':
      return { value: cell.value, numFmt: '0' };
    case 'empty':
      return null;
  }
}

export function detailSheet(name: string, title: string, table: DetailTable): OutSheet {
  return {
    name,
    title: [title],
    columns: table.headers.map((header) => ({ header })),
    rows: table.rows.map((r) => r.map(detailCell)),
  };
}

/**
 * The 评分汇总表 as CSV text (UTF-8 with a BOM, so Excel opens it as UTF-8): the workbook's values
 * (`summaryCsvRows`: numbers plain, the marks in their own columns, formula-like text guarded).
 */
export function summaryCsv(table: SummaryTable): string {
  const [fields = [], ...data] = summaryCsvRows(table);
  const csv = Papa.unparse({ fields, data }, { newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}

/**
 * A round's workbook (issue 17 `jiebang export --xlsx`; issue 18 the desk's 导出 XLSX): the
 * 评分汇总表, 专家评分明细 and, with a decision, 专家组意见与核定经费 with the rules' findings. The
 * sheets must already have passed the rubric (gatherSheets).
 */
export function roundSheets(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[],
  decision: PanelDecision | null,
  provenance: readonly SheetProvenance[] = [],
): { summary: SummaryTable; sheets: OutSheet[] } {
  const agg = aggregate(pkg, sheets);
  const summary = summaryTable(pkg, agg, provenance);
  const out = [
    summarySheet(summary),
    detailSheet(
      '专家评分明细',
      `专家评分明细：${pkg.title}`,
      expertScoresTable(pkg, sheets, agg, provenance),
    ),
  ];
  if (decision)
    out.push(
      detailSheet(
        '专家组意见与核定经费',
        `专家组意见与核定经费：${pkg.title}`,
        decisionTable(pkg, agg, decision, checkPanelDecision(decision, pkg, sheets)),
      ),
    );
  return { summary, sheets: out };
}
