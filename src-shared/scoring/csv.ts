/**
 * Score sheets typed in by a secretary from paper, as CSV (one row per expert and applicant).
 * Header, English or Chinese:
 *   expertId|专家编号, applicantId|揭榜方编号, recusal|回避类型, recusalReason|回避理由,
 *   <one column per criterion id>, opinion|总体意见, deviationReason|偏离理由,
 *   optionally <criterion id>评语 (comments are otherwise on the paper sheet)
 * Read through the one reader (size bound, UTF-8 / BOM / GB18030 as Excel and WPS save it), at
 * most READ_LIMITS.csvRows rows; scores are plain decimals only (`17`, `17.5`; full-width digits
 * read as digits; `0x11`, `1.7e1`, `.5`, `17.`, `+17`, `-0` refused: `parsePlainDecimal`); recusal kinds by code or by the app's Chinese name; every sheet then
 * validated against the rubric with `validateSheet`. Every problem names its row, expert,
 * applicant and criterion; nothing is half-read.
 */
import Papa from 'papaparse';
import {
  excelNumberText,
  isUncalculated,
  mergedCells,
  UNCALCULATED_FORMULA,
  type CellValue,
  type Grid,
} from '../bureau/grid';
import {
  capLines,
  extensionMismatch,
  READ_LIMITS,
  readText,
  sniffFile,
  type ReadResult,
} from '../io';
import {
  RECUSAL_LABEL,
  RecusalKindSchema,
  ScoreSheetSchema,
  type RecusalKind,
  type ReviewPackage,
  type ScoreSheet,
} from '../model';
import { cleanText, normaliseId, parsePlainDecimal, stripInvisible } from '../text/normalize';
import { SHEET_LABELS } from '../model/labels';
import {
  describeSchemaIssues,
  describeSheetIssue,
  pointsProblem,
  readTypedPoints,
  validateSheet,
} from './sheet';

const ALIASES: Record<string, string> = {
  专家编号: 'expertId',
  揭榜方编号: 'applicantId',
  回避类型: 'recusal',
  回避理由: 'recusalReason',
  总体意见: 'opinion',
  偏离理由: 'deviationReason',
};

/** A recusal kind as written in a cell: its code (`same-organisation`) or its Chinese name. */
export function recusalKindOf(text: string): RecusalKind | null {
  const t = text.trim();
  const code = RecusalKindSchema.safeParse(t);
  if (code.success) return code.data;
  for (const kind of RecusalKindSchema.options) if (RECUSAL_LABEL[kind] === t) return kind;
  return null;
}

/** What stands for a criterion's comment that is written on the paper sheet, not in the CSV. */
export const PAPER_COMMENT = '（评语见纸质评分表）';

export type CsvResult = { ok: true; sheets: ScoreSheet[] } | { ok: false; errors: string[] };

/** The paper-sheet CSV from its bytes: the reader's bound and decoding first. */
export function readSheetsCsv(bytes: Uint8Array, name: string, pkg: ReviewPackage): CsvResult {
  const text = readText(bytes, name, READ_LIMITS.csvBytes);
  return text.ok ? parseSheetsCsv(text.value.text, pkg) : { ok: false, errors: [text.message] };
}

/** A header name as written: trimmed, the Chinese names read as the codes they stand for. */
const columnOf = (h: string): string => {
  const t = stripInvisible(h).trim();
  return ALIASES[t] ?? t;
};

/** "专家编号（expertId）": a column named for messages, in both its names where it has two. */
const describeColumn = (column: string): string => {
  const zh = Object.entries(ALIASES).find(([, code]) => code === column)?.[0];
  return zh ? `${zh}（${column}）` : column;
};

/**
 * The header's problems: past the column bound (refused before a name is read: a header of three
 * million columns in 6 MB took 12 s and 1.2 GB to read as names), or a column given twice (which
 * of the two is meant cannot be known; a CSV library would silently rename one and drop it).
 */
function headerProblems(header: readonly string[]): string[] {
  if (header.length > READ_LIMITS.csvColumns)
    return [
      `表头有 ${header.length.toLocaleString('en-US')} 列，超过 ${READ_LIMITS.csvColumns} 列的上限，未读取`,
    ];
  const at = new Map<string, number[]>();
  header.forEach((h, i) => {
    if (h !== '') at.set(h, [...(at.get(h) ?? []), i + 1]);
  });
  return [...at.entries()]
    .filter(([, cols]) => cols.length > 1)
    .map(
      ([h, cols]) =>
        `列“${describeColumn(h)}”出现 ${cols.length} 次（第 ${cols.join('、')} 列），无法确定以哪一列为准`,
    );
}

const EMPTY_CSV = '文件是空的，没有表头（专家编号,揭榜方编号,…）和评分行。';
const FULL_WIDTH_COMMAS =
  '表头各列以全角逗号“，”分隔；请以半角逗号“,”分隔（在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”），未读取。';

