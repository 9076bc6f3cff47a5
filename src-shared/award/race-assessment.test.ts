import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import { checkAwardDocument, type AwardDocument } from './index';
import { sampleAssessment, sampleRaceChoice } from './samples';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});
const race: AwardDocument = { type: 'race', doc: sampleRaceChoice() };
const assess = (patch: Partial<ReturnType<typeof sampleAssessment>>): AwardDocument => ({
  type: 'assessment',
  doc: { ...sampleAssessment(), ...patch },
});
const raceRules = (d: AwardDocument, on: readonly AwardDocument[], tb = signedBook()) =>
  checkAwardDocument(d, tb, undefined, on).filter(
    (f) => f.rule === 'assessment.beforeRaceChoice' || f.rule === 'assessment.notChosen',
  );

describe('milestone assessments in a horse race follow the signed choice (第十二条（八）3)', () => {
  it('refuses an assessment before the race’s choice is signed', () => {
    const [f] = raceRules(assess({}), []);
    expect(f?.severity).toBe('blocking');
    expect(f?.article).toBe('第十二条（八）3');
    expect(f?.message).toBe(
      '“赛马制”项目于“赛马”阶段结束后开展“里程碑”考核：赛马择优尚未签署（第十二条（八）3）',
    );
  });
  it('refuses an assessment dated before the choice', () => {
    expect(raceRules(assess({ assessedOn: '2027-12-01' }), [race]).map((f) => f.message)).toEqual([
      '考核日期2027年12月1日早于赛马择优（RC-1，2027年12月28日）：“赛马制”项目于“赛马”阶段结束后开展“里程碑”考核（第十二条（八）3）',
    ]);
  });
  it('refuses an assessment of a solver not chosen, by name; takes the chosen one', () => {
    expect(raceRules(assess({ applicantId: 'A02' }), [race]).map((f) => f.message)).toEqual([
      'A02 西部石油大学（示例）牵头联合体 未获择优支持（RC-1 择优支持 A01 新疆水处理技术研究院（示例）），不再开展“里程碑”考核（第十二条（八）3）',
    ]);
    expect(raceRules(assess({ applicantId: 'A01' }), [race])).toEqual([]);
    expect(checkAwardDocument(assess({}), signedBook(), undefined, [race])).toEqual([
      expect.objectContaining({ rule: 'assessment.evidence', severity: 'warning' }),
    ]);
  });
  it('a project without a race assesses its milestones from the start', () => {
    expect(raceRules(assess({}), [], { ...signedBook(), isHorseRace: false })).toEqual([]);
  });
});
