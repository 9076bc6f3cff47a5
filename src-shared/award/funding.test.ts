import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import { checkAwardDocument, checkRaceFunding, raceFunding, type RaceChoice } from './index';
import { sampleRaceChoice } from './samples';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});
/** The sample's race with each solver's share set (万元). */
const withShares = (a01: string, a02: string): RaceChoice => {
  const c = sampleRaceChoice();
  return {
    ...c,
    solvers: c.solvers.map((s) => ({ ...s, raceShare: s.applicantId === 'A01' ? a01 : a02 })),
  };
};

// The sample task book: 800 万元 city funds; M1 240 (due 2027-03-31, race stage), M2 320
// (2028-03-31) and M3 240 (2029-06-30) after the choice approved on 2027-12-28.
describe('race shares plus the tranches against the city funding (第十三条)', () => {
  it('120 + 120 shares and 320 + 240 after the choice make the 800 万元: no warning', () => {
    expect(raceFunding(signedBook(), sampleRaceChoice())).toEqual({
      shares: '240',
      tranches: '560',
      total: '800',
      city: '800',
      difference: '0',
    });
    expect(checkRaceFunding(signedBook(), sampleRaceChoice())).toEqual([]);
  });

  it('150 + 150 shares: 300 + 560 = 860 万元, 60 万元 more than the city funding', () => {
    const [f] = checkRaceFunding(signedBook(), withShares('150', '150'));
    expect(f).toEqual({
      rule: 'race.fundingTotal',
      article: '第十三条',
      severity: 'warning',
      message:
        '赛马阶段拨付 300 万元与择优后各阶段拨付 560 万元合计 860 万元，多于市财政资助 800 万元（相差 60 万元）（第十三条）',
      path: ['solvers'],
    });
  });

  it('100 + 99.5 shares: 199.5 + 560 = 759.5 万元, 40.5 万元 short', () => {
    expect(raceFunding(signedBook(), withShares('100', '99.5')).difference).toBe('-40.5');
    expect(checkRaceFunding(signedBook(), withShares('100', '99.5'))[0]?.message).toContain(
      '合计 759.5 万元，少于市财政资助 800 万元（相差 40.5 万元）',
    );
  });

  it('a milestone of the solver not chosen is nobody’s tranche: 240 + 320 = 560, 240 short', () => {
    const tb = signedBook();
    const own = {
      ...tb,
      milestones: tb.milestones.map((m) => (m.id === 'M3' ? { ...m, applicantId: 'A02' } : m)),
    };
    expect(raceFunding(own, sampleRaceChoice())).toMatchObject({
      tranches: '320',
      total: '560',
      difference: '-240',
    });
  });

  it('a choice approved after M2 falls due: M2 is race stage, 240 + 240 = 480, 320 short', () => {
    const late = { ...sampleRaceChoice(), approvedOn: '2028-05-01' };
    expect(raceFunding(signedBook(), late)).toMatchObject({ tranches: '240', total: '480' });
  });

  it('the race choice’s findings carry the warning (screen and `jiebang check` alike); shares over the funding block instead', () => {
    const rules = (c: RaceChoice) =>
      checkAwardDocument({ type: 'race', doc: c }, signedBook()).map((f) => f.rule);
    expect(rules(sampleRaceChoice())).toEqual([]);
    expect(rules(withShares('150', '150'))).toEqual(['race.fundingTotal']);
    expect(rules(withShares('500', '400'))).toEqual(['race.shares']);
  });
});
