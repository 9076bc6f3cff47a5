import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import { hasBlocking } from '../rules';
import { formatDateZh } from '../text/date';
import {
  acceptanceRecovery,
  buildTimeline,
  checkAwardDocument,
  raceTranches,
  terminationRecovery,
  type AwardDocument,
} from './index';
import {
  sampleAssessment,
  sampleFailedAcceptance,
  sampleLateExtension,
  sampleRaceChoice,
  sampleTermination,
} from './samples';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});
const rules = (d: AwardDocument) => checkAwardDocument(d, signedBook()).map((f) => f.rule);

describe('milestone assessment (第十二条（八）3, 第十四条)', () => {
  it('a failed indicator holds the tranche, with its reason and the bureau approval', () => {
    const a = sampleAssessment();
    expect(checkAwardDocument({ type: 'assessment', doc: a }, signedBook())).toEqual([
      expect.objectContaining({ rule: 'assessment.evidence', severity: 'warning' }),
    ]);
  });
  it('refuses 通过 over a failed indicator, a release on failure, a held tranche paying out', () => {
    expect(rules({ type: 'assessment', doc: { ...sampleAssessment(), passed: true } })).toContain(
      'assessment.overall',
    );
    expect(
      rules({
        type: 'assessment',
        doc: { ...sampleAssessment(), effect: 'released', released: '320' },
      }),
    ).toContain('assessment.noRelease');
    expect(
      rules({ type: 'assessment', doc: { ...sampleAssessment(), released: '100' } }),
    ).toContain('assessment.held');
    expect(
      rules({
        type: 'assessment',
        doc: { ...sampleAssessment(), effect: 'reduced', released: '320' },
      }),
    ).toContain('assessment.reduced');
  });
  it('needs the bureau (第十四条), a milestone of the book and its tranche', () => {
    const { approvedOn: _a, ...unapproved } = sampleAssessment();
    const found = checkAwardDocument({ type: 'assessment', doc: unapproved }, signedBook());
    expect(found.find((f) => f.rule === 'assessment.bureau')?.message).toContain('第十四条');
    expect(
      rules({ type: 'assessment', doc: { ...sampleAssessment(), milestoneId: 'M9' } }),
    ).toContain('assessment.milestone');
    expect(rules({ type: 'assessment', doc: { ...sampleAssessment(), tranche: '300' } })).toContain(
      'assessment.tranche',
    );
  });
});

describe('the race’s choice (第十三条（三）)', () => {
  it('one solver continues: the rest of the city funds go to it after the race shares', () => {
    const c = sampleRaceChoice();
    expect(checkAwardDocument({ type: 'race', doc: c }, signedBook())).toEqual([]);
    expect(raceTranches(c, '800')).toEqual([
      { applicantId: 'A01', stage: 'race', amount: '120' },
      { applicantId: 'A02', stage: 'race', amount: '120' },
      { applicantId: 'A01', stage: 'continue', amount: '560' },
    ]);
  });
  it('refuses a choice without a reason, a chosen solver that failed, a missing solver', () => {
    expect(rules({ type: 'race', doc: { ...sampleRaceChoice(), reason: '' } })).toContain(
      'horseRace.reason',
    );
    const c = sampleRaceChoice();
    const failed = {
      ...c,
      solvers: c.solvers.map((s) => ({ ...s, passed: s.applicantId !== 'A01' })),
    };
    expect(rules({ type: 'race', doc: failed })).toContain('horseRace.chosenPassed');
    const other = {
      ...c,
      solvers: c.solvers.map((s) => ({
        ...s,
        applicantId: s.applicantId === 'A02' ? 'A09' : s.applicantId,
      })),
    };
    expect(rules({ type: 'race', doc: other })).toContain('race.allSolvers');
  });
});

describe('forms', () => {
  it('an extension requested 20 calendar days before the end is refused citing 第十九条', () => {
    const found = checkAwardDocument({ type: 'form', doc: sampleLateExtension() }, signedBook());
    expect(hasBlocking(found)).toBe(true);
    expect(found.map((f) => f.message)).toContain(
      '延期申请应在实施周期到期 30 日前提出（本申请距到期仅 20 日）（第十九条）',
    );
    expect(
      checkAwardDocument(
        { type: 'form', doc: { ...sampleLateExtension(), requestedOn: '2029-05-31' } },
        signedBook(),
      ),
    ).toEqual([]);
  });
  it('termination recovers the unspent balance; revocation everything disbursed (第十七条)', () => {
    expect(terminationRecovery(sampleTermination()).amount).toBe('54.5');
    expect(terminationRecovery({ ...sampleTermination(), decision: 'revoke' }).amount).toBe('240');
    expect(
      rules({ type: 'form', doc: { ...sampleTermination(), issuerApproved: false } }),
    ).toContain('termination.approval');
  });
  it('不通过 for a non-objective cause recovers the disbursed funds (第二十条)', () => {
    const acc = sampleFailedAcceptance();
    expect(acceptanceRecovery(acc)).toEqual(
      expect.objectContaining({ amount: '560', article: '第二十条' }),
    );
    expect(acceptanceRecovery({ ...acc, failureCause: 'objective' })).toBeNull();
    const found = checkAwardDocument({ type: 'form', doc: acc }, signedBook());
    expect(found.map((f) => f.rule)).toEqual([
      'acceptance.recoverFunds',
      'acceptance.integrityInvestigation',
    ]);
    expect(rules({ type: 'form', doc: { ...acc, appliedOn: '2029-08-05' } })).toContain(
      'acceptance.within30Days',
    );
  });
  it('a document dated before the period starts is refused (第十二条（七）)', () => {
    expect(
      rules({ type: 'form', doc: { ...sampleTermination(), decidedOn: '2026-12-31' } }),
    ).toEqual(['award.beforeStart']);
  });
  it('the parties never change (第十七条); other changes need approval first (第十八条)', () => {
    const base = {
      formatVersion: 1 as const,
      formId: 'CHG-1',
      taskBookId: 'TB-KLMY-2026-001',
      form: 'change' as const,
      requestedOn: '2027-05-01',
      from: '',
      to: '',
      reason: '单位更名',
    };
    expect(rules({ type: 'form', doc: { ...base, kind: 'change-solver' } })).toEqual([
      'parties.noChange',
    ]);
    expect(
      rules({ type: 'form', doc: { ...base, kind: 'unit-name', effectiveOn: '2027-05-02' } }),
    ).toEqual(['changes.approval']);
  });
});

