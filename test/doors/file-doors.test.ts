/**
 * The file doors tell a file by its bytes with one function (src-shared/io/sniff.ts) and check a
 * scan with one (src-shared/io/scan.ts): an .xlsx renamed .csv gets the same sentence from the
 * chair's paper import, `jiebang score` and the bureau's lists; a PDF cut in half is refused by
 * name; one scan given for two experts' sheets is said so; merged cells in the paper workbook are
 * refused by the rule the bureau's lists are read by, at the app and the CLI alike.
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
import { getMeta } from '../../src-renderer/src/db/repo';
import { say } from '../../src-renderer/src/i18n/strings';
import { importPackage, verifyPackage } from '../../src-renderer/src/workflows/expert';
import { importPaperTranscription } from '../../src-renderer/src/workflows/paper';
import { freshDeps, samplePackageBundle } from '../../src-renderer/src/workflows/test-db';
import { readLists, workbooks } from './main-workbooks';

async function chair() {
  const deps = freshDeps();
  const { bytes } = await samplePackageBundle();
  const verified = await verifyPackage(deps, bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  return { deps, pkg: verified.bundle.document };
}

const SAMPLE = 'resources/sample/paper-sheets.csv';

/** The sample transcription (or the rows of `experts`) as a workbook typed in Excel. */
async function sampleWorkbook(experts?: readonly string[], merge?: string): Promise<Uint8Array> {
  const rows = Papa.parse<string[]>(await readFile(SAMPLE, 'utf8'), { skipEmptyLines: true }).data;
  const ws = new ExcelJS.Workbook();
  const sheet = ws.addWorksheet('转录');
  rows
    .filter((r, i) => i === 0 || !experts || experts.includes(r[0] ?? ''))
    .forEach((r) => sheet.addRow(r.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c))));
  if (merge) sheet.mergeCells(merge);
  return new Uint8Array(await ws.xlsx.writeBuffer());
}

const onlyRows = async (experts: readonly string[]): Promise<Uint8Array> => {
  const lines = (await readFile(SAMPLE, 'utf8')).split(/\r?\n/);
  return new TextEncoder().encode(
    lines.filter((l, i) => i === 0 || experts.some((e) => l.startsWith(`${e},`))).join('\n'),
  );
};

describe('an .xlsx renamed .csv, at every door', () => {
  it('the chair’s import, jiebang score and the bureau’s lists say what it is, in one sentence', async () => {
    const bytes = await sampleWorkbook();
    const sentence =
      'p.csv 是 Excel 工作簿（.xlsx），扩展名却是 .csv：请把扩展名改回 .xlsx 后重新选择，或在 Excel/WPS 中打开它并“另存为”“CSV UTF-8（逗号分隔）”';

    const { deps, pkg } = await chair();
    const app = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: { name: 'p.csv', bytes },
        typist: '秘书 陈静',
        scan: { name: 's.pdf', bytes: wholePdf('s') },
      },
      workbooks,
    );
    if (app.kind !== 'refused') throw new Error(app.kind);
    // The sentence names the file itself (the card adds no second 「p.csv：」 before it).
    expect(app.problems.map((p) => say('zh', p))).toEqual([sentence]);
    expect(await getMeta(deps.db, 'paperSheets')).toBeUndefined();

    const dir = await mkdtemp(join(tmpdir(), 'jb-sniff-'));
    await writeFile(join(dir, 'p.csv'), bytes);
    const cli = await run(
      'score',
      '--package',
      'resources/sample/review-package.json',
      join(dir, 'p.csv'),
    );
    expect(cli.code).toBe(2);
    expect(cli.out).toBe('');
    // The CLI names the file by its path: the same sentence after it.
    expect(cli.err).toContain(sentence.replace(/^p\.csv/, join(dir, 'p.csv')));

    const lists = await readLists({ files: [{ name: 'p.csv', bytes }] });
    expect(lists.problems).toEqual([sentence]);
  });
});

