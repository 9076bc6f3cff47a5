/**
 * Reading the tables of `tables.ts` out of grids: find each table's sheet, check its header row
 * (no merged cells, every required column), then hand out one record per row (or the one record
 * of a `fields` table) whose cells are read by kind. Every problem is a sentence naming the file,
 * sheet, row and column; nothing is guessed.
 */
import {
  isBlank,
  readBands,
  readBoolean,
  readCreditCode,
  readChoice,
  readDate,
  readId,
  readIdList,
  readInteger,
  readMoney,
  readNumber,
  readText,
  readTextList,
  type Band,
  type CellRead,
} from './cells';
import {
  describeLocation,
  GRID_MAX_ROWS,
  isUncalculated,
  mergedCells,
  UNCALCULATED_FORMULA,
  type CellValue,
  type Grid,
} from './grid';
import { FIELD_HEADERS, TABLES, type ColumnSpec, type TableId, type TableSpec } from './tables';

/** Where a cell is: its grid, its row (1-based) and column (0-based). */
export interface CellAt {
  grid: Grid;
  row: number;
  col: number;
  header: string;
}

export const describeCell = (at: CellAt): string =>
  describeLocation(at.grid, at.row, at.col, at.header);

/** A header as people type it: spaces, full-width brackets and a trailing * do not matter. */
const headerKey = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');

const matchesHeader = (spec: ColumnSpec, text: string): boolean => {
  const k = headerKey(text);
  return [spec.header, spec.key, ...(spec.aliases ?? [])].some((h) => headerKey(h) === k);
};

const cellText = (cell: CellValue | undefined): string => {
  const read = readText(cell ?? null);
  return read.ok ? read.value : '';
};

/** One record of a table: its cells by column key, read by kind. */
export class TableRecord {
  constructor(
    readonly table: TableSpec,
    readonly grid: Grid,
    /** The record's own row (a `fields` table: the header row). */
    readonly row: number,
    private readonly cells: ReadonlyMap<string, { value: CellValue; at: CellAt }>,
    private readonly problems: string[],
  ) {}

  /** Where the column's cell is (for a missing cell: the record's row). */
  at(key: string): CellAt {
    const cell = this.cells.get(key);
    if (cell) return cell.at;
    const spec = this.table.columns.find((c) => c.key === key);
    return { grid: this.grid, row: this.row, col: 0, header: spec?.header ?? key };
  }

  problem(key: string, message: string): void {
    this.problems.push(`${describeCell(this.at(key))}：${message}`);
  }

  private read<T>(key: string, reader: (cell: CellValue) => CellRead<T>): T | undefined {
    const spec = this.table.columns.find((c) => c.key === key);
    const cell = this.cells.get(key);
    if (cell && cell.value === null && isUncalculated(this.grid, cell.at.row, cell.at.col)) {
      this.problem(key, UNCALCULATED_FORMULA);
      return undefined;
    }
    if (!cell || isBlank(cell.value)) {
      if (spec?.required) this.problem(key, '不能为空');
      return undefined;
    }
    const read = reader(cell.value);
    if (!read.ok) {
      this.problem(key, read.message);
      return undefined;
    }
    return read.value;
  }

  text = (key: string): string | undefined => this.read(key, readText);
  creditCode = (key: string): string | undefined => this.read(key, readCreditCode);
  id = (key: string): string | undefined => this.read(key, readId);
  money = (key: string): string | undefined => this.read(key, readMoney);
  date = (key: string): string | undefined => this.read(key, readDate);
  number = (key: string): number | undefined => this.read(key, readNumber) ?? undefined;
  integer = (key: string): number | undefined => {
    const spec = this.table.columns.find((c) => c.key === key);
    return this.read(key, (cell) => readInteger(cell, spec?.example)) ?? undefined;
  };
  bool = (key: string): boolean | undefined => this.read(key, readBoolean) ?? undefined;
  ids = (key: string): string[] => this.read(key, readIdList) ?? [];
  texts = (key: string): string[] => this.read(key, readTextList) ?? [];
  bands = (key: string): Band[] => this.read(key, readBands) ?? [];
  choice = (key: string): string | undefined => {
    const spec = this.table.columns.find((c) => c.key === key);
    return this.read(key, (cell) => readChoice(cell, spec?.choices ?? [])) ?? undefined;
  };
}

export interface ReadTables {
  /** The records of each table read (a table whose sheet or header is wrong has none here). */
  records: Map<TableId, TableRecord[]>;
  /** The grid each table was read from. */
  grids: Map<TableId, Grid>;
  problems: string[];
}