describe('the timeline', () => {
  it('shows milestones, tranches held and paid, the choice, and what is due or overdue', () => {
    const docs: AwardDocument[] = [
      { type: 'race', doc: sampleRaceChoice() },
      { type: 'assessment', doc: sampleAssessment() },
      {
        type: 'assessment',
        doc: {
          ...sampleAssessment(),
          assessmentId: 'MA-M1',
          milestoneId: 'M1',
          assessedOn: '2027-04-05',
          approvedOn: '2027-04-08',
          tranche: '240',
          indicators: [{ indicator: '设计评审', target: '通过', result: '通过', passed: true }],
          passed: true,
          effect: 'released',
          released: '240',
          reason: '',
        },
      },
    ];
    const t = buildTimeline(signedBook(), docs, '2028-05-01');
    expect(t.paid).toBe('240');
    expect(t.held).toBe('320');
    expect(t.entries.map((e) => e.what)).toEqual(
      expect.arrayContaining([
        '里程碑 M1 经费：拨付',
        '里程碑 M2 经费：暂缓拨付',
        '赛马择优：新疆水处理技术研究院（示例） 继续研究',
        '里程碑 M3 考核',
      ]),
    );
    expect(t.next?.what).toBe('延期申请截止');
    expect(t.next?.date).toBe('2029-05-31');
    expect(t.overdue).toEqual([]);
    const late = buildTimeline(signedBook(), docs, '2029-08-15');
    expect(late.overdue.map((e) => e.what)).toEqual(['里程碑 M3 考核', '验收申请截止']);
  });
  it('after termination nothing is overdue and the recovery is on the record', () => {
    const t = buildTimeline(
      signedBook(),
      [{ type: 'form', doc: sampleTermination() }],
      '2030-01-01',
    );
    expect(t.closure).toBe('terminated');
    expect(t.overdue).toEqual([]);
    expect(t.entries.map((e) => e.what)).toContain('收回 54.5 万元');
  });
  it('nothing dated after today is 已完成: the start to come, the end of a project closed early', () => {
    const before = buildTimeline(signedBook(), [], '2026-12-02');
    expect(before.entries[0]).toMatchObject({ what: '实施周期开始', state: 'upcoming' });
    expect(before.next?.what).toBe('实施周期开始');
    const closed = buildTimeline(
      signedBook(),
      [{ type: 'form', doc: sampleTermination() }],
      sampleTermination().decidedOn,
    );
    const future = closed.entries.filter((e) => e.date > sampleTermination().decidedOn);
    expect(future.map((e) => e.what)).toContain('实施周期结束');
    expect(future.filter((e) => e.state === 'done')).toEqual([]);
    expect(closed.next).toBeNull();
  });
  it('a signed document dated after today is on the record, not 已完成', () => {
    const ext = { ...sampleLateExtension(), requestedOn: '2029-05-01', approvedOn: '2029-05-20' };
    const on = (today: string) =>
      buildTimeline(signedBook(), [{ type: 'form', doc: ext }], today).entries.find((e) =>
        e.what.startsWith('延期：'),
      )?.state;
    expect(on('2029-05-19')).toBe('info');
    expect(on('2029-05-20')).toBe('done');
  });
  it('an approved extension moves the end and the acceptance deadline', () => {
    const ext = { ...sampleLateExtension(), requestedOn: '2029-05-01', approvedOn: '2029-05-20' };
    const t = buildTimeline(signedBook(), [{ type: 'form', doc: ext }], '2029-08-15');
    expect(t.periodEnd).toBe('2030-03-31');
    expect(t.entries.find((e) => e.what === '验收申请截止')?.date).toBe('2030-04-30');
  });
  it('says the dates inside its lines as 年月日 (the 审定, the extension, the period end)', () => {
    const ext = { ...sampleLateExtension(), requestedOn: '2029-05-01', approvedOn: '2029-05-20' };
    const docs: AwardDocument[] = [
      { type: 'assessment', doc: sampleAssessment() },
      { type: 'form', doc: ext },
    ];
    const t = buildTimeline(signedBook(), docs, '2029-08-15');
    const text = t.entries.map((e) => `${e.what} ${e.detail}`).join('\n');
    expect(text).toContain('延期：至 2030年3月31日');
    expect(text).toContain('2029年5月1日 申请，原到期 2029年6月30日');
    expect(text).toContain(`市科技局 ${formatDateZh(sampleAssessment().approvedOn ?? '')} 审定`);
    expect(text).toContain('验收申请截止 实施周期结束后 30 日内（2030年3月31日 后）');
    expect(text).toContain('实施周期结束 延期后（原 2029年6月30日）');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const plain = buildTimeline(signedBook(), [], '2027-01-01');
    expect(plain.entries.find((e) => e.what === '延期申请截止')?.detail).toBe(
      '实施周期到期 30 日前（到期 2029年6月30日）',
    );
  });
});
