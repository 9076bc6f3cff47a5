import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  tablesFromPackage,
  templateTables,
  WORKBOOKS,
  type CellValue,
  type Grid,
  type TableData,
} from '../../src-shared/bureau';
import { samplePackage } from '../../src-shared/sample-fixture';
import { readWorkbook, XLSX_LIMITS } from './workbook';

/** A table's cells as the reader gives them back (booleans are written as 是/否). */
const asRead = (rows: readonly (readonly CellValue[])[]) =>
  rows.map((r) => r.map((c) => (typeof c === 'boolean' ? (c ? '是' : '否') : c)));

/** The grid of one table as read from a shipped workbook: the header row and the data rows. */
function cellsOf(grids: readonly Grid[], table: TableData): CellValue[][] {
  const grid = grids.find((g) => g.sheet === table.spec.sheet);
  if (!grid) throw new Error(`no sheet ${table.spec.sheet}`);
  const width = table.spec.layout === 'fields' ? 2 : table.spec.columns.length;
  return grid.rows
    .map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null))
    .filter((r) => r.some((c) => c !== null));
}

describe('the shipped templates', () => {
  it.each([
    ['resources/templates', templateTables()],
    ['resources/templates/sample', tablesFromPackage(samplePackage())],
  ])(
    '%s holds what scripts/make-templates.ts makes (regenerate with npx tsx scripts/make-templates.ts)',
    async (folder, tables) => {
      for (const workbook of WORKBOOKS) {
        const file = `${workbook}.xlsx`;
        const read = await readWorkbook(new Uint8Array(await readFile(join(folder, file))), file);
        if (!read.ok) throw new Error(read.message);
        expect(read.value.map((g) => g.merges).flat()).toEqual([]);
        for (const table of tables.filter((t) => t.spec.workbook === workbook)) {
          const expected = asRead(table.rows).filter((r) => r.some((c) => c !== null));
          expect(cellsOf(read.value, table), `${file}「${table.spec.sheet}」`).toEqual(expected);
        }
      }
    },
  );
});

describe('the Excel door’s bounds', () => {
  it('refuses a workbook whose directory declares more than it may inflate, before inflating', async () => {
    const zip = zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    // The central directory record's uncompressed size (offset 24) claims 200 MiB.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 < zip.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 200 * 1024 * 1024, true);
    const read = await readWorkbook(zip, 'bomb.xlsx');
    expect(read).toEqual({
      ok: false,
      message: '工作簿 bomb.xlsx 解压后达 200 MiB，超过上限 128 MiB，未读取',
    });
  });
  it('refuses a file past its size bound without reading it', async () => {
    const read = await readWorkbook(new Uint8Array(XLSX_LIMITS.fileBytes + 1), 'huge.xlsx');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('huge.xlsx 过大');
  });
});

describe('docs/templates.md', () => {
  it('documents every column of every table', async () => {
    const doc = await readFile('docs/templates.md', 'utf8');
    for (const table of templateTables()) {
      expect(doc).toContain(`工作表「${table.spec.sheet}」`);
      for (const c of table.spec.columns) expect(doc, c.header).toContain(`| ${c.header} |`);
    }
  });
});
