/**
 * The Excel door (issue 17), with exceljs: a workbook read into grids (`src-shared/bureau/grid`)
 * for the one set of rules to judge, and grids of figures written out as a workbook (templates,
 * the 评分汇总表). The file is bounded before exceljs inflates anything: its size, then its ZIP
 * directory's entry count and declared uncompressed total (read by fflate, inflating nothing).
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { CellValue as GridCell, Grid } from '../../src-shared/bureau';
import { GRID_MAX_ROWS } from '../../src-shared/bureau';
import { looksLikeAge } from '../../src-shared/crypto/age-file';
import {
  ageFileInsteadOfWorkbook,
  formatBytes,
  sizeProblem,
  type ReadResult,
} from '../../src-shared/io';

const MiB = 1024 * 1024;

/** Bounds on a workbook read: the file, its entries, what they inflate to. */
export const XLSX_LIMITS = {
  fileBytes: 16 * MiB,
  entries: 2000,
  inflatedBytes: 128 * MiB,
} as const;

const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The workbook's ZIP directory within the bounds, or why not (nothing is inflated). */
function directoryProblem(bytes: Uint8Array, file: string): string | null {
  let entries = 0;
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        total += entry.originalSize;
        return false;
      },
    });
  } catch {
    return `工作簿 ${file} 已损坏，无法作为 Excel 工作簿打开（ZIP 结构错误）；请在 Excel 或 WPS 中重新保存为 .xlsx`;
  }
  if (entries > XLSX_LIMITS.entries)
    return `工作簿 ${file} 含 ${entries} 个内部文件，超过 Excel 工作簿的上限 ${XLSX_LIMITS.entries}，未读取`;
  if (total > XLSX_LIMITS.inflatedBytes)
    return `工作簿 ${file} 解压后达 ${formatBytes(total)}，超过上限 ${formatBytes(XLSX_LIMITS.inflatedBytes)}，未读取`;
  return null;
}

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** A cell as typed: a formula's result, rich text's text, a date as YYYY-MM-DD. */
function cellOf(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return value.text;
  if ('result' in value) return value.result === undefined ? null : cellOf(value.result);
  return null;
}

/** A formula whose result was never saved (written by a program, not recalculated in Excel). */
const uncalculatedFormula = (value: ExcelJS.CellValue): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Date) &&
  ('formula' in value || 'sharedFormula' in value) &&
  (!('result' in value) || value.result === undefined);

/** Every worksheet of a workbook as a grid, or a sentence naming the file and what is wrong. */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<ReadResult<Grid[]>> {
  const tooBig = sizeProblem(file, bytes.byteLength, XLSX_LIMITS.fileBytes);
  if (tooBig) return { ok: false, message: tooBig };
  // An age file (a list sealed for the USB stick) is no workbook: said so, before the zip reader.
  if (looksLikeAge(bytes)) return { ok: false, message: ageFileInsteadOfWorkbook(file) };
  if (isOle(bytes))
    return {
      ok: false,
      message: `工作簿 ${file} 是旧版 Excel 97-2003 格式（.xls）；请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）`,
    };
  if (!isZip(bytes))
    return {
      ok: false,
      message: `文件 ${file} 不是 Excel 工作簿（.xlsx）；请另存为 .xlsx 或 CSV UTF-8`,
    };
  const problem = directoryProblem(bytes, file);
  if (problem) return { ok: false, message: problem };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return {
      ok: false,
      message: `工作簿 ${file} 无法读取（文件损坏或不是 .xlsx）；请在 Excel 或 WPS 中重新保存`,
    };
  }
  const grids: Grid[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.rowCount > GRID_MAX_ROWS + 1)
      return {
        ok: false,
        message: `工作簿 ${file} 的工作表「${ws.name}」有 ${ws.rowCount} 行，超过 ${GRID_MAX_ROWS} 行的上限，未读取`,
      };
    const rows: GridCell[][] = [];
    const uncalculated: string[] = [];
    // exceljs's `columnCount` walks every row each time it is read: read once per sheet, not
    // once per cell (a 4,000-row transcription took two minutes to read, issue 22).
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const cells: GridCell[] = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        if (uncalculatedFormula(cell.value)) uncalculated.push(cell.address);
        cells.push(cellOf(cell.value));
      }
      rows.push(cells);
    }
    grids.push({
      file,
      sheet: ws.name,
      kind: 'xlsx',
      rows,
      merges: [...ws.model.merges],
      ...(uncalculated.length > 0 ? { uncalculated } : {}),
    });
  }
  return { ok: true, value: grids };
}

