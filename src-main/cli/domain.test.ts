import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReviewPackageSchema, type ReviewPackage } from '../../src-shared/model';
import { runForTest } from './run-for-test';

const run = runForTest;

const PKG = 'resources/sample/review-package.json';
const SHEETS = ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'].map(
  (e) => `resources/sample/sheets/${e}.json`,
);

/** The sample package changed by `edit`, written to a new temporary file; its path. */
async function editedPackage(edit: (pkg: ReviewPackage) => void): Promise<string> {
  const pkg = ReviewPackageSchema.parse(JSON.parse(await readFile(PKG, 'utf8')));
  edit(pkg);
  const path = join(await mkdtemp(join(tmpdir(), 'jb-check-')), 'package.json');
  await writeFile(path, JSON.stringify(pkg));
  return path;
}

describe('jiebang check', () => {
  it('passes the sample package', async () => {
    const r = await run('check', PKG);
    expect(r.code).toBe(0);
    expect(r.out).toContain('评审包\n');
    expect(r.out).toContain('✓ 格式与规则校验通过');
  });
  it('names the document in Chinese only; --json keeps the kind as the machine reads it', async () => {
    const r = await run('check', PKG);
    expect(r.out.split('\n')[0]).toBe(`${PKG}：评审包`);
    expect(r.out.replace(PKG, '')).not.toContain('review-package');
    const j = await run('check', PKG, '--json');
    expect(j.code).toBe(0);
    expect(z.object({ kind: z.string() }).parse(JSON.parse(j.out)).kind).toBe('review-package');
  });

  it('prints blocking findings with their article and exits 1', async () => {
    const bad = await editedPackage((pkg) => {
      pkg.demand.cityFunding = '1200';
      const consortium = pkg.applicants[1];
      if (consortium) consortium.cooperationAgreementId = undefined;
    });
    const r = await run('check', bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain('超过单个项目最高资助额 1,000 万元（第十三条（二））');
    expect(r.out).toContain('超过合同金额');
    expect(r.out).toContain('应签订合作协议并随申报材料提交（第十二条（四））');
    const json = await run('check', bad, '--json');
    const parsed = JSON.parse(json.out);
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((f: { article: string }) => f.article)).toContain('第十三条（二）');
  });

  it('says a score sheet’s fault in the screens’ words: the cell named, no rule code or path (those stay in --json)', async () => {
    const raw = z
      .object({
        scores: z.array(
          z.looseObject({ criteria: z.array(z.looseObject({ points: z.number() })) }),
        ),
      })
      .loose()
      .parse(JSON.parse(await readFile('resources/sample/sheets/E01.json', 'utf8')));
    const cell = raw.scores[0]?.criteria[0];
    if (!cell) throw new Error('sample sheet');
    cell.points = 99;
    const path = join(await mkdtemp(join(tmpdir(), 'jb-check-sheet-')), 'E01.json');
    await writeFile(path, JSON.stringify(raw));
    const r = await run('check', path, '--package', PKG);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toContain(
      '✗ 阻断  专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 99）（第十二条（五））',
    );
    expect(r.out).not.toMatch(/sheet\.points|scores\.A01|\[|@/);
    const json = z
      .object({ findings: z.array(z.object({ rule: z.string(), path: z.array(z.string()) })) })
      .parse(JSON.parse((await run('check', path, '--package', PKG, '--json')).out));
    expect(json.findings).toContainEqual({ rule: 'sheet.points', path: ['scores', 'A01', 'C1'] });
  });

  it('a task book refused for its format: the rules on the rest in the same words, no codes', async () => {
    const tb = z
      .record(z.string(), z.unknown())
      .parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
    const path = join(await mkdtemp(join(tmpdir(), 'jb-check-tb-')), 'taskbook.json');
    const [m1, ...rest] = z.array(z.record(z.string(), z.unknown())).parse(tb['milestones']);
    const funding = z.record(z.string(), z.unknown()).parse(tb['funding']);
    await writeFile(
      path,
      JSON.stringify({
        ...tb,
        milestones: [{ ...m1, due: '2027-02-30' }, ...rest],
        funding: { ...funding, city: '1200' },
      }),
    );
    const r = await run('check', path, '--package', PKG);
    expect(r.code).toBe(2);
    expect(r.err).toContain('里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期');
    expect(r.err).toContain('其余各项的规则校验：');
    expect(r.err).toContain(
      '  ✗ 阻断  市财政资助 1,200 万元 超过单个项目最高资助额 1,000 万元（第十三条（二））\n',
    );
    expect(r.err).not.toMatch(/funding\.|\[|@/);
  });

  it('reads a task book’s amounts as the editor does: full-width digits taken, a misplaced thousands separator said', async () => {
    const tb = z
      .record(z.string(), z.unknown())
      .parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
    const milestones = z.array(z.record(z.string(), z.unknown())).parse(tb['milestones']);
    const write = async (first: string, second: string) => {
      const path = join(await mkdtemp(join(tmpdir(), 'jb-check-tb-')), 'taskbook.json');
      const [m1, m2, ...rest] = milestones;
      await writeFile(
        path,
        JSON.stringify({
          ...tb,
          milestones: [{ ...m1, tranche: first }, { ...m2, tranche: second }, ...rest],
        }),
      );
      return path;
    };
    const [, m2] = milestones;
    const taken = await run('check', await write('２４０', '３２０．０'));
    expect(taken.out).not.toContain('拨付金额');
    expect(taken.out).not.toContain('金额须为');
    const refused = await run('check', await write('1,00', String(m2?.['tranche'])));
    expect(refused.code).not.toBe(0);
    expect(refused.out + refused.err).toContain(
      '“1,00”的千位分隔符位置不对：应每三位一个，如 1,000 或 12,500.5',
    );
  });

  it('validates a score sheet against its package', async () => {
    expect((await run('check', SHEETS[0] ?? '', '--package', PKG)).code).toBe(0);
    expect((await run('check', SHEETS[0] ?? '')).err).toContain('--package');
  });

  it('refuses a control character in a name (an ESC would recolour or rewrite the terminal), naming the field and the code point', async () => {
    const esc = await editedPackage((pkg) => {
      const a = pkg.applicants[0];
      if (a) a.name = '新疆水处理\u001b[32m技术研究院（示例）';
    });
    const r = await run('check', esc);
    expect(r.code).toBe(2);
    expect(r.err).toContain('揭榜方第 1 位 揭榜方名称：');
    expect(r.err).toContain('控制字符 U+001B');
    expect(r.out + r.err).not.toContain('\u001b[32m');
  });

  it('says a draft sheet counts nowhere, as score and the chair refuse it (check once passed it silently)', async () => {
    const sheet = JSON.parse(await readFile(SHEETS[1] ?? '', 'utf8'));
    const dir = await mkdtemp(join(tmpdir(), 'jb-check-'));
    const draft = join(dir, 'E02-draft.json');
    await writeFile(draft, JSON.stringify({ ...sheet, status: 'draft' }));
    const r = await run('check', draft, '--package', PKG);
    expect(r.out).toContain(
      '! 提示  专家 E02 的评分表尚未提交（草稿），组长导入和汇总时不予计入（第十二条（五））',
    );
    expect((await run('score', '--package', PKG, draft)).err).toContain('评分表尚未提交');
  });

  it('refuses a package naming an expert twice, by field (two experts E06 once passed)', async () => {
    const twice = await editedPackage((pkg) => {
      const e = pkg.panel.experts[6];
      if (e) e.id = 'E06';
    });
    const r = await run('check', twice);
    expect(r.code).toBe(2);
    expect(r.err).toContain('专家组 专家第 7 位：专家编号中 E06 出现 2 次');
    expect(r.err).toContain('专家编号中 E06 出现 2 次');
  });

  it('tells a sheet that lost its expertId as a 评分表 and names the field, as score does', async () => {
    const sheet: unknown = JSON.parse(await readFile(SHEETS[0] ?? '', 'utf8'));
    const lost = z.record(z.string(), z.unknown()).parse(sheet);
    delete lost['expertId'];
    const path = join(await mkdtemp(join(tmpdir(), 'jb-check-')), 'E01.json');
    await writeFile(path, JSON.stringify(lost));
    const checked = await run('check', path);
    const scored = await run('score', '--package', PKG, path);
    expect(checked.code).toBe(2);
    expect(scored.code).toBe(2);
    expect(checked.err).toContain('评分表格式错误');
    expect(checked.err).not.toContain('无法识别的文档');
    const field = '专家编号：缺少此项（必填）';
    expect(checked.err).toContain(field);
    expect(scored.err).toContain(field);
  });

  it('refuses unreadable or unknown input with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-check-'));
    await writeFile(join(dir, 'x.json'), '{"hello": 1}');
    await writeFile(join(dir, 'y.json'), '{oops');
    expect((await run('check', join(dir, 'x.json'))).code).toBe(2);
    expect((await run('check', join(dir, 'x.json'))).err).toContain('无法识别的文档');
    expect((await run('check', join(dir, 'y.json'))).err).toContain('不是有效的 JSON');
    expect((await run('check', join(dir, 'missing.json'))).err).toContain('找不到 ');
  });
});

