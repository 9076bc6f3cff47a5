/**
 * A worksheet as a door hands it over: the cells people typed, row by row, whatever the file was
 * (an Excel workbook read by the XLSX door in main, or a CSV through the one reader here). The
 * bureau's lists are read from grids, so every door judges a row the same way and every problem
 * names the file, the sheet, the row and the column.
 */
import Papa from 'papaparse';
import { READ_LIMITS, readText, type ReadResult } from '../io';

/** A cell as typed: text, a number, a boolean (Excel's TRUE/FALSE), or empty. */
export type CellValue = string | number | boolean | null;

export interface Grid {
  /** The file, as the user named it (messages quote it). */
  file: string;
  /** The worksheet's name; for a CSV, the file's name without `.csv`. */
  sheet: string;
  kind: 'xlsx' | 'csv';
  /** `rows[0]` is spreadsheet row 1. */
  rows: readonly (readonly CellValue[])[];
  /** Merged ranges as Excel writes them, e.g. `A1:B1`. */
  merges: readonly string[];
  /**
   * Cells holding a formula with no result saved (a workbook written by a program, never opened
   * and saved in Excel), as Excel addresses (`E2`): empty in `rows`, but not left blank by anyone.
   */
  uncalculated?: readonly string[];
}

/** What is said of a cell in `Grid.uncalculated`, in place of 「未填写」 or 「不能为空」. */
export const UNCALCULATED_FORMULA =
  '单元格是公式，但没有保存计算结果：请在 Excel 中重新计算并保存后再导入';

/** Whether the cell (row 1-based, column 0-based) holds a formula with no saved result. */
export function isUncalculated(
  grid: Pick<Grid, 'uncalculated'>,
  row: number,
  col: number,
): boolean {
  return grid.uncalculated?.includes(`${columnLetter(col)}${row}`) ?? false;
}

/**
 * Rows one table may hold: a round's applicants, members, milestones…, and the largest, a paper
 * transcription (one row per expert and applicant: 50 × 200 = 10,000). One bound with the CSV
 * transcription's (`READ_LIMITS.csvRows`), so a table read as CSV is not refused as a workbook.
 */
export const GRID_MAX_ROWS = READ_LIMITS.csvRows;

/**
 * A number cell of a workbook as Excel shows it: at Excel's 15 significant digits, written as the
 * shortest plain decimal (17.499999999999996, the sum 17.5 left in binary, reads as 17.5; no
 * 0.30000000000000004). THE reading of a numeric cell for every table read from a workbook (the
 * bureau's lists, the paper transcription); text typed in a CSV is read as typed, never rounded.
 */
export function excelNumberText(n: number): string {
  return Number(n.toPrecision(15)).toString();
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `B3` → {row: 3, col: 1} (row 1-based, column 0-based), or null. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m?.[1] || !m[2]) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

/** The rows a merged range `A1:C2` spans, or null when it is not a range. */
export function mergeRows(range: string): { from: number; to: number } | null {
  const [a, b] = range.split(':');
  const start = a ? parseAddress(a) : null;
  const end = b ? parseAddress(b) : start;
  return start && end
    ? { from: Math.min(start.row, end.row), to: Math.max(start.row, end.row) }
    : null;
}

/** A merged range of a table read from a workbook, as `mergedCells` finds it. */
export interface MergedCells {
  range: string;
  /** The first row it spans (spreadsheet numbering), when the range is readable. */
  row: number | undefined;
  /** Whether it is in the header row (row 1). */
  header: boolean;
  /** 「B3:C3 为合并单元格，每个单元格须各自填写，请取消合并后重新保存」. */
  sentence: string;
}

/**
 * THE rule on merged cells, for every table read from a workbook (the bureau's lists and the
 * paper transcription): refused — a merged header hides which column is which, merged data leaves
 * the other cells blank. Each range is named as Excel writes it: 「B3:C3 为合并单元格」.
 */
export function mergedCells(grid: Pick<Grid, 'merges'>): MergedCells[] {
  return grid.merges.map((range) => {
    const rows = mergeRows(range);
    const header = rows !== null && rows.from <= 1;
    return {
      range,
      row: rows?.from,
      header,
      sentence: header
        ? `表头 ${range} 为合并单元格，每列须有自己的表头，请取消合并后重新保存`
        : `${range} 为合并单元格，每个单元格须各自填写，请取消合并后重新保存`,
    };
  });
}