/**
 * papaparse's findings as sentences (its own messages are English), naming the line: from the
 * character offset where papaparse gives one (a quote), else from the data row.
 */
function describeCsvProblem(e: Papa.ParseError, text: string): string {
  const line = e.index === undefined ? (e.row ?? 0) + 1 : text.slice(0, e.index).split('\n').length;
  const at = `第 ${line} 行：`;
  switch (e.code) {
    case 'UndetectableDelimiter':
      return '第 1 行：表头中找不到分隔各列的半角逗号“,”。';
    case 'TooFewFields':
      return `${at}列数少于表头。`;
    case 'TooManyFields':
      return `${at}列数多于表头（单元格中的逗号须在英文双引号内）。`;
    case 'MissingQuotes':
      return `${at}引号未闭合：以英文双引号开始的单元格没有结束的引号。`;
    case 'InvalidQuotes':
      return `${at}引号有误：单元格中的英文双引号须写成两个（""）。`;
  }
}

/** The paper-sheet CSV from decoded text. */
export function parseSheetsCsv(text: string, pkg: ReviewPackage): CsvResult {
  const fail = (errors: string[]): CsvResult => ({ ok: false, errors: capLines(errors) });
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail([EMPTY_CSV]);
  const firstLine = body.trimStart().split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.includes(',') && firstLine.includes('，')) return fail([FULL_WIDTH_COMMAS]);
  // Rows as arrays: the header is checked here (bound, repeated names), not by the library.
  const parsed = Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    // One row past the cap is enough to know the file is too long: the rest is never parsed.
    preview: READ_LIMITS.csvRows + 2,
  });
  const [rawHeader = [], ...rawRows] = parsed.data;
  // A delimiter the library cannot tell is said better by the columns found missing below.
  const readErrors = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => describeCsvProblem(e, body));
  return sheetsFromTable(rawHeader, rawRows, pkg, readErrors);
}

/**
 * The sheets from a table as typed (a header row, then one row per expert and applicant; rows are
 * numbered as the spreadsheet numbers them, the header being row 1), whatever file it came from:
 * the CSV (`parseSheetsCsv`) and the workbook (`sheetsFromGrid`) are judged by this one function.
 * `readErrors`: what the file's reader already found (they are reported with the table's own).
 * `uncalculated`: whether the cell at a row (numbered as above) and column (0-based) is a formula
 * whose result was never saved (a workbook's; said so, not 「未填写分值」).
 */