describe('jiebang score', () => {
  it('prints the ranking table with every figure, dropped scores, deviations and the horse race', async () => {
    const r = await run('score', '--package', PKG, ...SHEETS);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\s+新疆水处理技术研究院（示例）\s+88\.00\s+86\.00\s+\(90\.00\)/);
    expect(r.out).toContain('回避');
    expect(r.out).toContain('(40.00)!');
    expect(r.out).toContain('赛马制建议（第十二条（五））：A01、A02');
  });

  it('gives the same figures from the CSV typed from paper sheets', async () => {
    const fromJson = JSON.parse((await run('score', '--package', PKG, ...SHEETS, '--json')).out);
    const fromCsv = JSON.parse(
      (await run('score', '--package', PKG, '--csv', 'resources/sample/paper-sheets.csv', '--json'))
        .out,
    );
    expect(fromCsv.ranking).toEqual(fromJson.ranking);
    const positional = JSON.parse(
      (await run('score', '--package', PKG, 'resources/sample/paper-sheets.csv', '--json')).out,
    );
    expect(positional.ranking).toEqual(fromJson.ranking);
    expect(fromJson.ranking[0]).toMatchObject({
      applicantId: 'A01',
      final: '87.00',
      trimmedMean: '87.00',
      validSheets: 7,
    });
    expect(fromJson.ranking[2]).toMatchObject({
      applicantId: 'A03',
      final: '84.50',
      recusedExpertIds: ['E05'],
    });
  });

  it('names each bad CSV row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-csv-'));
    await writeFile(
      join(dir, 'bad.csv'),
      '专家编号,揭榜方编号,回避类型,回避理由,C1,C2,C3,C4,总体意见,偏离理由\nE99,A01,,,1,2,3,4,x,\nE01,A01,,,abc,2,3,4,x,\n',
    );
    const r = await run('score', '--package', PKG, '--csv', join(dir, 'bad.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('第 2 行：专家编号“E99”不在专家名单中');
    expect(r.err).toContain(
      '第 3 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“abc”不是数字（只接受如 17 或 17.5 这样的十进制数）',
    );
  });
});