/**
 * Where a problem is, as people say it: 「applicants.xlsx 工作表「揭榜方」第 4 行 E 列「与发榜方关系」」
 * — a CSV has no sheets and no letters: 「揭榜方.csv 第 4 行第 5 列「与发榜方关系」」.
 */
export function describeLocation(
  grid: Pick<Grid, 'file' | 'sheet' | 'kind'>,
  row?: number,
  col?: number,
  header?: string,
): string {
  const where = grid.kind === 'csv' ? grid.file : `${grid.file} 工作表「${grid.sheet}」`;
  const rowText = row === undefined ? '' : ` 第 ${row} 行`;
  const colText =
    col === undefined
      ? ''
      : grid.kind === 'csv'
        ? `${row === undefined ? ' ' : ''}第 ${col + 1} 列`
        : ` ${columnLetter(col)} 列`;
  return `${where}${rowText}${colText}${header ? `「${header}」` : ''}`;
}

/**
 * Where a problem sentence points (the inverse of `describeLocation` on these grids): the grid it
 * names, its row and, when named, its column — so a screen can open that cell to fix it in place.
 * Null when the sentence names no row of these grids (a whole table, or a file).
 */
export function locateProblem(
  grids: readonly Grid[],
  message: string,
): { grid: number; row: number; col: number | null } | null {
  for (const [index, grid] of grids.entries()) {
    const where = describeLocation(grid);
    const at = message.indexOf(`${where} 第 `);
    if (at < 0) continue;
    const rest = message.slice(at + where.length);
    const m =
      grid.kind === 'csv'
        ? /^ 第 (\d+) 行(?:第 (\d+) 列)?/.exec(rest)
        : /^ 第 (\d+) 行(?: ([A-Z]{1,3}) 列)?/.exec(rest);
    if (!m?.[1]) continue;
    const row = Number(m[1]);
    const colText = m[2];
    const col =
      colText === undefined
        ? null
        : grid.kind === 'csv'
          ? Number(colText) - 1
          : (parseAddress(`${colText}1`)?.col ?? null);
    return { grid: index, row, col };
  }
  return null;
}

/** The grid with one cell set (row 1-based, column 0-based), rows and columns grown as needed. */
export function setCell(grid: Grid, row: number, col: number, value: CellValue): Grid {
  const rows = grid.rows.map((r) => [...r]);
  while (rows.length < row) rows.push([]);
  const target = rows[row - 1] ?? [];
  while (target.length <= col) target.push(null);
  target[col] = value;
  rows[row - 1] = target;
  const address = `${columnLetter(col)}${row}`;
  return grid.uncalculated?.includes(address)
    ? { ...grid, rows, uncalculated: grid.uncalculated.filter((a) => a !== address) }
    : { ...grid, rows };
}

/**
 * A CSV file as a grid, through the one reader (size bound, UTF-8 / BOM / GB18030 as Excel and
 * WPS save it) and at most GRID_MAX_ROWS rows; every cell is text, as typed.
 */
export function readCsvGrid(bytes: Uint8Array, file: string, sheet: string): ReadResult<Grid> {
  const text = readText(bytes, file, READ_LIMITS.csvBytes);
  if (!text.ok) return text;
  const body = text.value.text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, message: `${file} 是空文件（没有表头行），未读取` };
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    preview: GRID_MAX_ROWS + 2,
  });
  const rows = parsed.data.filter((r, i) => i < parsed.data.length - 1 || r.some((c) => c !== ''));
  if (rows.length > GRID_MAX_ROWS + 1)
    return {
      ok: false,
      message: `${file} 超过 ${GRID_MAX_ROWS.toLocaleString('en-US')} 行的上限，未读取`,
    };
  // A header-only table (no rows yet) has no second line to tell the delimiter by: the comma
  // papaparse then falls back to is the one Excel and WPS write.
  const [firstError] = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter');
  if (firstError)
    return {
      ok: false,
      message: `${file} 第 ${(firstError.row ?? 0) + 1} 行：CSV 格式错误（引号不成对或分隔符有误），请在 Excel 或 WPS 中重新“另存为”CSV`,
    };
  return { ok: true, value: { file, sheet, kind: 'csv', rows, merges: [] } };
}
