import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar';
import type { AcceptanceEvaluation, ExtensionRequest, ReviewPackage, TaskBook } from '../model';
import { sampleDecision, samplePackage } from '../sample-fixture';
import {
  checkAcceptanceApplication,
  checkChangeRequest,
  checkChiefExpert,
  checkCityFunding,
  checkConsortium,
  checkExtensionRequest,
  checkHorseRaceSelection,
  checkIntellectualProperty,
  checkIssuer,
  checkMilestones,
  checkPanel,
  checkParties,
  checkPeriod,
  checkPublicity,
  checkRelations,
  checkRequestedFunding,
  checkReviewPackage,
  checkRubric,
  checkSchedule,
  checkSolverEligibility,
  checkTaskBook,
  checkTranches,
  MEASURES_IN_FORCE_FROM,
  MEASURES_IN_FORCE_TO,
  type Finding,
} from '.';

const rulesOf = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.article}`);
const expectRule = (fs: Finding[], rule: string, article: string) => {
  const hit = fs.find((f) => f.rule === rule);
  expect(hit, `${rule} in ${JSON.stringify(rulesOf(fs))}`).toBeDefined();
  expect(hit?.article).toBe(article);
  expect(hit?.message).toContain(article);
};

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('fixture value missing');
  return value;
}

const pkg = (): ReviewPackage => samplePackage();
const decision = sampleDecision;

function taskBook(over: Partial<TaskBook> = {}): TaskBook {
  return {
    formatVersion: 1,
    taskBookId: 'TB-1',
    packageId: 'KLMY-2026-JB-001',
    contractNumber: 'KLMY-JB-2026-001',
    title: '油田采出水深度处理与回用关键技术',
    projectType: 'industry-common',
    parties: [
      { role: 'bureau', name: '克拉玛依市科学技术局', representative: '', address: '' },
      { role: 'issuer', name: '克拉玛依油田开发有限公司（示例）', representative: '', address: '' },
      {
        role: 'solver',
        name: '新疆水处理技术研究院（示例）',
        applicantId: 'A01',
        representative: '周立群',
        address: '',
        chiefExpert: {
          name: '王建国',
          title: '研究员',
          organisation: '新疆水处理技术研究院（示例）',
        },
      },
    ],
    period: { start: '2027-01-01', end: '2029-06-30' },
    objectives: '',
    milestones: [
      {
        id: 'M1',
        title: '立项',
        due: '2027-01-15',
        deliverables: ['实施方案'],
        indicators: [],
        tranche: '300',
      },
      {
        id: 'M2',
        title: '里程碑考核',
        due: '2028-06-30',
        deliverables: ['中试'],
        indicators: [],
        tranche: '300',
      },
      {
        id: 'M3',
        title: '验收',
        due: '2029-06-30',
        deliverables: ['验收'],
        indicators: [],
        tranche: '200',
      },
    ],
    raceStageTargets: [],
    intellectualProperty: { ownership: '归揭榜方所有', benefitSharing: '按合同约定' },
    funding: { city: '800', issuer: '1200', selfRaised: '0' },
    isHorseRace: false,
    status: 'draft',
    ...over,
  };
}

describe('the sample package passes every package rule', () => {
  it('has no blocking finding', () => {
    expect(checkReviewPackage(pkg()).filter((f) => f.severity === 'blocking')).toEqual([]);
  });
});

describe('第八条 / 第十二条（一） issuer eligibility', () => {
  it('passes the sample issuer', () => expect(checkIssuer(pkg())).toEqual([]));
  it('refuses an issuer without funds, sanctioned, not local, not the end user', () => {
    const p = pkg();
    p.demand.issuer = {
      ...p.demand.issuer,
      hasFundingCommitment: false,
      isOnSanctionList: true,
      isLocal: false,
      isEndUser: false,
    };
    const fs = checkIssuer(p);
    expectRule(fs, 'eligibility.issuerFunding', '第八条（二）');
    expectRule(fs, 'eligibility.issuerIntegrity', '第八条（三）');
    expectRule(fs, 'eligibility.issuerLocal', '第八条');
    expectRule(fs, 'eligibility.endUser', '第十二条（一）');
    p.demand.issuer.kind = 'other';
    expectRule(checkIssuer(p), 'eligibility.issuerKind', '第八条');
  });
});

describe('第九条 solver eligibility', () => {
  it('passes and fails', () => {
    const a = must(pkg().applicants[0]);
    expect(checkSolverEligibility(a, 0)).toEqual([]);
    const bad = {
      ...a,
      members: [{ ...must(a.members[0]), isLegalEntity: false, isOnSanctionList: true }],
    };
    expectRule(checkSolverEligibility(bad, 0), 'eligibility.solverLegalEntity', '第九条');
    expectRule(checkSolverEligibility(bad, 0), 'eligibility.solverIntegrity', '第九条（三）');
  });
});

describe('第十条 no subordination or equity', () => {
  it('passes a cooperation relation, refuses equity and subordination', () => {
    const a = must(pkg().applicants[1]);
    expect(checkRelations(a, 1)).toEqual([]);
    expectRule(
      checkRelations({ ...a, relations: [{ kind: 'equity' }] }, 1),
      'relation.independence',
      '第十条',
    );
    expectRule(
      checkRelations({ ...a, relations: [{ kind: 'subordinate' }] }, 1),
      'relation.independence',
      '第十条',
    );
  });
});

describe('第十二条（四） consortium', () => {
  it('passes the sample consortium; refuses a missing lead or agreement', () => {
    const a = must(pkg().applicants[1]);
    expect(checkConsortium(a, 1)).toEqual([]);
    expectRule(
      checkConsortium({ ...a, leadMemberId: undefined }, 1),
      'consortium.lead',
      '第十二条（四）',
    );
    expectRule(
      checkConsortium({ ...a, cooperationAgreementId: 'NOPE' }, 1),
      'consortium.agreement',
      '第十二条（四）',
    );
    expectRule(
      checkConsortium({ ...a, isConsortium: false }, 1),
      'consortium.declared',
      '第十二条（四）',
    );
  });
});

describe('第十二条（八） chief expert', () => {
  it('passes and fails', () => {
    const a = must(pkg().applicants[0]);
    expect(checkChiefExpert(a, 0)).toEqual([]);
    expectRule(
      checkChiefExpert({ ...a, chiefExpert: { ...a.chiefExpert, organisationId: 'ZZ' } }, 0),
      'solver.chiefExpert',
      '第十二条（八）',
    );
  });
});

describe('第十二条（五） panel chair', () => {
  it('passes a demand-side chair; warns otherwise; refuses two chairs', () => {
    expect(checkPanel(pkg())).toEqual([]);
    const p = pkg();
    p.panel.experts = p.panel.experts.map((e) =>
      e.role === 'chair' ? { ...e, nominatedBy: 'bureau' } : e,
    );
    const warn = checkPanel(p);
    expectRule(warn, 'panel.chairNominatedByDemandSide', '第十二条（五）');
    expect(warn[0]?.severity).toBe('warning');
    p.panel.experts = p.panel.experts.map((e) => ({ ...e, role: 'chair' }));
    expectRule(checkPanel(p), 'panel.oneChair', '第十二条（五）');
  });
});

describe('第十三条 funding', () => {
  it('passes within the cap and the 40% share', () => {
    expect(checkCityFunding('enterprise', '800', '2000', [])).toEqual([]);
    expect(checkCityFunding('industry-common', '1000', undefined, [])).toEqual([]);
  });
  it('refuses over 1000万元 (第十三条（一）) and over 40% (第十三条（二）)', () => {
    expectRule(
      checkCityFunding('industry-common', '1000.01', undefined, []),
      'funding.cap',
      '第十三条（一）',
    );
    expectRule(checkCityFunding('enterprise', '1200', '5000', []), 'funding.cap', '第十三条（二）');
    expectRule(
      checkCityFunding('enterprise', '800.5', '2000', []),
      'funding.cityShare',
      '第十三条（二）',
    );
    expectRule(
      checkCityFunding('enterprise', '800', undefined, []),
      'funding.contractAmount',
      '第十三条（二）',
    );
  });
  it('an applicant’s request past 1000万元 is refused, an amount in 元 told in 万元 (第十三条)', () => {
    const a = { id: 'A01', name: '甲' };
    expect(checkRequestedFunding('enterprise', a, '1000', [])).toEqual([]);
    const [over] = checkRequestedFunding('industry-common', a, '1200', ['applicants', 0]);
    expect(over?.message).toBe(
      '揭榜方 A01“甲”申请市财政资助 1,200 万元 超过单个项目最高资助额 1,000 万元（第十三条（一））',
    );
    // 企业出题: the sentence says the cap is on the city's part, not the issuer's.
    const [yuan] = checkRequestedFunding('enterprise', a, '4000000', []);
    expect(yuan?.message).toBe(
      '揭榜方 A01“甲”申请市财政资助 4,000,000 万元 超过单个项目最高资助额 1,000 万元，此上限只限市财政资助、发榜方投入不在此限；看来是以元填写：4,000,000 元即 400 万元，请以万元填写（第十三条（二））',
    );
    // The demand's own figure: the same hint from ten times the cap.
    expect(checkCityFunding('industry-common', '8000000', undefined, [])[0]?.message).toContain(
      '看来是以元填写：8,000,000 元即 800 万元',
    );
    expect(checkCityFunding('industry-common', '9999', undefined, [])[0]?.message).not.toContain(
      '以元填写',
    );
  });
  it('a package’s budget or contract in 元 is warned, the requests refused (checkReviewPackage)', () => {
    const p = samplePackage();
    p.demand.budget = '20000000';
    p.demand.contractAmount = '99999';
    const [only, ...rest] = checkReviewPackage(p);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      rule: 'funding.inYuan',
      severity: 'warning',
      path: ['demand', 'budget'],
    });
    const q = samplePackage();
    must(q.applicants[1]).requestedFunding = '1000.5';
    expectRule(checkReviewPackage(q), 'funding.cap', '第十三条（二）');
    expect(checkReviewPackage(q).map((f) => f.path)).toEqual([
      ['applicants', 1, 'requestedFunding'],
    ]);
  });
  it('staged tranches (第十二条（八）, 第十三条（一）)', () => {
    expect(checkTranches('industry-common', '800', ['300', '300', '200'], [])).toEqual([]);
    expectRule(
      checkTranches('industry-common', '800', ['300', '300', '100'], []),
      'funding.tranchesSum',
      '第十二条（八）',
    );
    expectRule(
      checkTranches('industry-common', '800', ['400', '400'], []),
      'funding.threeStages',
      '第十三条（一）',
    );
    expectRule(checkTranches('enterprise', '800', ['800'], []), 'funding.staged', '第十二条（八）');
  });
});

describe('第十二条（六） publicity', () => {
  const cal = defaultCalendar();
  it('passes 5 working days and fails 4', () => {
    expect(checkPublicity(cal, '2026-12-14', '2026-12-18')).toEqual([]);
    expectRule(
      checkPublicity(cal, '2026-12-14', '2026-12-17'),
      'publicity.fiveWorkingDays',
      '第十二条（六）',
    );
    expect(checkPublicity(cal, '2026-12-14', '2026-12-17')[0]?.message).toBe(
      '公示期自2026年12月14日起应满 5 个工作日，最早至2026年12月18日，现为2026年12月17日（第十二条（六））',
    );
    expectRule(
      checkPublicity(cal, '2025-09-26', '2025-10-08'),
      'publicity.fiveWorkingDays',
      '第十二条（六）',
    );
  });
});

describe('task book rules', () => {
  it('passes the reference task book', () =>
    expect(
      checkParties(
        taskBook(),
        pkg(),
        decision({
          horseRace: undefined,
          recommendedIds: ['A01'],
          approvedFunding: [{ applicantId: 'A01', amount: '800' }],
        }),
      ),
    ).toEqual([]));
  it('第十二条（七）: a 丙方 without its legal or authorised representative blocks, named', () => {
    const tb = taskBook();
    const parties = tb.parties.map((p) =>
      p.role === 'solver' ? { ...p, representative: ' ' } : p,
    );
    const found = checkParties({ ...tb, parties });
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'parties.representative',
        severity: 'blocking',
        message:
          '丙方“新疆水处理技术研究院（示例）”的法定代表人或授权代表尚未填写（第十二条（七））',
        path: ['parties', 2, 'representative'],
      }),
    ]);
  });
  it('第十二条（七）: 2–3 years', () => {
    expect(checkPeriod(taskBook())).toEqual([]);
    expectRule(
      checkPeriod(taskBook({ period: { start: '2027-01-01', end: '2031-01-01' } })),
      'period.twoToThreeYears',
      '第十二条（七）',
    );
  });
  it('第十五条: IP ownership and benefit sharing', () => {
    expect(checkIntellectualProperty(taskBook())).toEqual([]);
    expectRule(
      checkIntellectualProperty(
        taskBook({ intellectualProperty: { ownership: '', benefitSharing: 'x' } }),
      ),
      'ip.ownership',
      '第十五条',
    );
  });
  it('第十二条（七）: milestones in the period; race-stage targets for each solver', () => {
    expect(checkMilestones(taskBook())).toEqual([]);
    const late = taskBook();
    late.milestones = late.milestones.map((m, i) => (i === 2 ? { ...m, due: '2030-01-01' } : m));
    expectRule(checkMilestones(late), 'milestones.withinPeriod', '第十二条（七）');
    expect(checkMilestones(late)[0]?.message).toMatch(
      /^里程碑“[^”]+”的日期2030年1月1日不在实施周期（\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日）内（第十二条（七））$/,
    );
    expectRule(
      checkMilestones(taskBook({ isHorseRace: true })),
      'horseRace.stageTargets',
      '第十二条（七）',
    );
  });
  it('第十七条: the parties are those of the package and the decision', () => {
    const tb = taskBook();
    tb.parties = tb.parties.map((p) => (p.role === 'issuer' ? { ...p, name: '另一家公司' } : p));
    expectRule(checkParties(tb, pkg()), 'parties.noChange', '第十七条');
    expectRule(checkParties(taskBook(), pkg(), decision()), 'parties.noChange', '第十七条');
  });
});

describe('第十三条（三） one solver continues after the race', () => {
  const base = {
    formatVersion: 1 as const,
    taskBookId: 'TB-1',
    milestoneId: 'M2',
    assessedOn: '2028-06-30',
    passed: true,
    findings: '',
  };
  it('passes exactly one continuing, with a reason', () => {
    expect(
      checkHorseRaceSelection(
        [
          { ...base, applicantId: 'A01', continues: true, continueReason: '指标更优' },
          { ...base, applicantId: 'A02', continues: false },
        ],
        ['A01', 'A02'],
      ),
    ).toEqual([]);
  });
  it('refuses two, or none', () => {
    expectRule(
      checkHorseRaceSelection(
        [
          { ...base, applicantId: 'A01', continues: true },
          { ...base, applicantId: 'A02', continues: true },
        ],
        ['A01', 'A02'],
      ),
      'horseRace.oneContinues',
      '第十三条（三）',
    );
  });
});

describe('第十七条 / 第十八条 changes', () => {
  it('refuses a change of solver; requires approval before a change takes effect', () => {
    expectRule(
      checkChangeRequest({ taskBookId: 'TB-1', kind: 'change-solver', requestedOn: '2027-05-01' }),
      'parties.noChange',
      '第十七条',
    );
    expectRule(
      checkChangeRequest({
        taskBookId: 'TB-1',
        kind: 'project-leader',
        requestedOn: '2027-05-01',
        effectiveOn: '2027-05-02',
      }),
      'changes.approval',
      '第十八条',
    );
    expect(
      checkChangeRequest({
        taskBookId: 'TB-1',
        kind: 'project-leader',
        requestedOn: '2027-05-01',
        approved: true,
        approvedOn: '2027-05-10',
        effectiveOn: '2027-05-11',
      }),
    ).toEqual([]);
  });
});

describe('第十九条 extension', () => {
  const ok: ExtensionRequest = {
    taskBookId: 'TB-1',
    requestedOn: '2029-05-01',
    currentEnd: '2029-06-30',
    newEnd: '2030-06-30',
    reason: '设备延误',
    objectiveCause: true,
    previousExtensions: 0,
  };
  it('passes a timely first extension of a year', () =>
    expect(checkExtensionRequest(ok)).toEqual([]));
  it('refuses late, repeated, too long, non-objective', () => {
    expectRule(
      checkExtensionRequest({ ...ok, requestedOn: '2029-06-15' }),
      'extension.deadline',
      '第十九条',
    );
    expectRule(
      checkExtensionRequest({ ...ok, previousExtensions: 1 }),
      'extension.once',
      '第十九条',
    );
    expectRule(
      checkExtensionRequest({ ...ok, newEnd: '2030-07-01' }),
      'extension.maxOneYear',
      '第十九条',
    );
    expectRule(
      checkExtensionRequest({ ...ok, objectiveCause: false }),
      'extension.objectiveCause',
      '第十九条',
    );
  });
});

describe('第十二条（九） acceptance', () => {
  const acc: AcceptanceEvaluation = {
    formatVersion: 1,
    taskBookId: 'TB-1',
    appliedOn: '2029-07-20',
    hasUserTechnicalEvaluation: true,
    materials: ['self-evaluation', 'technical-report', 'final-accounts', 'audit-report'],
    opinion: '',
  };
  it('passes within 30 days with the materials', () =>
    expect(checkAcceptanceApplication(acc, '2029-06-30')).toEqual([]));
  it('counts the days past the 30-day limit, not the days since the end (第十二条（九）)', () => {
    const on = (appliedOn: string) =>
      checkAcceptanceApplication({ ...acc, appliedOn }, '2029-06-30').find(
        (f) => f.rule === 'acceptance.within30Days',
      )?.message;
    expect(on('2029-07-30')).toBeUndefined();
    expect(on('2029-07-31')).toBe(
      '验收申请应在实施周期结束后 30 日内提出，即不晚于2029年7月30日（本申请在结束后第 31 日提出，逾期 1 日）（第十二条（九））',
    );
    expect(on('2029-08-29')).toContain('（本申请在结束后第 60 日提出，逾期 30 日）');
  });
  it('refuses late, incomplete, or an outcome without the user evaluation', () => {
    expectRule(
      checkAcceptanceApplication({ ...acc, appliedOn: '2029-08-01' }, '2029-06-30'),
      'acceptance.within30Days',
      '第十二条（九）',
    );
    expectRule(
      checkAcceptanceApplication({ ...acc, materials: ['self-evaluation'] }, '2029-06-30'),
      'acceptance.materials',
      '第十二条（九）',
    );
    expectRule(
      checkAcceptanceApplication(
        { ...acc, outcome: 'pass', hasUserTechnicalEvaluation: false },
        '2029-06-30',
      ),
      'acceptance.userEvaluation',
      '第十二条（九）',
    );
  });
});

describe('dates in the lifecycle rules never go wrong (issue 14, point 5)', () => {
  const ext: ExtensionRequest = {
    taskBookId: 'TB-1',
    requestedOn: '2028-01-10',
    currentEnd: '2028-02-29',
    newEnd: '2029-02-28',
    reason: '设备延误',
    objectiveCause: true,
    previousExtensions: 0,
  };
  it('a year after 2028-02-29 ends 2029-02-28, not on an impossible date', () => {
    expect(checkExtensionRequest(ext)).toEqual([]);
    const over = checkExtensionRequest({ ...ext, newEnd: '2029-03-01' });
    expect(over.find((f) => f.rule === 'extension.maxOneYear')?.message).toContain(
      '延期期限最长一年（最晚至2029年2月28日）（第十九条）',
    );
  });
  it('a request on the end day says so, not 「距到期仅 0 日」', () => {
    const onTheDay = checkExtensionRequest({ ...ext, requestedOn: '2028-02-29' });
    expect(onTheDay.find((f) => f.rule === 'extension.deadline')?.message).toBe(
      '延期申请应在实施周期到期 30 日前提出（本申请在到期当日才提出）（第十九条）',
    );
    const lastDay = checkExtensionRequest({ ...ext, requestedOn: '2028-01-30' });
    expect(lastDay.find((f) => f.rule === 'extension.deadline')).toBeUndefined();
    const dayAfter = checkExtensionRequest({ ...ext, requestedOn: '2028-01-31' });
    expect(dayAfter.find((f) => f.rule === 'extension.deadline')?.message).toContain(
      '本申请距到期仅 29 日',
    );
  });
  it('a request after the end says how many days after, never 「-15 日」', () => {
    const late = checkExtensionRequest({ ...ext, requestedOn: '2028-03-15' });
    const message = late.find((f) => f.rule === 'extension.deadline')?.message ?? '';
    expect(message).toContain('本申请在实施周期结束 15 日后才提出');
    expect(message).not.toMatch(/-\d/);
  });
});

describe('第二十三条: the measures in force from 2025-03-28 to 2030-03-27', () => {
  it('warns about a review or a task book begun outside the window', () => {
    expect(MEASURES_IN_FORCE_FROM).toBe('2025-03-28');
    expect(MEASURES_IN_FORCE_TO).toBe('2030-03-27');
    const early = pkg();
    early.schedule.reviewDate = '2025-03-27';
    const finding = checkReviewPackage(early).find((f) => f.rule === 'measures.inForce');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain(
      '评审日期2025年3月27日早于本办法的有效期（2025年3月28日至2030年3月27日）',
    );
    expect(finding?.article).toBe('第二十三条');
    const inside = pkg();
    inside.schedule.reviewDate = '2030-03-27';
    expect(checkReviewPackage(inside).map((f) => f.rule)).not.toContain('measures.inForce');
    expectRule(
      checkTaskBook(taskBook({ period: { start: '2030-04-01', end: '2032-03-31' } })),
      'measures.inForce',
      '第二十三条',
    );
  });
  it('does not flag later documents of a project begun inside it', () => {
    const later = checkExtensionRequest({
      taskBookId: 'TB-1',
      requestedOn: '2031-01-01',
      currentEnd: '2031-06-30',
      newEnd: '2032-06-30',
      reason: '设备延误',
      objectiveCause: true,
      previousExtensions: 0,
    });
    expect(later.map((f) => f.rule)).not.toContain('measures.inForce');
  });
});

describe('第二十条: a failed acceptance and its cause', () => {
  const failed: AcceptanceEvaluation = {
    formatVersion: 1,
    taskBookId: 'TB-1',
    appliedOn: '2029-07-20',
    hasUserTechnicalEvaluation: true,
    materials: ['self-evaluation', 'technical-report', 'final-accounts', 'audit-report'],
    outcome: 'fail',
    opinion: '',
  };
  const rules = (a: AcceptanceEvaluation) =>
    checkAcceptanceApplication(a, '2029-06-30').map((f) => `${f.rule}:${f.severity}`);
  it('blocks a 不通过 that does not say whether the cause was objective, and names the consequences', () => {
    expect(rules(failed)).toEqual([
      'acceptance.failureCause:blocking',
      'acceptance.recoverFunds:warning',
      'acceptance.integrityInvestigation:warning',
    ]);
    const fs = checkAcceptanceApplication(failed, '2029-06-30');
    expect(fs[1]?.message).toContain('收回已拨付的市财政科研项目资金（第二十条）');
    expect(fs[2]?.message).toContain('开展科研诚信调查（第二十条）');
  });
  it('a cause not objective: funds recovered and an integrity investigation; an objective one: neither', () => {
    expect(rules({ ...failed, failureCause: 'not-objective' })).toEqual([
      'acceptance.recoverFunds:warning',
      'acceptance.integrityInvestigation:warning',
    ]);
    expect(
      rules({ ...failed, failureCause: 'objective', failureCauseNote: '上游来水水质突变' }),
    ).toEqual([]);
  });
});

describe('第十二条（五）（六） the rubric and the schedule', () => {
  it('refuses a rubric not of 100 points and a maximum its step cannot reach, naming the criteria', () => {
    const rubric = samplePackage().rubric;
    expect(checkRubric(rubric)).toEqual([]);
    const [c1, c2] = [must(rubric.criteria[0]), must(rubric.criteria[1])];
    const over = { ...rubric, criteria: [{ ...c1, maxPoints: 25 }, ...rubric.criteria.slice(1)] };
    const [total] = checkRubric(over);
    expect(total).toMatchObject({
      rule: 'rubric.total',
      severity: 'blocking',
      path: ['rubric', 'criteria'],
    });
    expect(total?.message).toContain('合计 105 分，应为 100 分：C1“揭榜方资质条件”25 分、C2');
    const step = {
      ...rubric,
      criteria: [
        { ...c1, maxPoints: 15, step: 2 },
        { ...c2, maxPoints: 45 },
        ...rubric.criteria.slice(2),
      ],
    };
    expect(checkRubric(step)).toEqual([
      expect.objectContaining({
        rule: 'rubric.step',
        path: ['rubric', 'criteria', 0, 'step'],
        message:
          '评分项 C1“揭榜方资质条件”满分 15 分，分值步长 2 分打不到满分（最高只能打 14 分）：满分应为步长的整数倍（第十二条（五））',
      }),
    ]);
    // Weights count: 4 × 25 weighted by 1 each is 100; 50 + 50 weighted 0.5 and 1.5 is 100 too.
    const weighted = {
      ...rubric,
      criteria: [
        { ...c1, maxPoints: 50, weight: 0.5 },
        { ...c2, maxPoints: 50, weight: 1.5 },
      ],
    };
    expect(checkRubric(weighted)).toEqual([]);
  });
  it('refuses a publicity planned on or before the review day', () => {
    const p = samplePackage();
    expect(checkSchedule(p)).toEqual([]);
    p.schedule.publicityStart = p.schedule.reviewDate;
    expectRule(checkSchedule(p), 'schedule.publicityAfterReview', '第十二条（六）');
    expect(checkSchedule(p)[0]?.message).toContain(
      '公示开始日期 2026年12月8日 就是评审日期 2026年12月8日',
    );
    p.schedule.publicityStart = '2026-12-09';
    expect(checkSchedule(p)).toEqual([]);
  });
});