const CASES = 'test/fixtures/cases';

describe('the paper-sheet and sheet cases (../shared/cases), through jiebang score', () => {
  const score = (...files: string[]) => run('score', '--package', PKG, ...files);
  const json = async (...files: string[]) => JSON.parse((await score(...files, '--json')).out);

  it('csv/paper-sheets-gb18030.csv: GB18030 with CRLF, as Excel/WPS save it, reads as the UTF-8 CSV', async () => {
    expect((await json(`${CASES}/csv/paper-sheets-gb18030.csv`)).ranking).toEqual(
      (await json('resources/sample/paper-sheets.csv')).ranking,
    );
  });
  it('csv/out-of-range.csv and sheets/E02-out-of-range.json: refused, the cell named, no table', async () => {
    const csv = await score(`${CASES}/csv/out-of-range.csv`);
    expect(csv.code).toBe(2);
    expect(csv.out).toBe('');
    expect(csv.err).toContain(
      '第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“揭榜方资质条件”的分值应在 0 至 20 分之间',
    );
    const sheet = await score(`${CASES}/sheets/E02-out-of-range.json`, ...SHEETS.slice(2));
    expect(sheet.code).toBe(2);
    expect(sheet.out).toBe('');
    expect(sheet.err).toContain(
      `${CASES}/sheets/E02-out-of-range.json：专家 E02 · 揭榜方 A01 · 揭榜方资质条件（C1）：“揭榜方资质条件”的分值应在 0 至 20 分之间`,
    );
    expect(sheet.err).toContain('专家 E02 · 揭榜方 A03 · 经费合理性（C3）');
  });
  it('csv/off-step.csv: 17.3 on a step of 0.5 is refused, named', async () => {
    const r = await score(`${CASES}/csv/off-step.csv`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“揭榜方资质条件”的分值须为 0.5 分的整数倍',
    );
  });
  it('csv/hex-and-exponent.csv: only plain decimals are scores', async () => {
    const r = await score(`${CASES}/csv/hex-and-exponent.csv`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“0x11”不是数字',
    );
    expect(r.err).toContain(
      '第 3 行 · 专家 E01 · 揭榜方 A02 · 揭榜方资质条件（C1）：“1.7e1”不是数字',
    );
  });
  it('csv/all-recused-A03.csv: 无有效评分 — no figure, no rank', async () => {
    const text = await score(`${CASES}/csv/all-recused-A03.csv`);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /—\s+准噶尔能源技术有限公司（示例）(\s+回避){7}(\s+—){8}\s+0\*\s+无有效评分/,
    );
    expect(text.out).toContain('A03 无有效评分，不予排名');
    const a03 = (await json(`${CASES}/csv/all-recused-A03.csv`)).ranking.find(
      (r: { applicantId: string }) => r.applicantId === 'A03',
    );
    expect(a03).toMatchObject({ rank: null, final: null, mean: null, validSheets: 0 });
  });
  it('csv/one-valid-sheet-A03.csv: ranked on one sheet only with the word said', async () => {
    const r = await score(`${CASES}/csv/one-valid-sheet-A03.csv`);
    expect(r.out).toContain('* A03：仅有 1 份有效评分表，少于 5 份');
    expect(r.out).toContain('其中 A03 有效评分表 1 份，少于去极值所需的 5 份，按算术平均汇总');
    const a03 = (await json(`${CASES}/csv/one-valid-sheet-A03.csv`)).ranking.find(
      (x: { applicantId: string }) => x.applicantId === 'A03',
    );
    expect(a03).toMatchObject({ validSheets: 1, belowMinValidSheets: true, method: 'mean' });
  });
  it('refuses a CSV past its size bound before reading it (a million rows), and past the row cap', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-csv-'));
    const huge = join(dir, 'million.csv');
    const fh = await open(huge, 'w');
    await fh.truncate(60 * 1024 * 1024); // sparse: as large as a million rows, never read
    await fh.close();
    const big = await score(huge);
    expect(big.code).toBe(2);
    expect(big.err).toContain('过大（60 MiB），超过此类文件的上限 8 MiB，未读取');
    const long = join(dir, 'long.csv');
    await writeFile(
      long,
      [
        '专家编号,揭榜方编号,回避类型,回避理由,C1,C2,C3,C4,总体意见,偏离理由',
        ...Array.from({ length: 20_001 }, () => 'E01,A01,,,1,1,1,1,x,'),
      ].join('\n'),
    );
    const rows = await score(long);
    expect(rows.code).toBe(2);
    expect(rows.err).toContain('超过 20,000 行的上限');
    expect(rows.err.split('\n').length).toBeLessThan(5);
  });
  it('refuses a CSV that gives a column twice or has no rows, naming it, with no table (the library once kept one C1 and dropped the other)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-csv-'));
    const [header = '', ...rows] = (await readFile('resources/sample/paper-sheets.csv', 'utf8'))
      .trim()
      .split('\n');
    const twice = join(dir, 'twice.csv');
    await writeFile(twice, [`${header},C1`, ...rows.map((r) => `${r},0`)].join('\n'));
    const r = await score(twice);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('列“C1”出现 2 次（第 5、11 列），无法确定以哪一列为准');
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, `${header}\r\n`);
    const e = await score(empty, ...SHEETS);
    expect(e.code).toBe(2);
    expect(e.err).toContain('empty.csv');
    expect(e.err).toContain('没有评分行：只有表头（或只有空行）');
  });
  it('reads JSON with a UTF-8 BOM (as Notepad saves it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-bom-'));
    const bom = join(dir, 'E01.json');
    await writeFile(
      bom,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(SHEETS[0] ?? '')]),
    );
    const r = await score(bom, ...SHEETS.slice(1));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\s+新疆水处理技术研究院（示例）\s+88\.00/);
  });
});