export function sheetsFromTable(
  rawHeader: readonly string[],
  rawRows: readonly (readonly string[])[],
  pkg: ReviewPackage,
  readErrors: readonly string[] = [],
  uncalculated: (line: number, column: number) => boolean = () => false,
): CsvResult {
  const fail = (errors: string[]): CsvResult => ({ ok: false, errors: capLines(errors) });
  const fields = rawHeader.map(columnOf);
  const badHeader = headerProblems(fields);
  if (badHeader.length > 0) return fail(badHeader);
  if (rawRows.length > READ_LIMITS.csvRows)
    return fail([
      `超过 ${READ_LIMITS.csvRows.toLocaleString('en-US')} 行的上限（每位专家对每家揭榜方一行），未读取`,
    ]);
  const errors = [...readErrors];
  for (const required of ['expertId', 'applicantId', ...pkg.rubric.criteria.map((c) => c.id)]) {
    if (!fields.includes(required)) errors.push(`缺少列：${required}`);
  }
  if (rawRows.length === 0) errors.push('没有评分行：只有表头（或只有空行）');
  const data: Record<string, string>[] = [];
  rawRows.forEach((cells, i) => {
    if (cells.length !== fields.length)
      errors.push(
        `第 ${i + 2} 行：有 ${cells.length} 个单元格，表头${cells.length > fields.length ? '只' : ''}有 ${fields.length} 列`,
      );
    data.push(Object.fromEntries(fields.map((f, c) => [f, cells[c] ?? ''])));
  });
  if (errors.length > 0) return fail(errors);
  const sheets = new Map<string, ScoreSheet>();
  /** Row of each expert/applicant pair, to name rows in the rubric's findings. */
  const rowOf = new Map<string, number>();
  /** Cells already reported as unreadable: the rubric's "please score" would only repeat them. */
  const badCells = new Set<string>();
  /** Rows whose 回避类型 was refused: the rubric's findings on them would only guess. */
  const badRows = new Set<string>();
  data.forEach((row, i) => {
    const line = i + 2;
    const expertId = normaliseId(row['expertId'] ?? '');
    const applicantId = normaliseId(row['applicantId'] ?? '');
    // Named as the rubric's findings below are (describeSheetIssue after the row): one way only.
    const at = `第 ${line} 行 · 专家 ${expertId || '?'} · 揭榜方 ${applicantId || '?'}`;
    if (!pkg.panel.experts.some((e) => e.id === expertId))
      errors.push(`第 ${line} 行：专家编号“${expertId}”不在专家名单中`);
    if (!pkg.applicants.some((a) => a.id === applicantId))
      errors.push(`第 ${line} 行：揭榜方编号“${applicantId}”不在评审包中`);
    const sheet = sheets.get(expertId) ?? {
      formatVersion: 1,
      packageId: pkg.packageId,
      expertId,
      status: 'submitted',
      scores: [],
    };
    sheets.set(expertId, sheet);
    if (rowOf.has(`${expertId}/${applicantId}`))
      errors.push(
        `${at}：该专家对该揭榜方的评分重复（另见第 ${rowOf.get(`${expertId}/${applicantId}`)} 行）`,
      );
    rowOf.set(`${expertId}/${applicantId}`, line);
    const text = (column: string, label: string): string => {
      const cleaned = cleanText(row[column] ?? '');
      if (cleaned.ok) return cleaned.value.trim();
      errors.push(`${at}：“${label}”${cleaned.message}`);
      return '';
    };
    const recusalText = text('recusal', '回避类型');
    if (recusalText !== '') {
      const kind = recusalKindOf(recusalText);
      if (!kind) {
        errors.push(
          `${at}：回避类型“${recusalText}”无效（可填：${RecusalKindSchema.options.map((k) => `${RECUSAL_LABEL[k]}（${k}）`).join('、')}）`,
        );
        // Its own refusal only: the row is not read as some other 回避 (nor as missing) below.
        badRows.add(`${expertId}/${applicantId}`);
        return;
      }
      // Points typed beside a 回避 are kept with it, so the rubric's check (`validateSheet`, as at
      // every door) names the contradiction instead of the points vanishing without a word.
      const scored = pkg.rubric.criteria.flatMap((c) => {
        if ((row[c.id] ?? '').trim() === '') return [];
        const read = parsePlainDecimal(row[c.id] ?? '');
        // What was typed is not judged here (the rubric's check names the points beside a 回避);
        // a negative or unread value stands as 0, so the schema never speaks for the rule.
        const points = read.ok && read.value !== null && read.value >= 0 ? read.value : 0;
        return [{ criterionId: c.id, points, comment: PAPER_COMMENT }];
      });
      sheet.scores.push({
        applicantId,
        recusal: {
          kind,
          reason: text('recusalReason', '回避理由') || '（纸质评分表载明回避）',
        },
        criteria: scored,
        overallOpinion: '',
      });
      return;
    }
    const criteria = pkg.rubric.criteria.flatMap((c) => {
      // The form's reader: a plain decimal, and no more places than the step has (quoted as typed).
      const read = readTypedPoints(c, row[c.id] ?? '');
      if (!read.ok || read.value === null) {
        badCells.add(`${expertId}/${applicantId}/${c.id}`);
        const empty = uncalculated(line, fields.indexOf(c.id))
          ? UNCALCULATED_FORMULA
          : '未填写分值';
        errors.push(`${at} · ${c.name}（${c.id}）：${read.ok ? empty : read.message}`);
        return [];
      }
      // The rule's range and step (`pointsProblem`, as `validateSheet` says them), here at the
      // cell: a negative never reaches the schema, whose 「不能小于 0」 would name no row.
      const problem = pointsProblem(c, read.value);
      if (problem !== null) {
        badCells.add(`${expertId}/${applicantId}/${c.id}`);
        errors.push(`${at} · ${c.name}（${c.id}）：${problem}`);
        return [];
      }
      // Comments are written on the paper sheet; an optional `C1评语` column carries them here.
      const comment = text(`${c.id}评语`, `${c.name}评语`) || PAPER_COMMENT;
      return [{ criterionId: c.id, points: read.value, comment }];
    });
    const deviationReason = text('deviationReason', '偏离理由');
    sheet.scores.push({
      applicantId,
      criteria,
      overallOpinion: text('opinion', '总体意见'),
      ...(deviationReason ? { deviationReason } : {}),
    });
  });
  const out: ScoreSheet[] = [];
  for (const sheet of sheets.values()) {
    const checked = ScoreSheetSchema.safeParse(sheet);
    if (!checked.success) {
      errors.push(
        ...describeSchemaIssues(checked.error, SHEET_LABELS).map(
          (m) => `专家 ${sheet.expertId}：${m}`,
        ),
      );
      continue;
    }
    // The rubric, as every other door checks it: range, step, comments, opinion, reasons.
    for (const issue of validateSheet(checked.data, pkg)) {
      // Unknown experts and applicants and repeated rows were named by row above; unreadable cells too.
      if (issue.field === 'sheet' || issue.field === 'unknown') continue;
      if (badCells.has(`${issue.expertId}/${issue.applicantId}/${issue.criterionId ?? ''}`))
        continue;
      if (badRows.has(`${issue.expertId}/${issue.applicantId}`)) continue;
      const line = rowOf.get(`${issue.expertId}/${issue.applicantId}`);
      errors.push(`${line ? `第 ${line} 行 · ` : ''}${describeSheetIssue(issue, pkg)}`);
    }
    out.push(checked.data);
  }
  return errors.length > 0 ? fail(errors) : { ok: true, sheets: out };
}

