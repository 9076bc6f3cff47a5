/**
 * The 评分汇总表 at two doors (the tester's finding: a dropped score written `(90.00)` in the CSV,
 * which Excel and WPS read as −90): `jiebang export --csv` holds the same values as the desk's
 * 导出 XLSX on the same panel result — every score a plain number, read back as a number — and both
 * name the expert whose sheet came from paper (纸质转录), the workbook's 专家评分明细 with the
 * scan's name and SHA-256.
 */
import 'fake-indexeddb/auto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { readWorkbook } from '../../src-main/xlsx/workbook';
import { say } from '../../src-renderer/src/i18n/strings';
import { roundWorkbook } from '../../src-renderer/src/workflows/bureau';
import { samplePanelBundle } from '../fixtures/panel';
import { bureauHost } from './bureau-host';

const PASS = 'correct horse battery';
const { dir, api, channel, signSampleRound } = bureauHost('jb-export-csv');

describe('the 评分汇总表 as CSV (CLI) and XLSX (desk)', { timeout: 180_000 }, () => {
  it('holds the same plain numbers and marks 纸质转录 at both doors', async () => {
    const { profileId, signed, take } = await signSampleRound(PASS);
    const panel = await samplePanelBundle(
      signed.round.issued.pkg,
      signed.round.issued.manifestSha256,
      undefined,
      ['E05'],
    );
    const taken = await take({ name: 'panel.jbx', bytes: panel });
    if (!taken.ok) throw new Error(say('zh', taken.reason));

    // The desk's 导出 XLSX, read back as Excel holds it.
    const xlsx = await readWorkbook(await roundWorkbook(api, taken.round), 'desk.xlsx');
    if (!xlsx.ok) throw new Error(xlsx.message);
    const sheetOf = (name: string) => xlsx.value.find((g) => g.sheet === name)?.rows ?? [];
    const summary = sheetOf('评分汇总表');
    const headerAt = summary.findIndex((r) => r[0] === '名次');
    const deskHead = (summary[headerAt] ?? []).map((h) => String(h ?? '').split(' ')[0]);
    const deskRows = summary.slice(headerAt + 1).filter((r) => /^A\d\d$/.test(String(r[1])));

    // The CLI's CSV on the same panel result.
    const plain = await channel('bureau:open-bundle')({
      profileId,
      passphrase: PASS,
      bytes: panel,
    });
    await writeFile(join(dir, 'panel-plain.jbx'), plain.bytes);
    await writeFile(join(dir, 'desk.jbx'), signed.bytes);
    const out = join(dir, 'summary.csv');
    const cli = await run(
      'export',
      '--csv',
      out,
      '--package',
      join(dir, 'desk.jbx'),
      join(dir, 'panel-plain.jbx'),
    );
    expect(cli.code).toBe(0);
    const text = (await readFile(out, 'utf8')).replace(/^\uFEFF/, '');
    expect(text).not.toMatch(/\(\d+\.\d\d\)/);
    const [csvHead = [], ...csvRows] = Papa.parse<string[]>(text.trim()).data;
    expect(csvHead).toEqual(deskHead);
    expect(csvRows).toHaveLength(deskRows.length);
    // Cell by cell: a number in the workbook is the same number in the CSV (plain, two decimals
    // as Excel shows it); text is the same text.
    for (const [i, row] of deskRows.entries())
      for (const [j, cell] of row.slice(0, csvHead.length).entries()) {
        const csvCell = csvRows[i]?.[j];
        if (typeof cell === 'number') expect(Number(csvCell)).toBe(cell);
        else expect(csvCell).toBe(cell ?? '');
      }
    const a01 = Object.fromEntries(csvHead.map((h, j) => [h, csvRows[0]?.[j]]));
    expect(a01).toMatchObject({
      揭榜方编号: 'A01',
      E03: '90.00',
      E07: '84.00',
      去极值去掉的分数: 'E03 90.00（最高分）、E07 84.00（最低分）',
      纸质转录: 'E05',
    });

    // 专家评分明细: E05's rows say 纸质转录 with the scan; the others 电子签名.
    const details = sheetOf('专家评分明细');
    const detailHead = details.find((r) => r[0] === '专家编号') ?? [];
    const col = (h: string) => detailHead.indexOf(h);
    const e05 = details.find((r) => r[0] === 'E05' && r[2] === 'A01') ?? [];
    expect(e05[col('来源')]).toBe('纸质转录');
    expect(e05[col('录入人')]).toBe('秘书 陈静');
    expect(String(e05[col('扫描件')])).toMatch(/^paper\/E05\.pdf SHA-256 [0-9a-f]{64}$/);
    const e01 = details.find((r) => r[0] === 'E01' && r[2] === 'A01') ?? [];
    expect(e01[col('来源')]).toBe('电子签名');
  });
});
