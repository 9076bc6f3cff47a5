/**
 * The bureau desk shows what it read from the lists before anything is signed (the tester's
 * finding: after GB18030 CSV lists, counts only): the sample's workbooks saved as GB18030 CSV, one
 * file a sheet as WPS saves them, are read and the first names of 揭榜方 and 专家 are shown with
 * their codes and counts — a name decoded wrongly would show here.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';
import { ProfileGate } from './pages/profile';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';
const BUREAU = '市科技局 名单预览（desk-lists-preview）';

const plain = (v: ExcelJS.CellValue): string | number => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return plain(v.result ?? null);
  if ('text' in v) return String(v.text);
  return '';
};

/** The sample's lists as GB18030 CSV, one file per sheet, and the proposals beside them. */
async function gbLists(dir: string): Promise<string[]> {
  for (const f of readdirSync(ATTACHMENTS)) copyFileSync(join(ATTACHMENTS, f), join(dir, f));
  for (const f of readdirSync(LISTS)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(LISTS, f)).buffer);
    for (const ws of wb.worksheets) {
      if (ws.name === '填写说明') continue;
      const rows: (string | number)[][] = [];
      ws.eachRow((row) => {
        const cells: (string | number)[] = [];
        for (let c = 1; c <= ws.columnCount; c++) cells.push(plain(row.getCell(c).value));
        rows.push(cells);
      });
      const text = `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
      const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
      writeFileSync(join(dir, `${ws.name}.csv`), gb);
    }
  }
  return readdirSync(dir).map((f) => join(dir, f));
}

test('GB18030 CSV lists: the desk shows the first names it read, with codes and counts', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-lists-preview-'));
  const gate = new ProfileGate(app);
  const desk = new DeskPage(app);
  await gate.create(BUREAU);
  await desk.open();
  await desk.makeKeys();
  await desk.chooseLists(await gbLists(dir));
  await expect(desk.verdict).toContainText('评审包 KLMY-2026-JB-001（揭榜方 4 家，专家 7 名）');
  const applicants = app.getByTestId('bureau-preview-applicants');
  await expect(applicants).toContainText('揭榜方 共 4 家（前 4 家）');
  await expect(applicants.getByRole('listitem')).toHaveCount(4);
  await expect(applicants.getByRole('listitem').first()).toHaveText(
    'A01 新疆水处理技术研究院（示例）',
  );
  const experts = app.getByTestId('bureau-preview-experts');
  await expect(experts).toContainText('专家 共 7 名（前 5 名）');
  await expect(experts.getByRole('listitem')).toHaveCount(5);
  await expect(experts.getByRole('listitem').first()).toHaveText('E01 张志远');
});
