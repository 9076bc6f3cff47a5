import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import {
  buildTimeline,
  checkAwardDocument,
  cityPaid,
  type AwardDocument,
  type MilestoneAssessmentForm,
} from './index';
import { sampleAssessment, sampleRaceChoice } from './samples';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});
const race: AwardDocument = { type: 'race', doc: sampleRaceChoice() };
const held: AwardDocument = { type: 'assessment', doc: sampleAssessment() };
const passingDoc = (id: string, on: string): MilestoneAssessmentForm => ({
  ...sampleAssessment(),
  assessmentId: id,
  assessedOn: on,
  approvedOn: on,
  indicators: [{ indicator: '出水悬浮物', target: '≤ 2 mg/L', result: '1.8 mg/L', passed: true }],
  passed: true,
  effect: 'released',
  released: '320',
  reason: '',
});
const passing = (id: string, on: string): AwardDocument => ({
  type: 'assessment',
  doc: passingDoc(id, on),
});
const again = (d: AwardDocument, signed: readonly AwardDocument[]) =>
  checkAwardDocument(d, signedBook(), undefined, signed).filter(
    (f) => f.rule === 'assessment.again',
  );

describe('a milestone assessed again (第十二条（八）3)', () => {
  it('after a hold: a later re-assessment is allowed, said, and is the one that pays', () => {
    const recheck = passing('MA-M2-2', '2028-06-20');
    expect(again(recheck, [race, held])).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          '里程碑 M2 已有考核表 MA-M2-1（2028年4月10日，未通过）：本表为复核，签署后按本表拨付；如为更正原表，应以原编号 MA-M2-1 重新签署（第十二条（八）3）',
      }),
    ]);
    expect(cityPaid([held, recheck], signedBook())).toBe('320');
  });
  it('after a pass: refused, naming the form that paid and how to correct it', () => {
    const paid = passing('MA-M2-1', '2028-04-10');
    expect(again(passing('MA-M2-2', '2028-06-20'), [race, paid])).toEqual([
      expect.objectContaining({
        severity: 'blocking',
        message:
          '里程碑 M2 已由考核表 MA-M2-1（2028年4月10日）考核通过并拨付 320 万元，不再考核；更正该表须以原编号 MA-M2-1 重新签署（第十二条（八）3）',
      }),
    ]);
  });
  it('a new form dated on or before one signed is refused (it would never count, or tie)', () => {
    for (const [on, read] of [
      ['2028-04-01', '2028年4月1日'],
      ['2028-04-10', '2028年4月10日'],
    ] as const)
      expect(again(passing('MA-M2-2', on), [race, held])).toEqual([
        expect.objectContaining({
          severity: 'blocking',
          message: `考核日期${read}不晚于该里程碑已签署的考核表 MA-M2-1（2028年4月10日）：复核应在原考核之后（第十二条（八）3）`,
        }),
      ]);
  });
  it('the same milestone whatever solver the form names: a pass is not paid twice', () => {
    const paid = passing('MA-M2-1', '2028-04-10');
    const named: AwardDocument = {
      type: 'assessment',
      doc: { ...passingDoc('MA-M2-3', '2028-06-20'), applicantId: 'A01' },
    };
    expect(again(named, [race, paid]).map((f) => f.severity)).toEqual(['blocking']);
    expect(cityPaid([paid, named], signedBook())).toBe('320');
  });
  it('a correction under its own number is weighed against the forms before it only', () => {
    const recheck = passing('MA-M2-2', '2028-06-20');
    const corrected: AwardDocument = {
      type: 'assessment',
      doc: { ...sampleAssessment(), reason: '整改期限三个月' },
    };
    // The first form corrected after its 复核 was signed: nothing said, the 复核 still pays.
    expect(again(corrected, [race, held, recheck])).toEqual([]);
    expect(cityPaid([recheck, corrected], signedBook())).toBe('320');
    // The 复核 corrected: still a 复核 of the first.
    expect(again(recheck, [race, held, recheck]).map((f) => f.severity)).toEqual(['warning']);
    const m3: AwardDocument = {
      type: 'assessment',
      doc: { ...sampleAssessment(), assessmentId: 'MA-M3-1', milestoneId: 'M3', tranche: '240' },
    };
    expect(again(m3, [race, held])).toEqual([]);
  });
  it('forms of one day count in one order whatever order they are stored in', () => {
    const a = { ...sampleAssessment(), assessmentId: 'MA-M2-1' };
    const b = { ...passingDoc('MA-M2-2', '2028-04-10'), approvedOn: '2028-04-15' };
    const docs: AwardDocument[] = [
      { type: 'assessment', doc: a },
      { type: 'assessment', doc: b },
    ];
    expect(cityPaid(docs, signedBook())).toBe('320');
    expect(cityPaid([...docs].reverse(), signedBook())).toBe('320');
  });
  it('the timeline keeps the assessment a 复核 replaced, as history', () => {
    const recheck = passing('MA-M2-2', '2028-06-20');
    const t = buildTimeline(signedBook(), [race, held, recheck], '2028-07-01');
    expect(t.entries.filter((e) => e.what.startsWith('里程碑 M2 考核'))).toEqual([
      expect.objectContaining({
        what: '里程碑 M2 考核：未通过（MA-M2-1，已复核）',
        detail: '暂缓 320 万元：出水悬浮物未达到任务书指标，整改复核后再拨付；由 MA-M2-2 复核',
        state: 'info',
      }),
      expect.objectContaining({ what: '里程碑 M2 考核：通过（MA-M2-2，复核）', state: 'done' }),
    ]);
  });
  it('a lone file (no signed set): not weighed', () => {
    expect(
      checkAwardDocument(passing('MA-M2-2', '2028-06-20'), signedBook()).map((f) => f.rule),
    ).not.toContain('assessment.again');
  });
});
