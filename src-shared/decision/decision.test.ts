import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import farApartRace from '../../test/fixtures/cases/decision/far-apart-race.json';
import sampleOk from '../../test/fixtures/cases/decision/sample-ok.json';
import zeroFunding from '../../test/fixtures/cases/decision/zero-funding.json';
import { PanelDecisionSchema, type PanelDecision, type ScoreSheet } from '../model';
import type { Finding } from '../rules';
import { checkSuggestedFunding } from '../rules/funding';
import { sampleDecision, samplePackage, sampleSheets } from '../sample-fixture';
import {
  analysePanel,
  checkApprovedFunding,
  checkDeviationsAndTies,
  checkHorseRace,
  checkPanelDecision,
  draftDecision,
  gatherSheets,
  initialChoices,
  methodSentence,
  opinionText,
  type DecisionChoices,
} from '.';

const rulesOf = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`);
const expectRule = (fs: Finding[], rule: string, article: string) => {
  const hit = fs.find((f) => f.rule === rule);
  expect(hit, `${rule} in ${JSON.stringify(rulesOf(fs))}`).toBeDefined();
  expect(hit?.article).toBe(article);
  expect(hit?.message).toContain(article);
};
const blocking = (fs: Finding[]) => fs.filter((f) => f.severity === 'blocking').map((f) => f.rule);

const pkg = samplePackage;
const decision = sampleDecision;
const { agg, proposal } = analysePanel(samplePackage(), sampleSheets());
const horseRace = (d: PanelDecision, p: ReturnType<typeof pkg>, a: typeof agg) =>
  checkHorseRace(d, p, a, proposal);

/** The decision the chair's desk drafts from `sheets` with `change` applied to the opening choices. */
function drafted(
  sheets: readonly ScoreSheet[],
  change: (c: DecisionChoices) => DecisionChoices = (c) => c,
) {
  const p = pkg();
  const analysis = analysePanel(p, sheets);
  const choices = change({
    ...initialChoices(analysis.proposal),
    // The share the panel agreed on (第十三条（三） gives none; the desk opens with it empty).
    raceStageShare: '0.3',
    funding: { A01: '400', A02: '400' },
  });
  const d = draftDecision(p, analysis.agg, analysis.proposal, choices, {
    chairExpertId: 'E01',
    decidedAt: '2026-12-08T12:00:00+08:00',
  });
  return { p, d, choices, analysis, findings: checkPanelDecision(d, p, sheets) };
}

const recuseAll = (sheets: ScoreSheet[], applicantId: string): ScoreSheet[] =>
  sheets.map((s) => ({
    ...s,
    scores: s.scores.map((x) =>
      x.applicantId === applicantId
        ? {
            applicantId,
            recusal: { kind: 'same-organisation', reason: '本人任职于该揭榜方' },
            criteria: [],
            overallOpinion: '',
          }
        : x,
    ),
  }));

describe('decisions of format 1 still open', () => {
  it('reads each case file as format 2 with nothing recorded', () => {
    for (const raw of [sampleOk, zeroFunding, farApartRace]) {
      const d = PanelDecisionSchema.parse(raw);
      expect(d.formatVersion).toBe(2);
      expect(d.absences).toEqual([]);
      expect(d.deviationReasons).toEqual([]);
    }
  });
  it('refuses a decision with a malformed field by that field', () => {
    const r = PanelDecisionSchema.safeParse({ ...sampleOk, approvedTotal: '八百' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['approvedTotal']);
  });
});

describe('the case files, judged with the sheets they rest on', () => {
  const sheets = sampleSheets();
  it('decision/sample-ok.json passes (no blocking finding; its empty ranking is noted)', () => {
    const fs = checkPanelDecision(PanelDecisionSchema.parse(sampleOk), pkg(), sheets);
    expect(blocking(fs)).toEqual([]);
    expect(rulesOf(fs)).toEqual(['ranking.absent:warning']);
  });
  it("decision/zero-funding.json: 0 万元 for a solver is blocked, as on the chair's screen", () => {
    const fs = checkPanelDecision(PanelDecisionSchema.parse(zeroFunding), pkg(), sheets);
    expect(blocking(fs)).toEqual(['funding.perSolver']);
    expect(fs.find((f) => f.rule === 'funding.perSolver')?.message).toContain('A02');
  });
  it('decision/far-apart-race.json: the closeness rule fires, not false ties', () => {
    const fs = checkPanelDecision(PanelDecisionSchema.parse(farApartRace), pkg(), sheets);
    expectRule(fs, 'horseRace.closeScores', '第十二条（五）');
    expect(fs.find((f) => f.rule === 'horseRace.closeScores')?.message).toContain('16.00');
    expect(blocking(fs)).toEqual(['horseRace.closeScores', 'horseRace.override']);
    expect(rulesOf(fs)).not.toContain('ranking.tieBreak:blocking');
  });
});

describe('the draft decision', () => {
  it('of the sample, funded 400 + 400, passes every rule and the schema', () => {
    const { d, findings } = drafted(sampleSheets());
    expect(findings).toEqual([]);
    expect(PanelDecisionSchema.parse(d)).toEqual(d);
    expect(d.ranking.map((r) => [r.applicantId, r.rank, r.score, r.method])).toEqual([
      ['A01', 1, '87.00', 'trimmed-mean'],
      ['A02', 2, '86.00', 'trimmed-mean'],
      ['A03', 3, '84.50', 'trimmed-mean'],
      ['A04', 4, '71.00', 'trimmed-mean'],
    ]);
  });
  it('reads funding typed full-width (４００, a Chinese IME) as the amount it is, not as 0', () => {
    const { d, findings } = drafted(sampleSheets(), (c) => ({
      ...c,
      funding: { A01: '４００', A02: ' ４００．０\u200b' },
    }));
    expect(d.approvedFunding).toEqual([
      { applicantId: 'A01', amount: '400' },
      { applicantId: 'A02', amount: '400' },
    ]);
    expect(d.approvedTotal).toBe('800');
    expect(findings).toEqual([]);
  });
  it('names the method actually applied: the plain mean below trimMinSheets, and why', () => {
    const four = sampleSheets().slice(0, 4);
    const { d, p, analysis } = drafted(four);
    expect(d.ranking.every((r) => r.method === 'mean')).toBe(true);
    const sentence = methodSentence(p, analysis.agg);
    expect(sentence).toContain('按算术平均汇总');
    expect(sentence).toContain('有效评分表 4 份，少于去极值所需的 5 份');
    expect(d.opinion).toContain(sentence);
    // A03: E05 recused, so 3 valid sheets of 4 — the plain mean too.
    expect(analysis.agg.results.find((r) => r.applicantId === 'A03')?.validSheets).toBe(4);
  });
  it("states the package's method where it applied, and the exception where it did not", () => {
    const sheets = sampleSheets().slice(0, 5); // A03: E05 recused → 4 valid sheets
    const { p, analysis } = drafted(sheets);
    expect(methodSentence(p, analysis.agg)).toBe(
      '按去掉一个最高分和一个最低分后平均汇总；其中 A03 有效评分表 4 份，少于去极值所需的 5 份，按算术平均汇总',
    );
  });
});

describe('quorum and the minimum of valid sheets (第十二条（五）)', () => {
  const four = sampleSheets().slice(0, 4); // E01–E04 submitted; E05–E07 neither submitted nor recused
  it('blocks signing while members have neither submitted nor recused', () => {
    const { findings } = drafted(four);
    const quorum = findings.filter((f) => f.rule === 'panel.quorum');
    expect(quorum.map((f) => f.path.at(-1))).toEqual(['E05', 'E06', 'E07']);
    expect(quorum[0]?.message).toContain('第十二条（五）');
    expect(quorum[0]?.message).toContain('专家组名单 7 人');
  });
  it('with the absences recorded, still blocks until a reason for resting on < minValidSheets', () => {
    const absences = { E05: '因病请假', E06: '航班延误', E07: '临时公务' };
    const withAbsences = drafted(four, (c) => ({ ...c, absences }));
    expect(blocking(withAbsences.findings)).toEqual([
      'aggregation.minValidSheets',
      'aggregation.minValidSheets',
      'aggregation.minValidSheets',
      'aggregation.minValidSheets',
    ]);
    expect(withAbsences.findings[0]?.message).toContain(
      '仅有 4 份有效评分表，少于评审包规定的最少有效评分表数 5 份',
    );
    // The rule by its Chinese name: the field's code stays in the finding's data, off the screen.
    expect(withAbsences.findings[0]?.message).not.toContain('aggregation');
    const withReason = drafted(four, (c) => ({
      ...c,
      absences,
      belowMinValidSheetsReason: '三位专家缺席，经发榜方同意按到会专家评分形成意见',
    }));
    expect(blocking(withReason.findings)).toEqual([]);
    expect(withReason.d.absences).toHaveLength(3);
    expect(withReason.findings.every((f) => f.severity === 'warning')).toBe(true);
  });
  it('counts the roster against panel.minSize: absences never shrink it', () => {
    const p = pkg();
    p.panel.minSize = 9;
    const fs = checkPanelDecision(decision(), p, sampleSheets());
    expect(fs.find((f) => f.rule === 'panel.quorum')?.message).toContain(
      '专家组名单 7 人，少于评审包规定的最少 9 人（panel.minSize',
    );
  });
});

describe('「无有效评分」: an applicant every expert recused from', () => {
  const sheets = recuseAll(sampleSheets(), 'A03');
  it('gets no figure and no rank, and the chair cannot sign a ranking that gives it one', () => {
    const { d, findings } = drafted(sheets, (c) => ({
      ...c,
      belowMinValidSheetsReason: 'A03 全体专家回避',
    }));
    expect(d.ranking.find((r) => r.applicantId === 'A03')).toEqual({
      applicantId: 'A03',
      rank: null,
      score: null,
      validSheets: 0,
      method: null,
    });
    expect(blocking(findings)).toEqual([]);
    expect(d.opinion).toContain('A03 无有效评分，不予排名');
    const ranked = {
      ...d,
      ranking: d.ranking.map((r) =>
        r.applicantId === 'A03' ? { ...r, rank: 4, score: '0.00' } : r,
      ),
    };
    expectRule(
      checkPanelDecision(ranked, pkg(), sheets),
      'ranking.noValidSheets',
      '第十二条（五）',
    );
    const recommended = { ...d, recommendedIds: [...d.recommendedIds, 'A03'] };
    expect(blocking(checkPanelDecision(recommended, pkg(), sheets))).toContain(
      'decision.noValidSheets',
    );
  });
});

describe("the chair's own sheet", () => {
  it('joins the gathered set when submitted, replacing an imported copy; a draft does not', () => {
    const p = pkg();
    const [own, ...others] = sampleSheets();
    if (!own) throw new Error('no sheet');
    const sources = others.map((sheet) => ({
      sheet,
      origin: `${sheet.expertId}.jbx`,
      standing: 'signed' as const,
    }));
    expect(gatherSheets(p, sources, own).sheets.map((s) => s.expertId)).toEqual([
      'E01',
      'E02',
      'E03',
      'E04',
      'E05',
      'E06',
      'E07',
    ]);
    expect(gatherSheets(p, sources, { ...own, status: 'draft' }).sheets).toHaveLength(6);
  });
});

describe('which sheet counts when one expert has two (whichSheetCounts)', () => {
  const p = pkg();
  const sheets = sampleSheets();
  const e03 = sheets.find((s) => s.expertId === 'E03') ?? sheets[0];
  if (!e03) throw new Error('no sheet');
  const typed = {
    ...e03,
    scores: e03.scores.map((x) => ({ ...x, overallOpinion: `${x.overallOpinion}（转录）` })),
  };
  const signed = { sheet: e03, origin: 'E03.jbx', standing: 'signed' as const };
  const paper = { sheet: typed, origin: 'paper.csv', standing: 'paper' as const };
  const said = '专家 E03 已有签名的电子评分表，纸质评分表转录不予采用（签名的电子评分表优先）';
  it('a signed sheet over a transcription, whichever was given first; the transcription set aside by name', () => {
    for (const order of [
      [signed, paper],
      [paper, signed],
    ]) {
      const g = gatherSheets(p, order);
      expect(g.sheets).toEqual([e03]);
      expect(g.problems).toEqual([]);
      expect(g.setAside).toEqual([{ origin: 'paper.csv', expertId: 'E03', message: said }]);
    }
  });
  it('a signed sheet over an unsigned one; of two alike the later', () => {
    const plain = { sheet: typed, origin: 'E03.json', standing: 'unsigned' as const };
    expect(gatherSheets(p, [signed, plain]).setAside[0]?.message).toBe(
      '专家 E03 已有签名的电子评分表，未签名的评分表不予采用（签名的电子评分表优先）',
    );
    const twice = gatherSheets(p, [plain, paper]);
    expect(twice.sheets).toEqual([typed]);
    expect(twice.setAside).toEqual([
      {
        origin: 'E03.json',
        expertId: 'E03',
        message: '专家 E03 的评分表给出两次（E03.json、paper.csv），以后者为准',
      },
    ]);
  });
  it('a decision checked on both: the set-aside transcription a warning, not blocking', () => {
    const others = sheets
      .filter((s) => s.expertId !== 'E03')
      .map((sheet) => ({ sheet, origin: `${sheet.expertId}.jbx`, standing: 'signed' as const }));
    const findings = checkPanelDecision(sampleDecision(), p, [...others, paper, signed]);
    expect(findings.filter((f) => f.rule === 'sheets.setAside')).toMatchObject([
      { severity: 'warning', message: `paper.csv不予计入：${said}（第十二条（五））` },
    ]);
    expect(findings.filter((f) => f.severity === 'blocking')).toEqual(
      checkPanelDecision(sampleDecision(), p, sheets).filter((f) => f.severity === 'blocking'),
    );
  });
});

describe('the opinion template', () => {
  it('fills the figures, the absences and the total', () => {
    const { p, analysis, choices } = drafted(sampleSheets());
    const text = opinionText(p, analysis.agg, choices);
    expect(text).toContain('新疆水处理技术研究院（示例）（87.00 分）');
    expect(text).toContain('核定项目经费总额 800 万元');
    expect(text).toContain('以“赛马制”揭榜');
  });
  it('dates the review as officials write it, never YYYY-MM-DD', () => {
    const { p, analysis, choices } = drafted(sampleSheets());
    const text = opinionText(p, analysis.agg, choices);
    expect(text).toMatch(/^专家组于2026年12月8日对“/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('第十二条（五） horse race', () => {
  it('passes two close solvers on distinct routes', () => {
    expect(horseRace(decision(), pkg(), agg)).toEqual([]);
  });
  it('refuses more than 3, the same route, distant scores without a reason', () => {
    const four = decision({
      recommendedIds: ['A01', 'A02', 'A03', 'A04'],
      horseRace: { solverIds: ['A01', 'A02', 'A03', 'A04'], reason: 'x', raceStageShare: '0.3' },
    });
    expectRule(horseRace(four, pkg(), agg), 'horseRace.max3', '第十二条（五）');
    const sameRoute = decision({
      recommendedIds: ['A01', 'A03'],
      horseRace: { solverIds: ['A01', 'A03'], reason: 'x', raceStageShare: '0.3' },
    });
    expectRule(horseRace(sameRoute, pkg(), agg), 'horseRace.distinctRoutes', '第十二条（五）');
    const far = decision({
      recommendedIds: ['A01', 'A04'],
      horseRace: { solverIds: ['A01', 'A04'], reason: 'x', raceStageShare: '0.3' },
    });
    const farFs = horseRace(far, pkg(), agg);
    expectRule(farFs, 'horseRace.closeScores', '第十二条（五）');
    expect(farFs.find((f) => f.rule === 'horseRace.closeScores')?.severity).toBe('blocking');
    const overridden = decision({
      recommendedIds: ['A01', 'A04'],
      horseRace: {
        solverIds: ['A01', 'A04'],
        reason: 'x',
        raceStageShare: '0.3',
        overrideReason: '路线互补',
      },
    });
    expect(
      horseRace(overridden, pkg(), agg).find((f) => f.rule === 'horseRace.closeScores')?.severity,
    ).toBe('warning');
    expectRule(
      horseRace(decision({ horseRace: undefined }), pkg(), agg),
      'horseRace.required',
      '第十二条（五）',
    );
  });
  it('第十三条（三）: the desk prefills no share the measures do not give; empty blocks, citing it', () => {
    expect(initialChoices(proposal).raceStageShare).toBe('');
    const { findings } = drafted(sampleSheets(), (c) => ({ ...c, raceStageShare: '' }));
    expect(blocking(findings)).toEqual(['horseRace.stageShare']);
    expectRule(findings, 'horseRace.stageShare', '第十三条（三）');
  });
  it('第十三条（三）: the share as the chair types it — 30%, ３０％, ０．３ — drafts as "0.3" and passes', () => {
    for (const typed of ['30%', '３０％', '０．３', '0.3']) {
      const { d, findings } = drafted(sampleSheets(), (c) => ({
        ...c,
        raceStageShare: typed,
      }));
      expect(d.horseRace?.raceStageShare, typed).toBe('0.3');
      expect(blocking(findings), typed).toEqual([]);
    }
    const { findings } = drafted(sampleSheets(), (c) => ({ ...c, raceStageShare: '三成' }));
    expect(blocking(findings)).toEqual(['horseRace.stageShare']);
    expect(findings.find((f) => f.rule === 'horseRace.stageShare')?.message).toContain(
      '请填写百分数或小数，如 30% 或 0.3',
    );
  });
  it('第十三条（三）: a race-stage share strictly between 0 and 1', () => {
    const d = decision({
      horseRace: { solverIds: ['A01', 'A02'], reason: 'x', raceStageShare: '1' },
    });
    expectRule(horseRace(d, pkg(), agg), 'horseRace.stageShare', '第十三条（三）');
  });
});

describe('the opinion states the decision’s figures (opinion.amount)', () => {
  const withOpinion = (opinion: string, over: Partial<PanelDecision> = {}) =>
    checkPanelDecision({ ...decision(), ...over, opinion }, pkg(), sampleSheets());
  it('blocks a total in the opinion other than the decision’s, naming both', () => {
    const fs = withOpinion('建议支持两家揭榜方；核定项目经费总额 800 万元。', {
      approvedFunding: [
        { applicantId: 'A01', amount: '400' },
        { applicantId: 'A02', amount: '0.1' },
      ],
      approvedTotal: '400.1',
    });
    expectRule(fs, 'opinion.amount', '第十二条（五）');
    const hit = fs.find((f) => f.rule === 'opinion.amount');
    expect(hit?.severity).toBe('blocking');
    expect(hit?.message).toContain('“800 万元”');
    expect(hit?.message).toContain('400.1 万元');
  });
  it('passes the figures it does give: the total (full-width too), a solver’s funds, the package’s', () => {
    const d = decision();
    const opinion = `A01 核定 ${d.approvedFunding[0]?.amount ?? ''} 万元；核定项目经费总额 ８００ 万元；需求总预算 ${pkg().demand.budget}万元。`;
    expect(withOpinion(opinion).filter((f) => f.rule === 'opinion.amount')).toEqual([]);
    expect(withOpinion('另拟追加 123.45 万元。').map((f) => f.rule)).toContain('opinion.amount');
  });
});

describe('第十三条 funding on the decision', () => {
  it('checks the approved total of a decision', () => {
    expect(checkApprovedFunding(decision(), pkg())).toEqual([]);
    expectRule(
      checkApprovedFunding(decision({ approvedTotal: '900' }), pkg()),
      'funding.totalMatches',
      '第十二条（五）',
    );
    const over = decision({
      approvedFunding: [
        { applicantId: 'A01', amount: '600' },
        { applicantId: 'A02', amount: '500' },
      ],
      approvedTotal: '1100',
    });
    expectRule(checkApprovedFunding(over, pkg()), 'funding.cap', '第十三条（二）');
  });

  it("warns, never refuses, an approved total over the list's published city funds (the 建议经费's rule)", () => {
    // The list publishes 600 万元 of city funds; 800 is within the cap and 40% of the 2000 contract.
    const listed = { ...pkg(), demand: { ...pkg().demand, cityFunding: '600' } };
    const found = checkApprovedFunding(decision(), listed);
    expect(found.map((f) => [f.rule, f.severity, f.path, f.message])).toEqual([
      [
        'funding.approvedOverList',
        'warning',
        ['approvedTotal'],
        '核定项目经费总额 800 万元 超过榜单公布的市财政资助 600 万元：办法未限定核定经费不得超过榜单金额，请在专家组意见中说明理由（第十二条（三））',
      ],
    ]);
    // The same sentence as an expert's 建议经费 over it, from the one rule.
    expect(checkSuggestedFunding(listed.demand, '800', [])[0]?.message).toMatch(
      /超过榜单公布的市财政资助 600 万元：办法未限定核定经费不得超过榜单金额，请在总体意见中说明理由/,
    );
    expect(checkApprovedFunding(decision(), pkg())).toEqual([]);
    // Over the cap or the share is refused, and said once: no warning over the list besides.
    const share = checkApprovedFunding(
      decision({
        approvedFunding: [
          { applicantId: 'A01', amount: '450' },
          { applicantId: 'A02', amount: '450' },
        ],
        approvedTotal: '900',
      }),
      listed,
    );
    expect(share.map((f) => f.rule)).toEqual(['funding.cityShare']);
  });
});

describe('a decision says each thing once', () => {
  it('refuses funding, a ranking row, a recommendation or a solver given twice, by field, at every door', () => {
    const sheets = sampleSheets();
    const base = decision();
    const row = { applicantId: 'A01', rank: 1, score: '87.00', validSheets: 7 };
    const cases: [Partial<PanelDecision>, string][] = [
      [
        {
          approvedFunding: [
            { applicantId: 'A01', amount: '300' },
            { applicantId: 'A01', amount: '100' },
            { applicantId: 'A02', amount: '400' },
          ],
        },
        '核定经费中 A01 出现 2 次',
      ],
      [{ ranking: [row, { ...row }] }, '排名中 A01 出现 2 次'],
      [{ recommendedIds: ['A01', 'A02', 'A02'] }, '揭榜方建议名单中 A02 出现 2 次'],
    ];
    for (const [change, message] of cases) {
      const d = { ...base, ...change };
      expect(PanelDecisionSchema.safeParse(d).error?.issues[0]?.message).toContain(message);
      const findings = checkPanelDecision(d, pkg(), sheets);
      expect(blocking(findings)).toContain('decision.format');
      expect(findings.map((f) => f.message).join('\n')).toContain(message);
    }
    const race = base.horseRace;
    if (!race) throw new Error('the sample decision is a horse race');
    expect(
      PanelDecisionSchema.safeParse({ ...base, horseRace: { ...race, solverIds: ['A01', 'A01'] } })
        .error?.issues[0]?.message,
    ).toContain('赛马揭榜方中 A01 出现 2 次');
  });
});

describe('panel decision: deviations and ties need the record', () => {
  it('refuses a sheet whose total below the pass score carries no reason of its own', () => {
    const noReasons = sampleSheets().map((s) => ({
      ...s,
      scores: s.scores.map(({ deviationReason: _gone, ...x }) => x),
    }));
    // E04's 40 on A04 is below the pass score: the sheet itself needs a reason, so the sheet is refused.
    expect(checkPanelDecision(decision(), pkg(), noReasons).map((f) => f.rule)).toContain(
      'sheets.valid',
    );
  });
  it('takes a deviation reason the chair recorded when the sheet has none', () => {
    const p = pkg();
    p.aggregation.passScore = 30; // E04's 40 then needs no reason on the sheet itself
    const sheets = sampleSheets().map((s) => ({
      ...s,
      scores: s.scores.map(({ deviationReason: _gone, ...x }) => x),
    }));
    expectRule(
      checkPanelDecision(decision(), p, sheets),
      'scoring.deviationReason',
      '第十二条（五）',
    );
    const recorded = decision({
      deviationReasons: [{ applicantId: 'A04', expertId: 'E04', reason: '当面说明：能耗过高' }],
    });
    expect(
      checkPanelDecision(recorded, p, sheets).filter((f) => f.rule === 'scoring.deviationReason'),
    ).toEqual([]);
  });
});

describe('decision properties (fast-check)', () => {
  it('never lets a decision sign while a roster member is unaccounted for', () => {
    fc.assert(
      fc.property(fc.subarray(['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07']), (present) => {
        const sheets = sampleSheets().filter((s) => present.includes(s.expertId));
        const { findings } = drafted(sheets);
        const unaccounted = findings
          .filter((f) => f.rule === 'panel.quorum')
          .map((f) => String(f.path.at(-1)));
        expect(unaccounted).toEqual(
          ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'].filter((e) => !present.includes(e)),
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe("a decision signed before the review date (tester's fault 3: signed with no word said)", () => {
  const pkg = samplePackage();
  const sheets = sampleSheets();
  const signedOn = (decidedAt: string) =>
    checkPanelDecision({ ...sampleDecision(), decidedAt }, pkg, sheets);
  // The sample decision states no ranking (a warning of its own); only the date's finding here.
  const early = (decidedAt: string) =>
    signedOn(decidedAt).filter((f) => f.rule === 'decision.beforeReview');
  it('is warned, citing 第十二条（五）, and still not blocked', () => {
    expect(pkg.schedule.reviewDate).toBe('2026-12-08');
    const found = signedOn('2026-12-03T10:00:00+08:00');
    expect(early('2026-12-03T10:00:00+08:00').map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'decision.beforeReview',
        'warning',
        '签署日期 2026年12月3日 早于评审包载明的评审日期 2026年12月8日：专家组意见应在专家评审后形成；请核对评审日期或签署日期（第十二条（五））',
      ],
    ]);
    expect(blocking(found)).toEqual([]);
  });
  it('counts the day in Beijing time, as the signed date is shown: 16:30 UTC on the 7th is the 8th', () => {
    expect(early('2026-12-07T16:30:00Z')).toEqual([]);
    expect(rulesOf(early('2026-12-07T15:30:00Z'))).toEqual(['decision.beforeReview:warning']);
    expect(early('2026-12-08T12:00:00+08:00')).toEqual([]);
    expect(early('2026-12-20T09:00:00+08:00')).toEqual([]);
  });
});

describe('a tie not yet broken', () => {
  const tied = (ids: readonly string[]) => ({
    ...agg,
    results: agg.results.map((r) =>
      ids.includes(r.applicantId)
        ? { ...r, tiedWith: ids.filter((id) => id !== r.applicantId) }
        : r,
    ),
  });
  const ties = (fs: Finding[]) =>
    fs.filter((f) => f.rule === 'ranking.tieBreak').map((f) => f.message);
  it('is one finding, A01 with A02 — not A02 with A01 again (tester iC finding 15)', () => {
    const fs = checkDeviationsAndTies(decision(), pkg(), tied(['A01', 'A02']));
    expect(ties(fs)).toHaveLength(1);
    expect(ties(fs)[0]).toContain('与 A02 并列，须由组长记录排序理由');
  });
  it('of three is one finding too; two ties are two; a tie broken on the record is none', () => {
    expect(
      ties(
        checkDeviationsAndTies(
          decision({ recommendedIds: ['A01', 'A02', 'A03'] }),
          pkg(),
          tied(['A01', 'A02', 'A03']),
        ),
      ),
    ).toHaveLength(1);
    const two = {
      ...agg,
      results: agg.results.map((r) => ({
        ...r,
        tiedWith: { A01: ['A02'], A02: ['A01'], A03: ['A04'], A04: ['A03'] }[r.applicantId] ?? [],
      })),
    };
    expect(
      ties(
        checkDeviationsAndTies(
          decision({ recommendedIds: ['A01', 'A02', 'A03', 'A04'] }),
          pkg(),
          two,
        ),
      ),
    ).toHaveLength(2);
    expect(
      ties(
        checkDeviationsAndTies(
          decision({
            tieBreaks: [
              { applicantIds: ['A01', 'A02'], order: ['A01', 'A02'], reason: '技术方案更优' },
            ],
          }),
          pkg(),
          tied(['A01', 'A02']),
        ),
      ),
    ).toEqual([]);
  });
});
