/**
 * Values that cannot be right in the bureau's lists, at its two doors on one input: the desk's
 * draft (`readDraft` + `judgeDraft` over main's real handlers) and `jiebang package lint FOLDER`
 * name the same cell with the same sentence, citing the article (src-shared/rules: one rule each):
 * an amount written in 元 in a 万元 column (第十三条), a request past the 1000 万元 cap of one
 * project (第十三条（二）), a rubric of 105 points and a criterion its step cannot reach
 * (第十二条（五）), a publicity planned before the review (第十二条（六））.
 */
import 'fake-indexeddb/auto';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { judgeDraft, readDraft } from '../../src-renderer/src/workflows/bureau';
import { bureauHost, filesOf } from './bureau-host';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';

const { dir, api } = bureauHost('jb-impossible');

/** A copy of the sample's lists with cells of one workbook's sheet set. */
async function listsWith(
  workbook: string,
  sheet: string,
  cells: Record<string, string | number>,
): Promise<string> {
  const folder = await mkdtemp(join(dir, 'lists-'));
  for (const f of await readdir(LISTS)) await copyFile(join(LISTS, f), join(folder, f));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(join(LISTS, workbook))).buffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(sheet);
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  await writeFile(join(folder, workbook), new Uint8Array(await wb.xlsx.writeBuffer()));
  return folder;
}

/** The value cell (column B) of the 榜单 sheet's row whose label (column A) is `label`. */
async function demandCell(label: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(join(LISTS, 'demand.xlsx'))).buffer);
  const ws = wb.getWorksheet('榜单');
  let found = 0;
  ws?.eachRow((row, n) => {
    if (row.getCell(1).value === label) found = n;
  });
  if (found === 0) throw new Error(label);
  return `B${found}`;
}

const LintJson = z.object({ ok: z.boolean(), problems: z.array(z.string()) });

/** What each door says of the folder: the desk's problems (or notes) and the CLI's lines. */
async function bothDoors(folder: string) {
  const verdict = judgeDraft(
    await readDraft(api, await filesOf(folder), await filesOf(ATTACHMENTS)),
  );
  const desk = verdict.ok
    ? verdict.notes.map((n) => n.message)
    : verdict.problems.map((p) => p.message);
  const lint = await run('package', 'lint', folder, '--attachments', ATTACHMENTS, '--json');
  const cli = LintJson.parse(JSON.parse(lint.out));
  return { desk, deskOk: verdict.ok, cli: cli.problems, cliOk: cli.ok, code: lint.code };
}

describe(
  'impossible values in the bureau’s lists, at the desk and on the command line',
  { timeout: 180_000 },
  () => {
    it('a credit code with a bad check character: 校验码不对, listed on the first pass with the others (tester iC, 2)', async () => {
      const folder = await listsWith('applicants.xlsx', '成员单位', {
        D2: '12650000MB1234567Z',
        E2: '大学',
      });
      const said = await bothDoors(folder);
      expect(said.deskOk).toBe(false);
      expect(said.desk).toEqual(said.cli);
      expect(said.cli).toEqual(
        expect.arrayContaining([
          expect.stringContaining(
            '第 2 行 D 列「统一社会信用代码」：统一社会信用代码校验码不对：第 18 位“Z”',
          ),
          expect.stringContaining('第 2 行 E 列「单位类型（第九条）」：“大学”不是可选值'),
        ]),
      );
    });
    it('an amount in 元 in a 万元 column, and a request past 1000 万元: refused in one sentence', async () => {
      const folder = await listsWith('applicants.xlsx', '揭榜方', { H2: 4000000, H3: 1200 });
      const said = await bothDoors(folder);
      expect(said.deskOk).toBe(false);
      expect(said.cliOk).toBe(false);
      expect(said.code).toBe(1);
      expect(said.desk).toEqual(said.cli);
      expect(said.cli).toContain(
        'applicants.xlsx 工作表「揭榜方」 第 2 行 H 列「申请市财政资助（万元）」：揭榜方 A01“新疆水处理技术研究院（示例）”申请市财政资助 4,000,000 万元 超过单个项目最高资助额 1,000 万元，此上限只限市财政资助、发榜方投入不在此限；看来是以元填写：4,000,000 元即 400 万元，请以万元填写（第十三条（二））',
      );
      expect(said.cli).toContain(
        'applicants.xlsx 工作表「揭榜方」 第 3 行 H 列「申请市财政资助（万元）」：揭榜方 A02“西部石油大学（示例）牵头联合体”申请市财政资助 1,200 万元 超过单个项目最高资助额 1,000 万元，此上限只限市财政资助、发榜方投入不在此限（第十三条（二））',
      );
    });

    it('a project budget in 元: warned in one sentence with the figure in 万元', async () => {
      const folder = await listsWith('demand.xlsx', '榜单', {
        [await demandCell('项目总预算（万元）')]: 20000000,
      });
      const said = await bothDoors(folder);
      expect(said.deskOk).toBe(true);
      expect(said.cliOk).toBe(true);
      expect(said.desk).toEqual(said.cli);
      expect(
        said.cli.some((l) =>
          l.endsWith(
            '项目总预算 20,000,000 万元（即 2,000 亿元）远超单个项目的规模（市财政资助最高 1,000 万元）；看来是以元填写：20,000,000 元即 2,000 万元，请以万元填写（第十三条）',
          ),
        ),
      ).toBe(true);
    });

    it('a rubric of 105 points, and a maximum its step cannot reach: refused, the criteria named', async () => {
      const over = await bothDoors(await listsWith('rubric.xlsx', '评分细则', { D2: 25 }));
      expect(over.deskOk).toBe(false);
      expect(over.desk).toEqual(over.cli);
      expect(over.cli).toEqual([
        'rubric.xlsx 工作表「评分细则」：评分细则各项满分合计 105 分，应为 100 分：C1“揭榜方资质条件”25 分、C2“揭榜方案可行性”40 分、C3“经费合理性”20 分、C4“成果转化与产业化前景”20 分（第十二条（五））',
      ]);
      const step = await bothDoors(
        await listsWith('rubric.xlsx', '评分细则', { D2: 15, E2: 2, D3: 45 }),
      );
      expect(step.desk).toEqual(step.cli);
      expect(step.cli).toEqual([
        'rubric.xlsx 工作表「评分细则」 第 2 行 E 列「分值步长」：评分项 C1“揭榜方资质条件”满分 15 分，分值步长 2 分打不到满分（最高只能打 14 分）：满分应为步长的整数倍（第十二条（五））',
      ]);
    });

    it('a publicity planned before the review: refused in one sentence', async () => {
      const folder = await listsWith('demand.xlsx', '榜单', {
        [await demandCell('公示开始日期')]: '2026-12-01',
      });
      const said = await bothDoors(folder);
      expect(said.deskOk).toBe(false);
      expect(said.desk).toEqual(said.cli);
      expect(said.cli).toHaveLength(1);
      expect(said.cli[0]).toMatch(
        /：公示开始日期 2026年12月1日 早于评审日期 2026年12月8日：揭榜方建议名单经专家评审、市科技局审定后才向社会公示，公示最早从评审日期的次日开始（第十二条（六））$/,
      );
    });
  },
);
