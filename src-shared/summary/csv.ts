/**
 * The 评分汇总表 as CSV cells: what a spreadsheet (Excel, WPS) reads back is what the XLSX holds —
 * numbers plain (`cellValue`), text as text. A text cell that a spreadsheet would take for a
 * formula (it starts with = + - @, or a tab or carriage return: names and reasons come from the
 * input files) is written with a leading apostrophe, the usual guard against CSV injection.
 */
import { cellValue, type SummaryTable } from './summary';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text for a CSV cell, guarded: `=1+1` → `'=1+1`; anything else as it is. */
export const csvText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The table's header row and rows as CSV cells (strings, unquoted: the writer quotes). */
export function summaryCsvRows(table: SummaryTable): string[][] {
  return [
    table.columns.map((c) => csvText(c.header)),
    ...table.rows.map((r) =>
      r.cells.map((cell) => {
        const v = cellValue(cell);
        return typeof v === 'string' ? csvText(v) : v.text;
      }),
    ),
  ];
}
