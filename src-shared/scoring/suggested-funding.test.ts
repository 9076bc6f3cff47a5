/**
 * 建议经费 (the tester's fault 2: 0 and 99,999,999 were taken silently): one rule
 * (`checkSuggestedFunding`, 第十二条（五）, 第十三条) judged alike at the expert's form (the findings
 * beside the field, `suggestedFundingFindings`; submitting asks `validateSheet`), the chair's
 * import and `jiebang score` (`readSheet`), and `jiebang check` (`checkScoreSheet`).
 */
import { describe, expect, it } from 'vitest';
import { checkSuggestedFunding } from '../rules/funding';
import { samplePackage, sampleSheets } from '../sample-fixture';
import type { ProjectType, ScoreSheet } from '../model';
import { checkScoreSheet, readSheet, suggestedFundingFindings, validateSheet } from './sheet';

const pkg = samplePackage();
const [first] = sampleSheets();
if (!first) throw new Error('the sample has sheets');
/** The sample's sheet E01 with A01's 建议经费 `amount`. */
const withFunding = (amount: string): ScoreSheet => ({
  ...first,
  scores: first.scores.map((s) =>
    s.applicantId === 'A01' ? { ...s, suggestedFunding: amount } : s,
  ),
});
const a01 = (sheet: ScoreSheet) => sheet.scores.find((s) => s.applicantId === 'A01');

describe("建议经费: the measures' bounds, said alike at every door", () => {
  it('the sample (企业出题, contract 2,000 万元, 榜单 city funds 800 万元) takes 780 as it stands', () => {
    expect(pkg.demand).toMatchObject({
      projectType: 'enterprise',
      cityFunding: '800',
      contractAmount: '2000',
    });
    const sheet = withFunding('780');
    expect(validateSheet(sheet, pkg)).toEqual([]);
    expect(checkScoreSheet(sheet, pkg)).toEqual([]);
  });

  it.each([
    [
      '0',
      '建议经费不能为 0 万元：专家组评审经费的合理性并核定项目经费；不建议资助的，请不填建议经费，在总体意见中写明理由（第十二条（五））',
    ],
    [
      '99999999',
      '建议经费 99,999,999 万元（大写：玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万元整） 超过单个项目最高资助额 1,000 万元；看来是以元填写：99,999,999 元即 9,999.9999 万元，请以万元填写（第十三条（二））',
    ],
    [
      '801',
      '建议经费 801 万元（大写：捌佰零壹万元整） 超过合同金额 2,000 万元 的 40%（上限 800 万元）（第十三条（二））',
    ],
  ])(
    'refuses %s with its article: beside the field, at submitting, at the import, at check',
    (amount, sentence) => {
      const sheet = withFunding(amount);
      const score = a01(sheet);
      if (!score) throw new Error('A01');
      // The form: beside the field, and what keeps the sheet from being submitted.
      expect(suggestedFundingFindings(score, pkg).map((f) => [f.severity, f.message])).toEqual([
        ['blocking', sentence],
      ]);
      expect(validateSheet(sheet, pkg).map((i) => [i.applicantId, i.field, i.message])).toEqual([
        ['A01', 'funding', sentence],
      ]);
      // The chair's import, jiebang score: the sheet refused, the cell named.
      expect(readSheet(sheet, pkg)).toEqual({
        ok: false,
        problems: [`专家 E01 · 揭榜方 A01：${sentence}`],
      });
      // jiebang check: blocking, citing its own article (not the sheet's twice).
      const found = checkScoreSheet(sheet, pkg);
      expect(found.map((f) => [f.severity, f.message])).toEqual([
        ['blocking', `专家 E01 · 揭榜方 A01：${sentence}`],
      ]);
    },
  );

  it("warns, never refuses, an amount over the list's city funds the measures do not bound", () => {
    // 行业共性 with 榜单 city funds of 500 万元: 600 is within the 1000 万元 cap.
    const common: { projectType: ProjectType; cityFunding: string } = {
      projectType: 'industry-common',
      cityFunding: '500',
    };
    expect(checkSuggestedFunding(common, '500', [])).toEqual([]);
    const over = checkSuggestedFunding(common, '600', ['x']);
    expect(over.map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'funding.suggestedOverList',
        'warning',
        '建议经费 600 万元（大写：陆佰万元整） 超过榜单公布的市财政资助 500 万元：办法未限定核定经费不得超过榜单金额，请在总体意见中说明理由（第十二条（三））',
      ],
    ]);
    expect(checkSuggestedFunding(common, '1000.5', [])[0]?.message).toContain(
      '超过单个项目最高资助额 1,000 万元（第十三条（一））',
    );
    // At the sheet's doors: submitted and counted, the warning said by check.
    const industry = { ...pkg, demand: { ...pkg.demand, ...common, contractAmount: undefined } };
    const sheet = withFunding('600');
    expect(validateSheet(sheet, industry)).toEqual([]);
    const found = checkScoreSheet(sheet, industry);
    expect(found.filter((f) => f.severity !== 'warning')).toEqual([]);
    expect(found.map((f) => f.message)).toContain(
      `专家 E01 · 揭榜方 A01：${over[0]?.message ?? ''}`,
    );
  });
});
