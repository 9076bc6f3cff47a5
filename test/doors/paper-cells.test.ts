/**
 * One cell of the paper transcription, as the secretary's Excel or CSV holds it, through two doors:
 * the chair's paper import (the renderer's workflow, workbooks read by main's XLSX door over
 * dispatch) and `jiebang score`. Both read the file with the one reader (`readSheetsFile`), so
 * both keep the same sheets or say the same sentences (tester iC's findings 3–7).
 */
import 'fake-indexeddb/auto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { wholePdf } from '../../src-shared/io/pdf-fixture';
import { samplePackage } from '../../src-shared/sample-fixture';
import { readTypedPoints } from '../../src-shared/scoring/sheet';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { say as sayIn } from '../../src-renderer/src/i18n/strings';
import { importPackage, verifyPackage } from '../../src-renderer/src/workflows/expert';
import { importPaperTranscription, type ChosenFile } from '../../src-renderer/src/workflows/paper';
import { freshDeps, samplePackageBundle } from '../../src-renderer/src/workflows/test-db';
import { workbooks } from './main-workbooks';

const SAMPLE = 'resources/sample/paper-sheets.csv';
const sampleRows = async (): Promise<string[][]> =>
  (await readFile(SAMPLE, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));

/** The sample transcription with E01/A01/C1 (row 2, column E) as `cell`, as a workbook. */
async function workbookWith(cell: ExcelJS.CellValue, name = 'paper.xlsx'): Promise<ChosenFile> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('转录');
  (await sampleRows()).forEach((r, i) =>
    ws.addRow(r.map((c) => (i > 0 && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c))),
  );
  ws.getCell('E2').value = cell;
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** The sample transcription with E01/A01/C1 typed as `cell` (and row 2's other cells `rest`). */
async function csvWith(cell: string, recusal = ''): Promise<ChosenFile> {
  const rows = await sampleRows();
  const row = rows[1] ?? [];
  row[4] = cell;
  row[2] = recusal;
  return {
    name: 'paper.csv',
    bytes: new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n')),
  };
}

/** The chair's import: the sentences of its refusal, or the points kept for E01/A01/C1. */
async function chairImport(file: ChosenFile) {
  const deps = freshDeps();
  const { bytes } = await samplePackageBundle();
  const verified = await verifyPackage(deps, bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  const r = await importPaperTranscription(
    deps,
    'E01',
    {
      pkg: verified.bundle.document,
      csv: file,
      typist: '秘书 陈静',
      scan: { name: 'signed.pdf', bytes: wholePdf('scan') },
    },
    workbooks,
  );
  if (r.kind === 'differ') throw new Error('a single entry never differs');
  if (r.kind === 'refused') return { refused: r.problems.map((p) => sayIn('zh', p)) };
  const e01 = r.stored.map((s) => s.record.sheet).find((s) => s.expertId === 'E01');
  const a01 = e01?.scores.find((s) => s.applicantId === 'A01');
  return { points: a01?.criteria.find((c) => c.criterionId === 'C1')?.points };
}

/** `jiebang score` on the same file: its refusal's lines (without the file's name), or 0. */
async function cliScore(file: ChosenFile) {
  const dir = await mkdtemp(join(tmpdir(), 'jb-paper-cell-'));
  const path = join(dir, file.name);
  await writeFile(path, file.bytes);
  const r = await run('score', '--package', 'resources/sample/review-package.json', path, '--json');
  return { code: r.code, err: r.err };
}

/** The file through both doors: the chair's outcome, with the CLI saying the same sentences. */
async function bothDoors(file: ChosenFile) {
  const chair = await chairImport(file);
  const cli = await cliScore(file);
  if (chair.refused) {
    expect(cli.code).toBe(2);
    for (const line of chair.refused) expect(cli.err).toContain(line.replace(/^[^：]*：/, ''));
  } else expect(cli.code).toBe(0);
  return chair;
}

describe('a transcription cell as Excel holds it, at the chair’s import and at jiebang score', () => {
  it('finding 3: a number cell 17.499999999999996 (Excel shows 17.5) is read at 15 significant digits as 17.5', async () => {
    expect(await bothDoors(await workbookWith(17.499999999999996))).toEqual({ points: 17.5 });
    // Typed as text in a CSV it is what was typed, and refused off the step.
    const typed = await bothDoors(await csvWith('17.499999999999996'));
    expect(typed.refused?.join('\n')).toContain('须为 0.5 分的整数倍');
  });
  it('finding 4: a formula cell with no saved result is said to be one, not 「未填写分值」', async () => {
    const r = await bothDoors(await workbookWith({ formula: '17+0.5', date1904: false }));
    expect(r.refused).toEqual([
      'paper.xlsx：工作表「转录」第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：单元格是公式，但没有保存计算结果：请在 Excel 中重新计算并保存后再导入',
    ]);
    // With its result saved, the formula's value is read.
    expect(
      await bothDoors(await workbookWith({ formula: '17+0.5', result: 17.5, date1904: false })),
    ).toEqual({ points: 17.5 });
  });
  it('finding 5: a negative score is named by its row, expert, applicant and criterion, as 99 is', async () => {
    const at = '第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：';
    expect((await bothDoors(await csvWith('-17'))).refused).toEqual([
      `paper.csv：${at}“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 -17）`,
    ]);
    expect((await bothDoors(await workbookWith(-17))).refused).toEqual([
      `paper.xlsx：工作表「转录」${at}“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 -17）`,
    ]);
    expect((await bothDoors(await csvWith('99'))).refused).toEqual([
      `paper.csv：${at}“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 99）`,
    ]);
  });
  it('finding 7: an unknown 回避类型 gives only its own refusal, not also 「已对…声明回避（其他…）却仍对其评分」', async () => {
    const r = await bothDoors(await csvWith('17', '近亲属'));
    expect(r.refused).toEqual([
      expect.stringMatching(
        /^paper\.csv：第 2 行 · 专家 E01 · 揭榜方 A01：回避类型“近亲属”无效（可填：.*其他可能影响公正评审的情形（other））$/,
      ),
    ]);
  });
  it('finding 6: `.5`, `17.`, `+17`, `-0` are refused alike by the transcription (both doors) and the expert’s form', async () => {
    const c1 = samplePackage().rubric.criteria.find((c) => c.id === 'C1');
    if (!c1) throw new Error('the sample has no C1');
    for (const typed of ['.5', '17.', '+17', '-0']) {
      const form = readTypedPoints(c1, typed);
      expect(form.ok, typed).toBe(false);
      const said = form.ok ? '' : form.message;
      expect(said).toContain('只接受如 17 或 17.5 这样的十进制数');
      expect((await bothDoors(await csvWith(typed))).refused).toEqual([
        `paper.csv：第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：${said}`,
      ]);
    }
  });
});
