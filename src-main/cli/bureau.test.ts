/**
 * The bureau's command-line flow (issue 17), end to end through the commands as a bureau runs
 * them: the sample's lists (resources/templates/sample/*.xlsx) → package new → lint → sign →
 * the expert's import; bad workbooks named cell by cell with nothing written; ingest of a panel
 * bundle and the refusal of one for another bureau's package; the Excel export read back by
 * openpyxl; the calendar issued and accepted from the pinned key only; the key rotated.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkImport, emptyTrust, openBundle } from '../../src-shared/bundle';
import { tablesFromPackage } from '../../src-shared/bureau';
import {
  fingerprint,
  generateSigningKey,
  publicKeyToPem,
  secretKeyToPem,
} from '../../src-shared/crypto/keys';
import { readJson } from '../../src-shared/io';
import { ReviewPackageSchema } from '../../src-shared/model';
import { SAMPLE_SHEETS, samplePanelBundle } from '../../test/fixtures/panel';
import { unclearReasons } from '../../test/helpers/clear-error';
import { nodeCrypto } from '../crypto/node-crypto';
import { runForTest } from './run-for-test';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';
const KEY = 'resources/sample/keys/bureau-signing.key';
const PUB = 'resources/sample/keys/bureau-signing.pub';
const AGE = 'resources/sample/keys/bureau.agekey';
const SAMPLE = 'resources/sample/review-package.json';
const SHEETS = SAMPLE_SHEETS;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jb-bureau-'));
});

const run = runForTest;
const at = (...parts: string[]) => join(dir, ...parts);
const json = async (path: string): Promise<unknown> => {
  const read = readJson(await readFile(path), path);
  if (!read.ok) throw new Error(read.message);
  return read.value;
};
const samplePackage = async () => ReviewPackageSchema.parse(await json(SAMPLE));

/** What a command told the user is a clear sentence (test/helpers/clear-error). */
function expectClear(err: string) {
  const message = err.replace(/^jiebang \S+: /, '');
  expect(unclearReasons(message), message).toEqual([]);
}

/** A copy of the sample's lists with one workbook changed as a user would change it in Excel. */
async function listsWith(
  name: string,
  change: (workbook: ExcelJS.Workbook) => void,
): Promise<string> {
  const folder = await mkdtemp(join(dir, 'lists-'));
  for (const file of await readdir(LISTS)) await copyFile(join(LISTS, file), join(folder, file));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(join(LISTS, name))).buffer);
  change(workbook);
  await writeFile(join(folder, name), new Uint8Array(await workbook.xlsx.writeBuffer()));
  return folder;
}

const sheetNamed = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

