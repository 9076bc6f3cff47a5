import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runForTest } from './run-for-test';

const run = runForTest;

const PKG = 'resources/sample/review-package.json';
const SHEETS = ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'].map(
  (e) => `resources/sample/sheets/${e}.json`,
);

describe('jiebang check', () => {
  it('passes the sample package', async () => {
    const r = await run('check', PKG);
    expect(r.code).toBe(0);
    expect(r.out).toContain('评审包（review-package）');
    expect(r.out).toContain('✓ 格式与规则校验通过');
  });

  it('prints blocking findings with their article and exits 1', async () => {
    const pkg = JSON.parse(await readFile(PKG, 'utf8'));
    pkg.demand.cityFunding = '1200';
    pkg.applicants[1].cooperationAgreementId = undefined;
    const dir = await mkdtemp(join(tmpdir(), 'jb-check-'));
    await writeFile(join(dir, 'bad.json'), JSON.stringify(pkg));
    const r = await run('check', join(dir, 'bad.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('超过单个项目最高资助额 1000 万元（第十三条（二））');
    expect(r.out).toContain('超过合同金额');
    expect(r.out).toContain('应签订合作协议并随申报材料提交（第十二条（四））');
    const json = await run('check', join(dir, 'bad.json'), '--json');
    const parsed = JSON.parse(json.out);
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((f: { article: string }) => f.article)).toContain('第十三条（二）');
  });

  it('validates a score sheet against its package', async () => {
    expect((await run('check', SHEETS[0] ?? '', '--package', PKG)).code).toBe(0);
    expect((await run('check', SHEETS[0] ?? '')).err).toContain('--package');
  });

  it('refuses unreadable or unknown input with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-check-'));
    await writeFile(join(dir, 'x.json'), '{"hello": 1}');
    await writeFile(join(dir, 'y.json'), '{oops');
    expect((await run('check', join(dir, 'x.json'))).code).toBe(2);
    expect((await run('check', join(dir, 'y.json'))).err).toContain('不是有效的 JSON');
    expect((await run('check', join(dir, 'missing.json'))).err).toContain('无法读取文件');
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
    expect(r.err).toContain('第 2 行：专家编号“E99”不在专家名单中');
    expect(r.err).toContain('第 3 行：“揭榜方资质条件”（C1）的分值“abc”不是数字');
  });
});