function findGrid(spec: TableSpec, grids: readonly Grid[], problems: string[]): Grid | null {
  const found = grids.filter(
    (g) => g.sheet.trim() === spec.sheet || g.sheet.trim().toLowerCase() === spec.id,
  );
  const [first, second] = found;
  if (second && first) {
    problems.push(
      `「${spec.sheet}」表出现了两次（${describeLocation(first)}、${describeLocation(second)}），只能保留一份`,
    );
    return null;
  }
  if (!first) {
    problems.push(
      `缺少「${spec.sheet}」表：应为 ${spec.workbook}.xlsx 中名为「${spec.sheet}」的工作表，或名为 ${spec.sheet}.csv（${spec.id}.csv）的文件`,
    );
    return null;
  }
  return first;
}

/** Merged cells: refused by the one rule (`mergedCells`, grid.ts), named where they are. */
function mergeProblems(grid: Grid): string[] {
  return mergedCells(grid).map((m) => `${describeLocation(grid, m.row)}：${m.sentence}`);
}

function readRowsTable(spec: TableSpec, grid: Grid, problems: string[]): TableRecord[] | null {
  const header = grid.rows[0] ?? [];
  const columns = new Map<string, number>();
  header.forEach((cell, i) => {
    const text = cellText(cell);
    if (text === '') return;
    const column = spec.columns.find((c) => matchesHeader(c, text));
    if (!column) return; // extra columns (备注…) are the bureau's own
    const earlier = columns.get(column.key);
    if (earlier !== undefined)
      problems.push(
        `${describeLocation(grid, 1, i, text)}：与 ${describeLocation(grid, 1, earlier)} 是同一列，表头重复`,
      );
    else columns.set(column.key, i);
  });
  const missing = spec.columns.filter((c) => c.required && !columns.has(c.key));
  for (const c of missing)
    problems.push(`${describeLocation(grid, 1)}：缺少列「${c.header}」（表头应在第 1 行）`);
  if (missing.length > 0) return null;
  if (grid.rows.length - 1 > GRID_MAX_ROWS) {
    problems.push(`${describeLocation(grid)}：超过 ${GRID_MAX_ROWS} 行的上限，未读取`);
    return null;
  }
  const records: TableRecord[] = [];
  grid.rows.forEach((row, i) => {
    if (i === 0 || row.every((c) => isBlank(c))) return;
    const cells = new Map<string, { value: CellValue; at: CellAt }>();
    for (const c of spec.columns) {
      const index = columns.get(c.key);
      if (index === undefined) continue;
      cells.set(c.key, {
        value: row[index] ?? null,
        at: { grid, row: i + 1, col: index, header: c.header },
      });
    }
    records.push(new TableRecord(spec, grid, i + 1, cells, problems));
  });
  return records;
}

function readFieldsTable(spec: TableSpec, grid: Grid, problems: string[]): TableRecord[] | null {
  const cells = new Map<string, { value: CellValue; at: CellAt }>();
  grid.rows.forEach((row, i) => {
    const label = cellText(row[0]);
    if (label === '' || (i === 0 && headerKey(label) === FIELD_HEADERS[0])) return;
    const column = spec.columns.find((c) => matchesHeader(c, label));
    if (!column) return;
    const earlier = cells.get(column.key);
    if (earlier) {
      problems.push(
        `${describeLocation(grid, i + 1, 0, label)}：与第 ${earlier.at.row} 行是同一项，不能填两次`,
      );
      return;
    }
    cells.set(column.key, {
      value: row[1] ?? null,
      at: { grid, row: i + 1, col: 1, header: column.header },
    });
  });
  const missing = spec.columns.filter((c) => c.required && !cells.has(c.key));
  for (const c of missing)
    problems.push(`${describeLocation(grid)}：缺少「${c.header}」一行（A 列写项目名，B 列写内容）`);
  return missing.length > 0 ? null : [new TableRecord(spec, grid, 1, cells, problems)];
}

/** Reads every table of `TABLES` out of `grids` (sheets of workbooks, or CSV files). */
export function readTables(grids: readonly Grid[]): ReadTables {
  const problems: string[] = [];
  const records = new Map<TableId, TableRecord[]>();
  const found = new Map<TableId, Grid>();
  for (const spec of TABLES) {
    const grid = findGrid(spec, grids, problems);
    if (!grid) continue;
    found.set(spec.id, grid);
    const merges = mergeProblems(grid);
    if (merges.length > 0) {
      problems.push(...merges);
      continue;
    }
    const read =
      spec.layout === 'rows'
        ? readRowsTable(spec, grid, problems)
        : readFieldsTable(spec, grid, problems);
    if (read) records.set(spec.id, read);
  }
  return { records, grids: found, problems };
}
