import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import { buildTimeline, cityPaid, tranchePlan, type AwardDocument } from './index';
import { sampleAssessment, sampleRaceChoice } from './samples';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});

describe('the race share carried into the task book’s tranches (第十三条（三）)', () => {
  it('the chosen solver: its race share and the tranches after the choice; the other: its share', () => {
    expect(tranchePlan(signedBook(), sampleRaceChoice())).toEqual([
      {
        applicantId: 'A01',
        name: '新疆水处理技术研究院（示例）',
        chosen: true,
        raceShare: '120',
        tranches: [
          { milestoneId: 'M2', due: '2028-03-31', amount: '320' },
          { milestoneId: 'M3', due: '2029-06-30', amount: '240' },
        ],
        total: '680',
      },
      {
        applicantId: 'A02',
        name: '西部石油大学（示例）牵头联合体',
        chosen: false,
        raceShare: '120',
        tranches: [],
        total: '120',
      },
    ]);
  });
  it('a milestone of the other solver is not the chosen one’s tranche', () => {
    const tb = signedBook();
    const own = {
      ...tb,
      milestones: tb.milestones.map((m) => (m.id === 'M3' ? { ...m, applicantId: 'A02' } : m)),
    };
    const [chosen] = tranchePlan(own, sampleRaceChoice());
    expect(chosen?.tranches.map((x) => x.milestoneId)).toEqual(['M2']);
  });
  it('the timeline’s paid total counts the race shares once the choice is signed', () => {
    const race: AwardDocument = { type: 'race', doc: sampleRaceChoice() };
    const released: AwardDocument = {
      type: 'assessment',
      doc: {
        ...sampleAssessment(),
        indicators: [],
        passed: true,
        effect: 'released',
        released: '320',
      },
    };
    expect(cityPaid([race], signedBook())).toBe('240');
    expect(cityPaid([race, released], signedBook())).toBe('560');
    expect(cityPaid([released], signedBook())).toBe('320');
    // A race-stage milestone's release is the race shares: not counted twice.
    const m1: AwardDocument = {
      type: 'assessment',
      doc: {
        ...sampleAssessment(),
        milestoneId: 'M1',
        passed: true,
        effect: 'released',
        tranche: '240',
        released: '240',
      },
    };
    expect(cityPaid([race, m1], signedBook())).toBe('240');
    const t = buildTimeline(signedBook(), [race, released], '2028-05-01');
    expect(t.paid).toBe('560');
    expect(t.entries.filter((e) => e.what.startsWith('赛马阶段拨付'))).toEqual([
      expect.objectContaining({
        what: '赛马阶段拨付：新疆水处理技术研究院（示例） 120 万元',
        state: 'paid',
        article: '第十三条（三）',
      }),
      expect.objectContaining({
        what: '赛马阶段拨付：西部石油大学（示例）牵头联合体 120 万元',
        state: 'paid',
      }),
    ]);
  });
});