describe('the scan of the wet-signed sheets', () => {
  it('a PDF cut in half is refused by name; nothing kept', async () => {
    const { deps, pkg } = await chair();
    const pdf = wholePdf('scan of the wet-signed sheets of E05');
    const r = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: { name: 'E05.csv', bytes: await onlyRows(['E05']) },
        typist: '秘书 陈静',
        scan: { name: 'E05-signed.pdf', bytes: pdf.subarray(0, pdf.length / 2) },
      },
      workbooks,
    );
    if (r.kind !== 'refused') throw new Error(r.kind);
    expect(r.problems.map((p) => say('zh', p))).toEqual([
      'E05-signed.pdf 的 PDF 末尾没有结束标记 %%EOF：文件不完整，可能在复制或下载时被截断；请从扫描仪或原始文件夹重新复制后再选择，或重新扫描',
    ]);
    expect(await getMeta(deps.db, 'paperSheets')).toBeUndefined();
  });

  it('the same scan given for a second expert’s transcription is said so (kept, with the warning)', async () => {
    const { deps, pkg } = await chair();
    const scan = { name: 'E05-signed.pdf', bytes: wholePdf('scan of E05') };
    const first = await importPaperTranscription(
      deps,
      'E01',
      { pkg, csv: { name: 'E05.csv', bytes: await onlyRows(['E05']) }, typist: '秘书 陈静', scan },
      workbooks,
    );
    if (first.kind !== 'imported') throw new Error(first.kind);
    expect(first.warnings).toEqual([]);
    const second = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: { name: 'E06.xlsx', bytes: await sampleWorkbook(['E06']) },
        typist: '秘书 陈静',
        scan: { name: 'E06-signed.pdf', bytes: scan.bytes },
      },
      workbooks,
    );
    if (second.kind !== 'imported') throw new Error(second.kind);
    expect(second.warnings.map((w) => say('zh', w))).toEqual([
      expect.stringMatching(
        /^扫描件 E06-signed\.pdf 与已导入的专家 E05 的扫描件（E05-signed\.pdf）完全相同（SHA-256 [0-9a-f]{12}…）：每位专家签字的评分表应有各自的扫描件，请核对是否选错了文件$/,
      ),
    ]);
  });
});

describe('merged cells in the paper workbook', () => {
  it('refused at the chair’s import and by jiebang score, the range named, as the bureau’s lists refuse them', async () => {
    const bytes = await sampleWorkbook(undefined, 'I3:J3');
    const sentence =
      '工作表「转录」第 3 行：I3:J3 为合并单元格，每个单元格须各自填写，请取消合并后重新保存';
    const { deps, pkg } = await chair();
    const app = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: { name: 'm.xlsx', bytes },
        typist: '秘书 陈静',
        scan: { name: 's.pdf', bytes: wholePdf('s') },
      },
      workbooks,
    );
    if (app.kind !== 'refused') throw new Error(app.kind);
    expect(app.problems.map((p) => say('zh', p))).toEqual([`m.xlsx：${sentence}`]);

    const dir = await mkdtemp(join(tmpdir(), 'jb-merged-'));
    await writeFile(join(dir, 'm.xlsx'), bytes);
    const cli = await run(
      'score',
      '--package',
      'resources/sample/review-package.json',
      join(dir, 'm.xlsx'),
    );
    expect(cli.code).toBe(2);
    expect(cli.err).toContain(`  ${sentence}`);

    const lists = await readLists({ files: [{ name: '揭榜方.xlsx', bytes }] });
    expect(lists.grids[0]?.merges).toEqual(['I3:J3']);
  });
});

describe('a score with more places than its step, 35.0000000001', () => {
  it('refused at the chair’s import and by jiebang score, quoting the value as typed and the allowed form', async () => {
    const text = (await readFile(SAMPLE, 'utf8')).replace(
      /^(E01,A01,,,[^,]*),35,/m,
      '$1,35.0000000001,',
    );
    const sentence =
      '第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方案可行性（C2）：“揭榜方案可行性”的分值须为 0.5 分的整数倍（最多 1 位小数，如 35 或 35.5；填写的是 35.0000000001）';
    const { deps, pkg } = await chair();
    const app = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: { name: 'v.csv', bytes: new TextEncoder().encode(text) },
        typist: '秘书 陈静',
        scan: { name: 's.pdf', bytes: wholePdf('s') },
      },
      workbooks,
    );
    if (app.kind !== 'refused') throw new Error(app.kind);
    expect(app.problems.map((p) => say('zh', p))).toEqual([`v.csv：${sentence}`]);

    const dir = await mkdtemp(join(tmpdir(), 'jb-places-'));
    await writeFile(join(dir, 'v.csv'), text);
    const cli = await run(
      'score',
      '--package',
      'resources/sample/review-package.json',
      join(dir, 'v.csv'),
    );
    expect(cli.code).toBe(2);
    expect(cli.err).toContain(`  ${sentence}\n`);
  });
  it('one beyond a double’s precision (35.000000000000000001, the number 35) is refused too, as typed', async () => {
    const text = (await readFile(SAMPLE, 'utf8')).replace(
      /^(E01,A01,,,[^,]*),35,/m,
      '$1,35.000000000000000001,',
    );
    const { deps, pkg } = await chair();
    const app = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: { name: 'v.csv', bytes: new TextEncoder().encode(text) },
        typist: '秘书 陈静',
        scan: { name: 's.pdf', bytes: wholePdf('s') },
      },
      workbooks,
    );
    if (app.kind !== 'refused') throw new Error(app.kind);
    expect(app.problems.map((p) => say('zh', p))).toEqual([
      'v.csv：第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方案可行性（C2）：“揭榜方案可行性”的分值须为 0.5 分的整数倍（最多 1 位小数，如 35 或 35.5；填写的是 35.000000000000000001）',
    ]);
  });
});