const FindingsSchema = z.object({
  findings: z.array(z.object({ rule: z.string(), severity: z.string(), message: z.string() })),
});

describe('the decision cases (../shared/cases/decision), through jiebang check with their sheets', () => {
  const check = async (decision: string, ...extra: string[]) => {
    const r = await run('check', decision, '--package', PKG, ...SHEETS, ...extra, '--json');
    return {
      code: r.code,
      findings: FindingsSchema.parse(JSON.parse(r.out)).findings,
    };
  };
  const blocking = (fs: { rule: string; severity: string }[]) =>
    fs.filter((f) => f.severity === 'blocking').map((f) => f.rule);

  it('resources/sample/decision.json (written by make-sample) passes with the sample sheets', async () => {
    const r = await run('check', 'resources/sample/decision.json', '--package', PKG, ...SHEETS);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ 格式与规则校验通过，无问题');
  });
  it('decision/sample-ok.json passes', async () => {
    const r = await check(`${CASES}/decision/sample-ok.json`);
    expect(r.code).toBe(0);
    expect(blocking(r.findings)).toEqual([]);
  });
  it('decision/zero-funding.json is blocked for the 0 万元', async () => {
    const r = await check(`${CASES}/decision/zero-funding.json`);
    expect(r.code).toBe(1);
    expect(blocking(r.findings)).toEqual(['funding.perSolver']);
  });
  it('decision/far-apart-race.json: the closeness rule of 第十二条（五） fires', async () => {
    const r = await check(`${CASES}/decision/far-apart-race.json`);
    expect(r.code).toBe(1);
    expect(blocking(r.findings)).toEqual(['horseRace.closeScores', 'horseRace.override']);
    expect(r.findings[1]?.message).toContain('相差 16.00 分，超过“评分接近”阈值 3 分');
  });
  it('takes the sheets as the paper-sheet CSV too, with the same findings', async () => {
    const fromJson = await check(`${CASES}/decision/zero-funding.json`);
    const r = await run(
      'check',
      `${CASES}/decision/zero-funding.json`,
      '--package',
      PKG,
      'resources/sample/paper-sheets.csv',
      '--json',
    );
    expect(FindingsSchema.parse(JSON.parse(r.out)).findings).toEqual(fromJson.findings);
  });
  it('refuses to judge a decision without the sheets it rests on', async () => {
    const r = await run('check', `${CASES}/decision/sample-ok.json`, '--package', PKG);
    expect(r.code).toBe(2);
    expect(r.err).toContain('需要其所依据的评分表');
  });
});