// Signing renders the notice PDF (fonts) and, with a passphrase, runs age's scrypt: slow on a busy machine.
describe('jiebang package new | lint | sign', { timeout: 120_000 }, () => {
  it('makes the sample package from the sample’s workbooks, which check accepts, signed so the expert’s import opens it', async () => {
    const made = await run(
      'package',
      'new',
      LISTS,
      '--attachments',
      ATTACHMENTS,
      '-o',
      at('rp.json'),
    );
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain('KLMY-2026-JB-001：揭榜方 4 家，专家 7 名，评分项 4 项，附件 5 个');
    expect(ReviewPackageSchema.parse(await json(at('rp.json')))).toEqual(await samplePackage());

    const checked = await run('check', at('rp.json'));
    expect(checked.out).toContain('✓ 格式与规则校验通过，无问题');
    const linted = await run('package', 'lint', at('rp.json'));
    expect(linted.code).toBe(0);
    expect(linted.out).toContain('✓ 办法各条规则校验通过，无问题');

    await writeFile(at('pass.txt'), '纸质口令 2026\n');
    const signed = await run(
      'package',
      'sign',
      at('rp.json'),
      '--key',
      KEY,
      '--attachments',
      ATTACHMENTS,
      '--passphrase-file',
      at('pass.txt'),
      '-o',
      at('rp.jbx'),
      '--data',
      at('data'),
    );
    // A new data folder: the key's count starts at 1, and the command says what that means.
    expect(signed.err).toBe(
      `! 签名计数从 1 开始：数据目录 ${at('data')} 中没有此签名密钥的计数记录。已导入过此密钥所签文件包的接收方会把计数 1 视为「疑似重放的旧文件」而拒收；如此密钥此前签过文件包（在别的电脑或别的数据目录），请用 --counter 给出大于上次所用的计数重新签名\n`,
    );
    expect(signed.code).toBe(0);
    expect(signed.out).toContain('市科技局签名密钥指纹：9955 e4cd 08fa 8007 f34e f507 cff6 6106');
    expect(signed.out).toContain('解密口令　　　　　　：纸质口令 2026');
    const notice = execFileSync('pdftotext', [at('rp-notice.pdf'), '-'], { encoding: 'utf8' });
    expect(notice).toContain('9955 e4cd 08fa 8007 f34e f507 cff6 6106');
    expect(notice).toContain('KLMY-2026-JB-001');
    expect(notice).toContain('纸质口令 2026');

    // The expert's import: the passphrase from the notice opens it, and the import policy of a
    // fresh installation takes it (pinning the bureau key shown on the notice).
    const bytes = new Uint8Array(await readFile(at('rp.jbx')));
    expect((await openBundle(bytes, { crypto: nodeCrypto })).ok).toBe(false);
    const opened = await openBundle(bytes, {
      crypto: nodeCrypto,
      keys: [{ passphrase: '纸质口令 2026' }],
    });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.bundle.kind).toBe('review-package');
    const signer = opened.bundle.manifest.signers[0].fingerprint;
    expect(signer.startsWith('9955e4cd08fa8007f34ef507cff66106')).toBe(true);
    expect(checkImport(opened.bundle, emptyTrust())).toMatchObject({
      action: 'import',
      pinBureau: signer,
    });
  });

  it('makes a passphrase when asked, and refuses a key other than the one the data folder pinned', async () => {
    await run('package', 'new', LISTS, '--attachments', ATTACHMENTS, '-o', at('rp2.json'));
    const made = await run(
      'package',
      'sign',
      at('rp2.json'),
      '--key',
      KEY,
      '--attachments',
      ATTACHMENTS,
      '--new-passphrase',
      '-o',
      at('rp2.jbx'),
      '--data',
      at('data2'),
    );
    const phrase = /解密口令\u3000+：([a-z2-9-]+)/.exec(made.out)?.[1] ?? '';
    expect(phrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
    const opened = await openBundle(new Uint8Array(await readFile(at('rp2.jbx'))), {
      crypto: nodeCrypto,
      keys: [{ passphrase: phrase }],
    });
    expect(opened.ok).toBe(true);
    const other = generateSigningKey();
    await writeFile(at('other.key'), secretKeyToPem(other.secretKey));
    const refused = await run(
      'package',
      'sign',
      at('rp2.json'),
      '--key',
      at('other.key'),
      '--attachments',
      ATTACHMENTS,
      '-o',
      at('rp3.jbx'),
      '--data',
      at('data2'),
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('固定的市科技局密钥是 9955 e4cd');
    expectClear(refused.err);
  });

  it('names a merged header, a duplicate applicant id and an equity link (第十条), and writes nothing', async () => {
    const merged = await listsWith('applicants.xlsx', (wb) =>
      sheetNamed(wb, '揭榜方').mergeCells('A1:B1'),
    );
    const duplicate = await listsWith('applicants.xlsx', (wb) => {
      sheetNamed(wb, '揭榜方').getCell('A4').value = 'A02';
    });
    const equity = await listsWith('applicants.xlsx', (wb) => {
      sheetNamed(wb, '揭榜方').getCell('E4').value = '股权关系';
    });
    const cases: [string, string][] = [
      [
        merged,
        'applicants.xlsx 工作表「揭榜方」 第 1 行：表头 A1:B1 为合并单元格，每列须有自己的表头，请取消合并后重新保存',
      ],
      [
        duplicate,
        'applicants.xlsx 工作表「揭榜方」 第 4 行 A 列「揭榜方编号」：揭榜方编号 A02 与第 3 行重复',
      ],
      [
        equity,
        'applicants.xlsx 工作表「揭榜方」 第 4 行 E 列「与发榜方关系（第十条）」：“准噶尔能源技术有限公司（示例）”申报了与发榜方的股权关系，发榜方与揭榜方不得存在隶属或股权等关联关系（第十条）',
      ],
    ];
    for (const [folder, problem] of cases) {
      const out = join(folder, 'out.json');
      const r = await run('package', 'new', folder, '--attachments', ATTACHMENTS, '-o', out);
      expect(r.code).toBe(2);
      expect(r.err).toContain(problem);
      expect(r.err).toContain('未写入任何文件');
      expectClear(r.err);
      await expect(readFile(out)).rejects.toThrow();
      const lint = await run('package', 'lint', folder, '--attachments', ATTACHMENTS);
      expect(lint.code).toBe(1);
      expect(lint.out).toContain(problem);
    }
  });

  it('reads the same lists as CSV in GB18030 (Excel and WPS on Chinese Windows)', async () => {
    const folder = await mkdtemp(join(dir, 'csv-'));
    for (const t of tablesFromPackage(await samplePackage())) {
      const csv = t.rows
        .map((r) => r.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(','))
        .join('\r\n');
      const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csv });
      await writeFile(join(folder, `${t.spec.sheet}.csv`), gb);
    }
    const r = await run(
      'package',
      'new',
      folder,
      '--attachments',
      ATTACHMENTS,
      '-o',
      join(folder, 'rp.json'),
    );
    expect(r.err).toBe('');
    expect(ReviewPackageSchema.parse(await json(join(folder, 'rp.json')))).toEqual(
      await samplePackage(),
    );
  });

  it('refuses an old .xls and a file that is not a workbook, by name', async () => {
    const folder = await mkdtemp(join(dir, 'bad-'));
    await writeFile(
      join(folder, 'demand.xls'),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
    );
    await writeFile(join(folder, 'panel.xlsx'), 'not a workbook');
    const r = await run('package', 'new', folder, '-o', join(folder, 'rp.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('工作簿 demand.xls 是旧版 Excel 97-2003 格式（.xls）');
    // What it is, by its bytes (src-shared/io/sniff.ts), and what to do.
    expect(r.err).toContain(
      'panel.xlsx 是文字文件（如 CSV 或 JSON），扩展名却是 .xlsx：它若是 CSV，请把扩展名改为 .csv 后重新选择',
    );
    expectClear(r.err);
  });
});

/** A panel bundle as the chair's desk signs it, answering the review package `manifest`. */
const panelBundle = samplePanelBundle;

const IngestJson = z.array(
  z.object({
    ok: z.boolean(),
    reason: z.string().optional(),
    duplicate: z.boolean().optional(),
    record: z.string().optional(),
    ranking: z
      .array(
        z.object({
          applicantId: z.string(),
          rank: z.number().nullable(),
          score: z.string().nullable(),
        }),
      )
      .optional(),
  }),
);

describe('jiebang ingest', { timeout: 120_000 }, () => {
  it('takes back a panel bundle for a package this bureau signed: the ranking the sheets give, the decision, one record per round', async () => {
    const data = at('ingest-data');
    await run('package', 'new', LISTS, '--attachments', ATTACHMENTS, '-o', at('in.json'));
    await run(
      'package',
      'sign',
      at('in.json'),
      '--key',
      KEY,
      '--attachments',
      ATTACHMENTS,
      '-o',
      at('in.jbx'),
      '--data',
      data,
    );
    const opened = await openBundle(new Uint8Array(await readFile(at('in.jbx'))), {
      crypto: nodeCrypto,
    });
    if (!opened.ok || opened.bundle.kind !== 'review-package') throw new Error('package');
    await writeFile(
      at('panel.jbx'),
      await panelBundle(opened.bundle.document, opened.bundle.manifestSha256),
    );

    const r = await run('ingest', at('panel.jbx'), '--identity', AGE, '--data', data);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导入');
    expect(r.out).toMatch(/1\s+新疆水处理技术研究院（示例）\s+88\.00\s+86\.00\s+\(90\.00\)/);
    expect(r.out).toContain(
      '揭榜方建议名单：A01 新疆水处理技术研究院（示例）、A02 西部石油大学（示例）牵头联合体（赛马制',
    );
    expect(r.out).toContain('核定项目经费总额 800 万元');
    expect(r.out).toContain('✓ 规则校验通过，无问题');

    // The same ranking as jiebang score on the same sheets.
    const viaJson = IngestJson.parse(
      JSON.parse(
        (await run('ingest', at('panel.jbx'), '--identity', AGE, '--data', data, '--json')).out,
      ),
    );
    const score = z
      .object({
        ranking: z.array(
          z.object({
            applicantId: z.string(),
            rank: z.number().nullable(),
            final: z.string().nullable(),
          }),
        ),
      })
      .parse(JSON.parse((await run('score', '--package', SAMPLE, ...SHEETS, '--json')).out));
    expect(viaJson[0]?.duplicate).toBe(true);
    expect(viaJson[0]?.ranking?.map((x) => [x.applicantId, x.rank, x.score])).toEqual(
      score.ranking.map((x) => [x.applicantId, x.rank, x.final]),
    );
    const record = z
      .object({ packageId: z.string(), ok: z.boolean(), sheets: z.array(z.unknown()) })
      .parse(await json(join(data, 'rounds', 'KLMY-2026-JB-001.json')));
    expect(record).toMatchObject({ packageId: 'KLMY-2026-JB-001', ok: true });
    expect(record.sheets).toHaveLength(7);
  });

  it('refuses signing a package id the folder already issued, as the desk does (packageIdIssued): the round’s stage named, a new id suggested, nothing written; the panel’s result is still this bureau’s', async () => {
    const data = at('reissue-data');
    await run('package', 'new', LISTS, '--attachments', ATTACHMENTS, '-o', at('re.json'));
    const sign = (out: string) =>
      run(
        'package',
        'sign',
        at('re.json'),
        '--key',
        KEY,
        '--attachments',
        ATTACHMENTS,
        '-o',
        at(out),
        '--data',
        data,
      );
    expect((await sign('re.jbx')).code).toBe(0);
    const opened = await openBundle(new Uint8Array(await readFile(at('re.jbx'))), {
      crypto: nodeCrypto,
    });
    if (!opened.ok || opened.bundle.kind !== 'review-package') throw new Error('package');
    await writeFile(
      at('re-panel.jbx'),
      await panelBundle(opened.bundle.document, opened.bundle.manifestSha256),
    );
    expect((await run('ingest', at('re-panel.jbx'), '--identity', AGE, '--data', data)).code).toBe(
      0,
    );
    const record = await readFile(join(data, 'rounds', 'KLMY-2026-JB-001.json'), 'utf8');
    const trust = await readFile(join(data, 'trust.json'), 'utf8');

    const again = await sign('re-again.jbx');
    expect(again.code).toBe(2);
    expect(again.err).toContain(
      '评审包编号 KLMY-2026-JB-001 已签发过，该评审轮次评审结果已导入，未签名：同一编号只签发一次，已发出的评审包及其评审结果、审定与公示保持不变。如需签发新的评审包，请在「榜单」表的「评审包编号」中改用新的编号（如 KLMY-2026-JB-002）后再签发',
    );
    expectClear(again.err);
    // Nothing written: one package kept, the round's record and the counters as they were.
    expect(await readdir(join(data, 'packages', 'KLMY-2026-JB-001'))).toEqual([
      `${opened.bundle.manifestSha256}.jbx`,
    ]);
    expect(await readFile(join(data, 'rounds', 'KLMY-2026-JB-001.json'), 'utf8')).toBe(record);
    expect(await readFile(join(data, 'trust.json'), 'utf8')).toBe(trust);
    await expect(readFile(at('re-again.jbx'))).rejects.toThrow();
    const retaken = await run('ingest', at('re-panel.jbx'), '--identity', AGE, '--data', data);
    expect(retaken.code).toBe(0);
    expect(retaken.out).not.toContain('不是本局签发的');
  });

  it('refuses a panel bundle for another bureau’s package, and writes nothing', async () => {
    const data = at('ingest-other');
    await run('package', 'new', LISTS, '--attachments', ATTACHMENTS, '-o', at('o.json'));
    await run(
      'package',
      'sign',
      at('o.json'),
      '--key',
      KEY,
      '--attachments',
      ATTACHMENTS,
      '-o',
      at('o.jbx'),
      '--data',
      data,
    );
    // Another bureau signed the same package with its own key; its panel answers that package.
    const other = generateSigningKey();
    await writeFile(at('other-bureau.key'), secretKeyToPem(other.secretKey));
    await run(
      'package',
      'sign',
      at('o.json'),
      '--key',
      at('other-bureau.key'),
      '--attachments',
      ATTACHMENTS,
      '-o',
      at('other.jbx'),
      '--data',
      at('other-data'),
    );
    const opened = await openBundle(new Uint8Array(await readFile(at('other.jbx'))), {
      crypto: nodeCrypto,
    });
    if (!opened.ok || opened.bundle.kind !== 'review-package') throw new Error('package');
    await writeFile(
      at('other-panel.jbx'),
      await panelBundle(opened.bundle.document, opened.bundle.manifestSha256),
    );
    const r = await run('ingest', at('other-panel.jbx'), '--identity', AGE, '--data', data);
    expect(r.code).toBe(1);
    expect(r.out).toContain('回应的评审包不是本局签发的');
    expectClear(r.out);
    await expect(readdir(join(data, 'rounds'))).rejects.toThrow();
    // Given as --package, the other bureau's package is refused by its key.
    const given = await run(
      'ingest',
      at('other-panel.jbx'),
      '--identity',
      AGE,
      '--data',
      data,
      '--package',
      at('other.jbx'),
    );
    expect(given.code).toBe(2);
    expect(given.err).toContain('不是本局密钥签发的');
    expectClear(given.err);
  });
});

const XlsxDump = z.record(
  z.string(),
  z.object({
    freeze: z.string().nullable(),
    rows: z.array(
      z.array(z.object({ v: z.union([z.string(), z.number(), z.null()]), f: z.string() })),
    ),
  }),
);

/** The workbook as openpyxl (not the writer) reads it: every cell's value and number format. */
function readBackWithOpenpyxl(path: string) {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = {"freeze": ws.freeze_panes, "rows": [[{"v": c.value, "f": c.number_format} for c in row] for row in ws.iter_rows()]}
print(json.dumps(out, ensure_ascii=False))
`;
  return XlsxDump.parse(
    JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })),
  );
}

describe('jiebang export', { timeout: 60_000 }, () => {
  it('writes the 评分汇总表 that openpyxl reads back with exactly the figures jiebang score prints, and three cells computed by hand', async () => {
    const r = await run(
      'export',
      '--xlsx',
      at('summary.xlsx'),
      '--package',
      SAMPLE,
      ...SHEETS,
      '--decision',
      'resources/sample/decision.json',
    );
    expect(r.err).toBe('');
    const book = readBackWithOpenpyxl(at('summary.xlsx'));
    const summary = book['评分汇总表'];
    if (!summary) throw new Error('no 评分汇总表');
    expect(summary.freeze).toBe('A4');
    const header = summary.rows[2]?.map((c) => c.v) ?? [];
    const col = (name: string) =>
      header.findIndex((h) => typeof h === 'string' && h.startsWith(name));
    const rowOf = (id: string) =>
      summary.rows.find((row) => row[col('揭榜方编号')]?.v === id) ?? [];
    const score = z
      .object({
        ranking: z.array(
          z.object({
            applicantId: z.string(),
            rank: z.number().nullable(),
            mean: z.string().nullable(),
            trimmedMean: z.string().nullable(),
            median: z.string().nullable(),
            spread: z.string().nullable(),
            validSheets: z.number(),
            criterionMeans: z.record(z.string(), z.string()),
            experts: z.array(
              z.object({ expertId: z.string(), total: z.string(), dropped: z.string().nullable() }),
            ),
          }),
        ),
      })
      .parse(JSON.parse((await run('score', '--package', SAMPLE, ...SHEETS, '--json')).out));
    for (const a of score.ranking) {
      const row = rowOf(a.applicantId);
      const num = (name: string) => row[col(name)]?.v;
      expect(num('名次')).toBe(a.rank);
      expect(num('平均')).toBe(Number(a.mean));
      expect(num('去极值平均')).toBe(Number(a.trimmedMean));
      expect(num('中位数')).toBe(Number(a.median));
      expect(num('极差')).toBe(Number(a.spread));
      expect(num('有效')).toBe(a.validSheets);
      for (const [c, v] of Object.entries(a.criterionMeans))
        expect(num(`${c}均分`)).toBe(Number(v));
      for (const e of a.experts) {
        const cell = row[col(`${e.expertId} `)];
        expect(cell?.v).toBe(Number(e.total));
        expect(cell?.f.startsWith(e.dropped ? '(0.00)' : '0.00')).toBe(true);
      }
    }
    // By hand: A04's mean (72+70+75+40+71+73+69)/7 = 67.142… → 67.14; A03's mean without E05,
    // who recused: (85+84+86+83+87+82)/6 = 84.50; E04's 40 on A04 dropped as the lowest and
    // deviating from the others' mean (71.67) by −31.67: shown (40.00)!.
    expect(rowOf('A04')[col('平均')]).toEqual({ v: 67.14, f: '0.00' });
    expect(rowOf('A03')[col('平均')]).toEqual({ v: 84.5, f: '0.00' });
    expect(rowOf('A03')[col('E05 ')]?.v).toBe('回避');
    expect(rowOf('A04')[col('E04 ')]).toEqual({ v: 40, f: '(0.00)"!"' });

    const decision = book['专家组意见与核定经费'];
    const funding = decision?.rows.find((row) => row[0]?.v === 'A01');
    expect(funding?.[5]).toEqual({ v: 400, f: '#,##0.00####' });
    expect(book['专家评分明细']?.rows[1]?.map((c) => c.v)).toContain(
      'C2 揭榜方案可行性（满分 40）',
    );
  });

  it('writes the same table as CSV in UTF-8 with a BOM, and refuses a bad sheet writing nothing', async () => {
    await run('export', '--csv', at('summary.csv'), '--package', SAMPLE, ...SHEETS);
    const bytes = await readFile(at('summary.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('名次,揭榜方编号,揭榜方,E01,E02');
    // Numbers plain, as the workbook holds them: a dropped score is no (75.00) (read as −75).
    expect(text).toContain('4,A04,天山新材料研究所（示例）,72.00,70.00,75.00,40.00,');
    expect(text).toContain('E03 75.00（最高分）、E04 40.00（最低分）');
    const bad = await run(
      'export',
      '--xlsx',
      at('bad.xlsx'),
      '--package',
      SAMPLE,
      'test/fixtures/cases/sheets/E02-out-of-range.json',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('“揭榜方资质条件”的分值应在 0 至 20 分之间');
    await expect(readFile(at('bad.xlsx'))).rejects.toThrow();
  });

  it('exports from a panel bundle: its sheets and its decision', async () => {
    const pkgBundle = 'resources/sample/review-package.jbx';
    const opened = await openBundle(new Uint8Array(await readFile(pkgBundle)), {
      crypto: nodeCrypto,
    });
    if (!opened.ok || opened.bundle.kind !== 'review-package') throw new Error('package');
    await writeFile(
      at('sample-panel.jbx'),
      await panelBundle(opened.bundle.document, opened.bundle.manifestSha256),
    );
    const r = await run(
      'export',
      '--xlsx',
      at('panel.xlsx'),
      '--package',
      pkgBundle,
      at('sample-panel.jbx'),
      '--identity',
      AGE,
    );
    expect(r.err).toBe('');
    expect(r.out).toContain('专家组意见与核定经费');
    expect(Object.keys(readBackWithOpenpyxl(at('panel.xlsx')))).toEqual([
      '评分汇总表',
      '专家评分明细',
      '专家组意见与核定经费',
    ]);
  });
});

describe('jiebang calendar and key rotate', () => {
  const FIXTURE = 'test/fixtures/calendar/2028-test.json';

  it('reads a date on the command line as the forms read it: 2026年9月30日, full-width digits; 09/30/2026 refused by name', async () => {
    const iso = await run('calendar', 'publicity', '2026-09-30', '--data', at('cal-dates'));
    expect(iso.code).toBe(0);
    for (const typed of ['2026年9月30日', '２０２６／０９／３０']) {
      const r = await run('calendar', 'publicity', typed, '--data', at('cal-dates'));
      expect({ typed, out: r.out, code: r.code }).toEqual({ typed, out: iso.out, code: 0 });
    }
    const monthFirst = await run('calendar', 'publicity', '09/30/2026', '--data', at('cal-dates'));
    expect(monthFirst.code).toBe(2);
    expect(monthFirst.err).toContain('开始日期：“09/30/2026”不是日期');
  });

  it('signs a calendar for a year the app lacks; with it the publicity window counts the make-up day, without it 2028 is refused', async () => {
    const data = at('cal-bureau');
    const signed = await run(
      'calendar',
      'sign',
      FIXTURE,
      '--key',
      KEY,
      '-o',
      at('cal-2028.jbx'),
      '--data',
      data,
    );
    expect(signed.err).toContain('! 签名计数从 1 开始：数据目录');
    expect(signed.out).toContain('注意：测试数据，不是国务院办公厅的通知');
    const before = await run('calendar', 'publicity', '2028-01-20', '--data', at('cal-empty'));
    expect(before.code).toBe(2);
    expect(before.err).toContain('日历数据不含 2028 年的法定节假日安排，无法计算工作日');
    expectClear(before.err);
    // An expert's or another installation's CLI: the flag, with the bureau key it trusts.
    const viaFlag = await run(
      'calendar',
      'publicity',
      '2028-01-20',
      '--calendar',
      at('cal-2028.jbx'),
      '--bureau-key',
      PUB,
      '--data',
      at('cal-empty'),
    );
    expect(viaFlag.out).toContain(
      '公示期（5 个工作日，第十二条（六））：2028年1月20日至2028年2月2日',
    );
    expect(viaFlag.out).toContain('2028年1月22日（周六调休上班）');
    expect(viaFlag.out).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // …or its data folder, once imported.
    const imported = await run(
      'calendar',
      'import',
      at('cal-2028.jbx'),
      '--bureau-key',
      PUB,
      '--data',
      at('cal-expert'),
    );
    expect(imported.out).toContain('✓ 已导入 cal-2028.jbx');
    const viaFolder = await run('calendar', 'publicity', '2028-01-20', '--data', at('cal-expert'));
    expect(viaFolder.out).toContain('至2028年2月2日');
    expect((await run('calendar', 'show', '--data', at('cal-expert'))).out).toContain(
      '2028 年：可计算工作日；放假 30 天，调休上班 6 天；市科技局签发（测试数据）',
    );
  });

  it('refuses a calendar signed by another key, and one with nothing pinned', async () => {
    const other = generateSigningKey();
    await writeFile(at('other-cal.key'), secretKeyToPem(other.secretKey));
    await run(
      'calendar',
      'sign',
      FIXTURE,
      '--key',
      at('other-cal.key'),
      '-o',
      at('cal-other.jbx'),
      '--data',
      at('cal-other-bureau'),
    );
    const refused = await run(
      'calendar',
      'import',
      at('cal-other.jbx'),
      '--bureau-key',
      PUB,
      '--data',
      at('cal-refuse'),
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('市科技局签名密钥与首次导入时固定的密钥不一致');
    expectClear(refused.err);
    const unpinned = await run(
      'calendar',
      'import',
      at('cal-other.jbx'),
      '--data',
      at('cal-unpinned'),
    );
    expect(unpinned.err).toContain('本机尚未固定市科技局签名密钥');
    await expect(readdir(at('cal-refuse'))).rejects.toThrow();
  });

  it('refuses a provisional year and a make-up day on a weekday, naming them', async () => {
    await writeFile(
      at('bad-cal.json'),
      JSON.stringify({
        formatVersion: 1,
        years: [
          {
            year: 2029,
            status: 'provisional',
            source: '草稿',
            holidays: ['2029-01-01'],
            workdays: ['2029-01-03'],
          },
        ],
      }),
    );
    const r = await run(
      'calendar',
      'sign',
      at('bad-cal.json'),
      '--key',
      KEY,
      '-o',
      at('bad-cal.jbx'),
      '--data',
      at('cal-bad'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('只签发依据国务院办公厅通知录入的正式日历');
    expect(r.err).toContain('调休上班日 2029-01-03 不是周六或周日');
    expectClear(r.err);
  });

  it('rotates the bureau key: signed by both, an installation pinned to the old key moves to the new, the bureau’s folder signs with the new key only', async () => {
    const data = at('rot-bureau');
    const old = generateSigningKey();
    const next = generateSigningKey();
    await mkdir(at('keys'), { recursive: true });
    await writeFile(at('keys', 'old.key'), secretKeyToPem(old.secretKey));
    await writeFile(at('keys', 'old.pub'), publicKeyToPem(old.publicKey));
    await writeFile(at('keys', 'new.key'), secretKeyToPem(next.secretKey));
    await run(
      'calendar',
      'sign',
      FIXTURE,
      '--key',
      at('keys', 'old.key'),
      '-o',
      at('rot-cal-old.jbx'),
      '--data',
      data,
    );
    const rotated = await run(
      'key',
      'rotate',
      '--old',
      at('keys', 'old.key'),
      '--new',
      at('keys', 'new.key'),
      '-o',
      at('rotation.jbx'),
      '--effective',
      '2027-01-01',
      '--data',
      data,
    );
    expect(rotated.err).toBe('');
    expect(rotated.out).toMatch(/生效日期\s*：2027年1月1日\n/);
    expect(rotated.out).not.toMatch(/\b(signed|old|new):/);
    const verified = await run('verify', at('rotation.jbx'));
    expect(verified.out).toContain('✓ 签名：Ed25519 签名有效（2 名签名者）');
    const rotation = await openBundle(new Uint8Array(await readFile(at('rotation.jbx'))), {
      crypto: nodeCrypto,
    });
    if (!rotation.ok) throw new Error(rotation.error.message);
    expect(
      checkImport(rotation.bundle, {
        ...emptyTrust(),
        bureauFingerprint: fingerprint(old.publicKey),
      }),
    ).toMatchObject({
      action: 'import',
      rotateBureau: { from: fingerprint(old.publicKey), to: fingerprint(next.publicKey) },
    });
    // The bureau's own folder now signs with the new key only.
    const stale = await run(
      'calendar',
      'sign',
      FIXTURE,
      '--key',
      at('keys', 'old.key'),
      '-o',
      at('x.jbx'),
      '--data',
      data,
    );
    expect(stale.code).toBe(2);
    const fresh = await run(
      'calendar',
      'sign',
      FIXTURE,
      '--key',
      at('keys', 'new.key'),
      '-o',
      at('rot-cal-new.jbx'),
      '--data',
      data,
    );
    expect(fresh.code).toBe(0);
  });
});