/**
 * A workbook's cell as the CSV would hold it: a number as Excel shows it (`excelNumberText`, at 15
 * significant digits: 17.499999999999996 is the 17.5 on the screen), TRUE/FALSE, empty.
 */
const cellText = (cell: CellValue): string =>
  cell === null
    ? ''
    : typeof cell === 'boolean'
      ? cell
        ? 'TRUE'
        : 'FALSE'
      : typeof cell === 'number'
        ? excelNumberText(cell)
        : cell;

/** Whether a worksheet's first row names the expert column (专家编号 or expertId). */
const hasExpertColumn = (grid: Grid): boolean =>
  (grid.rows[0] ?? []).some((c) => columnOf(cellText(c)) === 'expertId');

/**
 * The sheets from a workbook's worksheets (as main's XLSX door reads them): the first worksheet
 * whose header names 专家编号 (expertId), judged by `sheetsFromTable` like a CSV; every problem
 * names the worksheet and the row as Excel numbers it.
 */
export function sheetsFromGrids(
  grids: readonly Grid[],
  file: string,
  pkg: ReviewPackage,
): CsvResult {
  const grid = grids.find(hasExpertColumn);
  if (!grid)
    return {
      ok: false,
      errors: [
        `工作簿 ${file} 中没有表头含“专家编号”（expertId）列的工作表；转录表的第 1 行应为 专家编号,揭榜方编号,…`,
      ],
    };
  // Merged cells: the rule the bureau's lists are read by (`mergedCells`), not read around.
  const merged = mergedCells(grid);
  if (merged.length > 0)
    return {
      ok: false,
      errors: capLines(
        merged.map((m) => `工作表「${grid.sheet}」${m.row ? `第 ${m.row} 行：` : ''}${m.sentence}`),
      ),
    };
  const kept = grid.rows
    .map((r, i) => ({ cells: r.map(cellText), row: i + 1 }))
    // Trailing empty rows and columns Excel keeps after an edit are no rows of the table.
    .filter((r, i) => i === 0 || r.cells.some((c) => c.trim() !== ''));
  const [header = [], ...rows] = kept.map((r) => r.cells);
  const width = header.length;
  const trimmed = rows.map((r) =>
    r.length > width && r.slice(width).every((c) => c === '') ? r.slice(0, width) : r,
  );
  // The table's row `line` is the worksheet's row kept[line - 1].row.
  const read = sheetsFromTable(header, trimmed, pkg, [], (line, column) =>
    isUncalculated(grid, kept[line - 1]?.row ?? line, column),
  );
  return read.ok
    ? read
    : { ok: false, errors: read.errors.map((e) => `工作表「${grid.sheet}」${e}`) };
}

/**
 * A paper-sheet transcription from its file, CSV or Excel workbook — the one function every door
 * calls (the chair's paper import, `jiebang score` and `check`). What the file is is told by its
 * bytes (`sniffFile`), and a name that says otherwise is refused (`extensionMismatch`: an .xlsx
 * renamed .csv is neither read as a workbook by one door nor called a bundle by another). A workbook goes through `readWorkbook` (exceljs lives in main: the
 * bureau's templates use the same reader), a CSV through `readSheetsCsv` (size bound, UTF-8, BOM,
 * GB18030). Returns the validated sheets, or every problem (nothing half-read).
 */
export async function readSheetsFile(
  file: { name: string; bytes: Uint8Array },
  pkg: ReviewPackage,
  readWorkbook: (bytes: Uint8Array, name: string) => Promise<ReadResult<Grid[]>>,
): Promise<CsvResult> {
  const mismatch = extensionMismatch(file.name, file.bytes);
  if (mismatch) return { ok: false, errors: [mismatch] };
  const kind = sniffFile(file.bytes);
  if (kind !== 'xlsx' && kind !== 'xls' && !/\.xlsx?$/i.test(file.name))
    return readSheetsCsv(file.bytes, file.name, pkg);
  const grids = await readWorkbook(file.bytes, file.name);
  return grids.ok
    ? sheetsFromGrids(grids.value, file.name, pkg)
    : { ok: false, errors: [grids.message] };
}