/** A cell written: text, a number with its display format, or empty. */
export type OutCell =
  | string
  | number
  | null
  | { value: number | string; numFmt?: string; note?: string; bold?: boolean };

export interface OutColumn {
  header: string;
  /** Characters (Excel's unit); Chinese counts double. */
  width?: number;
  /** A note on the header cell (what to write, where it goes). */
  note?: string;
  /** A drop-down list on the data cells of this column (templates). */
  choices?: readonly string[];
  numFmt?: string;
}

export interface OutSheet {
  name: string;
  /** Lines above the header (a table's title); frozen with it. */
  title?: readonly string[];
  columns: readonly OutColumn[];
  rows: readonly (readonly OutCell[])[];
  /** Rows under the header with drop-down lists and formats (templates: room to fill in). */
  blankRows?: number;
  /** Per data row (fields layout): a drop-down list for the row's value cell, by row index. */
  rowChoices?: ReadonlyMap<number, readonly string[]>;
  /** Per data row: a note on the row's first cell (fields layout: what to write). */
  rowNotes?: ReadonlyMap<number, string>;
  /** Lines of text below the table (legend, method, sources). */
  footer?: readonly string[];
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const displayWidth = (text: string): number =>
  [...text].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

const listFormula = (choices: readonly string[]): string => `"${choices.join(',')}"`;

/**
 * A workbook of `sheets`: a bold header row frozen in place, column widths from the content,
 * numbers as numbers with their display format, notes, drop-down lists. Fixed creation dates keep
 * the generated templates stable from run to run.
 */
export async function writeWorkbook(sheets: readonly OutSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '揭榜评审台 Jiebang Panel';
  workbook.created = new Date('2026-01-01T00:00:00Z');
  workbook.modified = workbook.created;
  for (const sheet of sheets) {
    const top = sheet.title?.length ?? 0;
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: top + 1, xSplit: 0 }],
    });
    sheet.title?.forEach((line, i) => {
      const cell = ws.getRow(i + 1).getCell(1);
      cell.value = line;
      cell.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
    });
    const header = ws.getRow(top + 1);
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      if (c.note) cell.note = c.note;
    });
    sheet.rows.forEach((values, r) => {
      const row = ws.getRow(top + r + 2);
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        const column = sheet.columns[i];
        if (v === null) return;
        if (typeof v === 'object') {
          cell.value = v.value;
          if (v.numFmt) cell.numFmt = v.numFmt;
          if (v.note) cell.note = v.note;
          if (v.bold) cell.font = { bold: true };
        } else {
          cell.value = v;
          if (typeof v === 'number' && column?.numFmt) cell.numFmt = column.numFmt;
        }
        cell.alignment = { vertical: 'top', wrapText: typeof v === 'string' && v.length > 40 };
      });
      const note = sheet.rowNotes?.get(r);
      if (note) row.getCell(1).note = note;
      const choices = sheet.rowChoices?.get(r);
      if (choices)
        row.getCell(2).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [listFormula(choices)],
        };
    });
    const last = top + Math.max(sheet.rows.length, sheet.blankRows ?? 0) + 1;
    sheet.columns.forEach((c, i) => {
      for (let r = top + 2; r <= last; r++) {
        const cell = ws.getRow(r).getCell(i + 1);
        if (c.choices)
          cell.dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: [listFormula(c.choices)],
          };
        if (c.numFmt && !cell.numFmt) cell.numFmt = c.numFmt;
      }
      const widest = Math.max(
        displayWidth(c.header),
        ...sheet.rows.map((row) => {
          const v = row[i];
          const text =
            v === null || v === undefined
              ? ''
              : typeof v === 'object'
                ? String(v.value)
                : String(v);
          return displayWidth(text);
        }),
      );
      ws.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(8, widest + 2));
    });
    if (sheet.footer && sheet.footer.length > 0) {
      const start = top + sheet.rows.length + 3;
      sheet.footer.forEach((line, k) => {
        ws.getRow(start + k).getCell(1).value = line;
      });
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
