/**
 * A 核定经费 the money reader refuses (`4e2`, `-5`) through two doors: the chair's desk (the funding
 * field as typed) and `jiebang check` (a decision file carrying it). Both refuse it with the one
 * reader's sentence, naming the value typed — never read as 0, never 「不能为 0 万元」.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { analysePanel, initialChoices, type DecisionChoices } from '../../src-shared/decision';
import { parseMoneyInput } from '../../src-shared/money';
import { samplePackage, sampleSheets } from '../../src-shared/sample-fixture';
import { runForTest } from '../../src-main/cli/run-for-test';
import { chairDesk } from '../../src-renderer/src/workflows/desk';

const PKG = 'resources/sample/review-package.json';
const SHEETS = ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'].map(
  (id) => `resources/sample/sheets/${id}.json`,
);

const sentence = (typed: string): string => {
  const read = parseMoneyInput(typed);
  if (read.ok) throw new Error(`${typed} was read`);
  return read.message;
};

describe('a refused 核定经费 at the desk and at jiebang check', () => {
  for (const typed of ['4e2', '-5']) {
    it(`“${typed}”: the reader's sentence at both doors, not 0 万元`, async () => {
      expect(sentence(typed)).toMatch(typed === '4e2' ? /科学计数法/ : /负数/);
      const pkg = samplePackage();
      const sheets = sampleSheets();
      const choices: DecisionChoices = {
        ...initialChoices(analysePanel(pkg, sheets).proposal),
        raceStageShare: '0.3',
        funding: { A01: typed, A02: '400' },
      };
      const desk = chairDesk(pkg, sheets, choices, 'E01', '2026-12-08T16:00:00+08:00');
      expect(desk.canSign).toBe(false);
      const atDesk = desk.findings.filter((f) => f.message.includes('A01'));
      expect(atDesk.map((f) => f.rule)).toEqual(['funding.typed']);
      expect(atDesk[0]?.message).toContain(sentence(typed));
      expect(desk.findings.map((f) => f.message).join('\n')).not.toContain('0 万元');

      // The same amount in a decision file, through jiebang check.
      const dir = await mkdtemp(join(tmpdir(), 'jb-amounts-'));
      const decision = {
        ...desk.decision,
        approvedFunding: desk.decision.approvedFunding.map((f) =>
          f.applicantId === 'A01' ? { ...f, amount: typed } : f,
        ),
      };
      await writeFile(join(dir, 'decision.json'), JSON.stringify(decision));
      const viaCli = await runForTest(
        'check',
        join(dir, 'decision.json'),
        '--package',
        PKG,
        ...SHEETS,
      );
      // The file is refused as it is read (exit 2), with the same sentence.
      expect(viaCli.code).toBe(2);
      expect(viaCli.err).toContain(sentence(typed));
      expect(viaCli.err).not.toContain('0 万元');
    });
  }
});

describe('an opinion stating another total than the decision’s, at the desk and at jiebang check', () => {
  it('is blocked at both doors with the same finding', async () => {
    const pkg = samplePackage();
    const sheets = sampleSheets();
    const choices: DecisionChoices = {
      ...initialChoices(analysePanel(pkg, sheets).proposal),
      raceStageShare: '0.3',
      funding: { A01: '400', A02: '0.1' },
      opinion: '专家组建议以“赛马制”支持两家揭榜方；核定项目经费总额 800 万元。',
    };
    const desk = chairDesk(pkg, sheets, choices, 'E01', '2026-12-08T16:00:00+08:00');
    expect(desk.decision.approvedTotal).toBe('400.1');
    const stated = desk.findings.filter((f) => f.rule === 'opinion.amount');
    expect(stated).toHaveLength(1);
    expect(stated[0]?.message).toContain('“800 万元”');
    expect(desk.canSign).toBe(false);

    const dir = await mkdtemp(join(tmpdir(), 'jb-opinion-amount-'));
    await writeFile(join(dir, 'decision.json'), JSON.stringify(desk.decision));
    const viaCli = await runForTest(
      'check',
      join(dir, 'decision.json'),
      '--package',
      PKG,
      ...SHEETS,
      '--json',
    );
    expect(viaCli.code).toBe(1);
    const findings = z.object({ findings: z.array(z.unknown()) }).parse(JSON.parse(viaCli.out));
    expect(findings.findings).toEqual(desk.findings);
  });
});

describe('an approved total over the list’s published city funds, at the desk and at jiebang check', () => {
  it('is warned at both doors with the same finding, as an expert’s 建议经费 over it is', async () => {
    // The list publishes 600 万元 of city funds; 800 is within the cap and 40% of the contract.
    const sample = samplePackage();
    const pkg = { ...sample, demand: { ...sample.demand, cityFunding: '600' } };
    const sheets = sampleSheets();
    const choices: DecisionChoices = {
      ...initialChoices(analysePanel(pkg, sheets).proposal),
      raceStageShare: '0.3',
      funding: { A01: '400', A02: '400' },
    };
    const desk = chairDesk(pkg, sheets, choices, 'E01', '2026-12-08T16:00:00+08:00');
    const over = desk.findings.filter((f) => f.rule === 'funding.approvedOverList');
    expect(over.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        '核定项目经费总额 800 万元 超过榜单公布的市财政资助 600 万元：办法未限定核定经费不得超过榜单金额，请在专家组意见中说明理由（第十二条（三））',
      ],
    ]);

    const dir = await mkdtemp(join(tmpdir(), 'jb-over-list-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify(pkg));
    await writeFile(join(dir, 'decision.json'), JSON.stringify(desk.decision));
    const viaCli = await runForTest(
      'check',
      join(dir, 'decision.json'),
      '--package',
      join(dir, 'package.json'),
      ...SHEETS,
      '--json',
    );
    const findings = z.object({ findings: z.array(z.unknown()) }).parse(JSON.parse(viaCli.out));
    expect(findings.findings).toEqual(desk.findings);
  });
});
