import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import { checkAwardDocument, cityPaid, type AwardDocument } from './index';
import { sampleAssessment, sampleRaceChoice } from './samples';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});
const race: AwardDocument = { type: 'race', doc: sampleRaceChoice() };
const held: AwardDocument = { type: 'assessment', doc: sampleAssessment() };
const passing = (id: string, on: string): AwardDocument => ({
  type: 'assessment',
  doc: {
    ...sampleAssessment(),
    assessmentId: id,
    assessedOn: on,
    approvedOn: on,
    indicators: [{ indicator: '出水悬浮物', target: '≤ 2 mg/L', result: '1.8 mg/L', passed: true }],
    passed: true,
    effect: 'released',
    released: '320',
    reason: '',
  },
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
          '里程碑 M2 已有考核表 MA-M2-1（2028-04-10，未通过）：本表为复核，签署后按本表拨付；如为更正原表，应以原编号 MA-M2-1 重新签署（第十二条（八）3）',
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
          '里程碑 M2 已由考核表 MA-M2-1（2028-04-10）考核通过并拨付 320 万元，不再考核；更正该表须以原编号 MA-M2-1 重新签署（第十二条（八）3）',
      }),
    ]);
  });
  it('a re-assessment dated before the one it follows is refused', () => {
    expect(again(passing('MA-M2-2', '2028-04-01'), [race, held])).toEqual([
      expect.objectContaining({
        severity: 'blocking',
        message:
          '考核日期 2028-04-01 早于该里程碑已签署的考核表 MA-M2-1（2028-04-10）：复核应在原考核之后（第十二条（八）3）',
      }),
    ]);
  });
  it('the same form signed again under its own number, another milestone, or another solver: nothing said', () => {
    const amended: AwardDocument = {
      type: 'assessment',
      doc: { ...sampleAssessment(), reason: '整改期限三个月' },
    };
    expect(again(amended, [race, held])).toEqual([]);
    const m3: AwardDocument = {
      type: 'assessment',
      doc: { ...sampleAssessment(), assessmentId: 'MA-M3-1', milestoneId: 'M3', tranche: '240' },
    };
    expect(again(m3, [race, held])).toEqual([]);
    const otherSolver: AwardDocument = {
      type: 'assessment',
      doc: { ...sampleAssessment(), assessmentId: 'MA-M2-9', applicantId: 'A02' },
    };
    expect(
      again(otherSolver, [
        race,
        { type: 'assessment', doc: { ...sampleAssessment(), applicantId: 'A01' } },
      ]),
    ).toEqual([]);
  });
  it('a lone file (no signed set): not weighed', () => {
    expect(
      checkAwardDocument(passing('MA-M2-2', '2028-06-20'), signedBook()).map((f) => f.rule),
    ).not.toContain('assessment.again');
  });
});
