/**
 * Paper scores in through the chair's import (issue 19), the transcription as the secretary saved
 * it — a CSV (GB18030, UTF-8 with a BOM) or the same table as an Excel workbook read by main's XLSX
 * door (the bureau's templates' reader, over dispatch as the renderer's bridge calls it) — for
 * every paper-sheet case of ../shared/cases: both files give the same sheets or the same problems
 * (the workbook's named by its worksheet), and nothing is written when refused.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { wholePdf } from '../../src-shared/io/pdf-fixture';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { auditLog, getMeta } from '../../src-renderer/src/db/repo';
import { say as sayIn, type Message } from '../../src-renderer/src/i18n/strings';
import { chairDesk } from '../../src-renderer/src/workflows/desk';
import { importPackage, verifyPackage } from '../../src-renderer/src/workflows/expert';
import { importPaperTranscription, type ChosenFile } from '../../src-renderer/src/workflows/paper';
import { freshDeps, samplePackageBundle } from '../../src-renderer/src/workflows/test-db';
import { workbooks } from './main-workbooks';

const CASES = 'test/fixtures/cases/csv';

async function chair() {
  const deps = freshDeps();
  const { bytes } = await samplePackageBundle();
  const verified = await verifyPackage(deps, bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  return { deps, pkg: verified.bundle.document };
}

/** The CSV's table as a workbook typed in Excel: plain decimals as numbers, the rest as text. */
async function asWorkbook(csvText: string, name: string): Promise<ChosenFile> {
  const rows = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['纸质评分表转录：见“转录”工作表']);
  const ws = wb.addWorksheet('转录');
  for (const row of rows) ws.addRow(row.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

const decode = (bytes: Uint8Array) => {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.includes('\uFFFD') ? new TextDecoder('gb18030').decode(bytes) : utf8;
};
const scan = {
  name: 'signed.pdf',
  bytes: wholePdf('scan of the wet-signed sheets'),
};
const say = (p: Message): string => sayIn('zh', p);

/** One file through the chair's import: the outcome's sentences, or the sheets kept. */
async function importOne(file: ChosenFile) {
  const { deps, pkg } = await chair();
  const before = (await auditLog(deps.db)).length;
  const r = await importPaperTranscription(
    deps,
    'E01',
    { pkg, csv: file, typist: '秘书 陈静', scan },
    workbooks,
  );
  if (r.kind === 'differ') throw new Error('a single entry never differs');
  if (r.kind === 'refused') {
    expect(await getMeta(deps.db, 'paperSheets')).toBeUndefined();
    expect(await auditLog(deps.db)).toHaveLength(before);
    return { refused: r.problems.map(say), sheets: [], pkg };
  }
  return { refused: [], sheets: r.stored.map((s) => s.record.sheet), pkg };
}

/** The case through both files: the CSV's outcome, and the workbook's equal to it. */
async function bothDoors(file: string) {
  const bytes = new Uint8Array(await readFile(`${CASES}/${file}`));
  const csv = await importOne({ name: file, bytes });
  const xlsxName = file.replace(/\.csv$/, '.xlsx');
  const xlsx = await importOne(await asWorkbook(decode(bytes), xlsxName));
  expect(xlsx.sheets).toEqual(csv.sheets);
  expect(xlsx.refused).toEqual(
    csv.refused.map((p) => p.replace(`${file}：`, `${xlsxName}：工作表「转录」`)),
  );
  return csv;
}

describe('the paper-sheet cases through the chair’s import, as CSV and as XLSX', () => {
  it('csv/paper-sheets-gb18030.csv: GB18030 with CRLF reads as the UTF-8 sample, with a BOM too', async () => {
    const gb = await bothDoors('paper-sheets-gb18030.csv');
    expect(gb.refused).toEqual([]);
    const text = await readFile('resources/sample/paper-sheets.csv');
    const bom = await importOne({
      name: 'bom.csv',
      bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...text]),
    });
    expect(bom.sheets).toEqual(gb.sheets);
    expect(gb.sheets.map((s) => s.expertId)).toEqual([
      'E01',
      'E02',
      'E03',
      'E04',
      'E05',
      'E06',
      'E07',
    ]);
  });
  it('csv/out-of-range.csv: 99 on a 20-point criterion refused, the cell named', async () => {
    const r = await bothDoors('out-of-range.csv');
    expect(r.refused).toEqual([
      'out-of-range.csv：第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 99）',
    ]);
  });
  it('csv/off-step.csv: 17.3 on a step of 0.5 refused, named', async () => {
    const r = await bothDoors('off-step.csv');
    expect(r.refused.join('\n')).toContain(
      '第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“揭榜方资质条件”的分值须为 0.5 分的整数倍',
    );
  });
  it('csv/hex-and-exponent.csv: only plain decimals are scores', async () => {
    const r = await bothDoors('hex-and-exponent.csv');
    expect(r.refused).toEqual([
      'hex-and-exponent.csv：第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“0x11”不是数字（只接受如 17 或 17.5 这样的十进制数）',
      'hex-and-exponent.csv：第 3 行 · 专家 E01 · 揭榜方 A02 · 揭榜方资质条件（C1）：“1.7e1”不是数字（只接受如 17 或 17.5 这样的十进制数）',
    ]);
  });
  it('csv/all-recused-A03.csv and one-valid-sheet-A03.csv: kept, and the desk neither ranks A03 on none nor on one without a word', async () => {
    const none = await bothDoors('all-recused-A03.csv');
    const one = await bothDoors('one-valid-sheet-A03.csv');
    const a03 = (r: typeof none) =>
      chairDesk(r.pkg, r.sheets, null, 'E01', '2026-12-08T08:00:00Z').analysis.agg.results.find(
        (x) => x.applicantId === 'A03',
      );
    expect(a03(none)).toMatchObject({ rank: null, final: null, validSheets: 0 });
    expect(a03(one)).toMatchObject({ validSheets: 1, belowMinValidSheets: true, method: 'mean' });
  });
  it('csv/recused-but-scored-E05-A03.csv: a 回避 with points beside it is refused by name at every door, never counted', async () => {
    const file = 'recused-but-scored-E05-A03.csv';
    const said =
      '第 20 行 · 专家 E05 · 揭榜方 A03：吴敏已对准噶尔能源技术有限公司（示例）声明回避（与揭榜方为同一单位），却仍对其评分（C1、C2、C3、C4）：已回避的揭榜方不得评分，这些分值不予计入';
    const r = await bothDoors(file);
    expect(r.refused).toEqual([`${file}：${said}`]);
    const cli = await run(
      'score',
      '--package',
      'resources/sample/review-package.json',
      '--csv',
      `${CASES}/${file}`,
    );
    expect(cli.code).toBe(2);
    expect(cli.err).toContain(said);
  });
  it('jiebang score reads the workbook as the chair’s import does: the CSV’s ranking', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-paper-xlsx-'));
    const csvPath = `${CASES}/paper-sheets-gb18030.csv`;
    const xlsx = await asWorkbook(decode(new Uint8Array(await readFile(csvPath))), 'paper.xlsx');
    const xlsxPath = join(dir, 'paper.xlsx');
    await writeFile(xlsxPath, xlsx.bytes);
    const score = async (file: string) =>
      JSON.parse(
        (await run('score', '--package', 'resources/sample/review-package.json', file, '--json'))
          .out,
      );
    const fromCsv = (await score(csvPath)).ranking;
    expect(fromCsv).toHaveLength(4);
    expect((await score(xlsxPath)).ranking).toEqual(fromCsv);
    const imported = await importOne(xlsx);
    expect(imported.sheets.map((s) => s.expertId)).toHaveLength(7);
  });

  it('a transcription with 2,000 repeated rows: 50 lines listed and every other problem counted, at both doors', async () => {
    const header = (await readFile('resources/sample/paper-sheets.csv', 'utf8')).split(/\r?\n/)[0];
    const row = 'E05,A01,,,17.5,35,17.5,17,方案先进可行，建议支持。,';
    const text = [header, ...Array.from({ length: 2000 }, () => row)].join('\n');
    const dir = await mkdtemp(join(tmpdir(), 'jb-paper-many-'));
    const path = join(dir, 'many.csv');
    await writeFile(path, text);
    // 1,999 repeated rows and 3 more problems: what is listed and what is counted make 2,002.
    // The reader caps its list; the CLI caps its whole report again (the file's name takes a line).
    const shown = (lines: string[]) => {
      const counted = /……另有 (\d+) 处问题未列出$/.exec(lines.at(-1) ?? '');
      const listed = lines.filter((l) => /第 \d+ 行/.test(l)).length;
      return { listed, total: listed + Number(counted?.[1] ?? NaN), lines: lines.length };
    };
    const app = await importOne({ name: 'many.csv', bytes: new TextEncoder().encode(text) });
    expect(shown(app.refused)).toEqual({ listed: 50, total: 2002, lines: 51 });
    const cli = await run('score', '--package', 'resources/sample/review-package.json', path);
    expect(cli.code).not.toBe(0);
    expect(shown(cli.err.trim().split('\n'))).toEqual({ listed: 49, total: 2002, lines: 51 });
  });

  it('a workbook past 5,000 rows (a panel of 50 × 120 typed from paper) reads as its CSV does, under the one row bound', async () => {
    // 6,000 rows: within READ_LIMITS.csvRows (50 experts × 200 applicants = 10,000 rows), so the
    // workbook is read and judged as the CSV is, not refused for its size (it was, at 5,000 rows).
    const header = (await readFile('resources/sample/paper-sheets.csv', 'utf8')).split(/\r?\n/)[0];
    const row = 'E05,A01,,,17.5,35,17.5,17,方案先进可行，建议支持。,';
    const text = [header, ...Array.from({ length: 6000 }, () => row)].join('\n');
    const csv = await importOne({ name: 'big.csv', bytes: new TextEncoder().encode(text) });
    const xlsx = await importOne(await asWorkbook(text, 'big.xlsx'));
    expect(csv.refused.at(-1)).toMatch(/……另有 \d+ 处问题未列出$/);
    expect(xlsx.refused).toEqual(
      csv.refused.map((p) => p.replace('big.csv：', 'big.xlsx：工作表「转录」')),
    );
  });

  it('refuses a workbook with no transcription sheet, and an old .xls, by name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '分数']);
    const r = await importOne({
      name: '转录.xlsx',
      bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    });
    expect(r.refused).toEqual([
      '转录.xlsx：工作簿 转录.xlsx 中没有表头含“专家编号”（expertId）列的工作表；转录表的第 1 行应为 专家编号,揭榜方编号,…',
    ]);
    const xls = await importOne({
      name: '转录.xls',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    });
    expect(xls.refused[0]).toContain('旧版 Excel 97-2003 格式（.xls）');
  });
});
