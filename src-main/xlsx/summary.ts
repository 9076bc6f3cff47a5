/**
 * The 评分汇总表 and its companion tables (src-shared/summary) as Excel sheets: numbers stay
 * numbers, shown with two decimals; a score the trimmed mean dropped shows in parentheses and a
 * deviating one with `!` through its number format (the value stays a number); money in 万元.
 */
import Papa from 'papaparse';
import {
  cellText,
  type DetailCell,
  type DetailTable,
  type SummaryCell,
  type SummaryTable,
} from '../../src-shared/summary';
import type { OutCell, OutSheet } from './workbook';

export const SCORE_FORMAT = '0.00';
export const MONEY_FORMAT = '#,##0.00####';

function summaryCell(cell: SummaryCell): OutCell {
  switch (cell.kind) {
    case 'rank':
      return cell.rank === null ? '—' : { value: cell.rank, numFmt: cell.tied ? '0"="' : '0' };
    case 'text':
    case 'mark':
      return cell.text;
    case 'total': {
      const base = cell.dropped ? `(${SCORE_FORMAT})` : SCORE_FORMAT;
      return {
        value: Number(cell.value),
        numFmt: cell.deviation ? `${base}"!"` : base,
        ...(cell.deviation
          ? { note: `偏离 ${cell.deviation} 分：${cell.reason ?? '（未填写理由）'}` }
          : {}),
      };
    }
    case 'figure':
      return cell.value === null
        ? '—'
        : { value: Number(cell.value), numFmt: SCORE_FORMAT, bold: cell.isFinal };
    case 'count':
      return { value: cell.value, numFmt: cell.isBelowMin ? '0"*"' : '0' };
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

/** The 评分汇总表 as CSV text (UTF-8 with a BOM, so Excel opens it as UTF-8): cells as shown. */
export function summaryCsv(table: SummaryTable): string {
  const csv = Papa.unparse(
    {
      fields: table.columns.map((c) => c.header),
      data: table.rows.map((r) => r.cells.map(cellText)),
    },
    { newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}
