import { describe, expect, it } from 'vitest';
import { checkHorseRaceSelection } from '../rules';
import { blankAssessment, chooseToContinue, updateAssessment } from './race-selection';

describe('choosing one solver after the race stage (第十三条（三）)', () => {
  const a01 = blankAssessment('P-1', 'A01', '2028-03-31');
  const a02 = blankAssessment('P-1', 'A02', '2028-03-31');
  const blanks = [a01, a02];

  it('records each solver’s assessment and exactly one that continues', () => {
    let rows = updateAssessment([], a01, { passed: true });
    rows = updateAssessment(rows, a02, { passed: true, findings: '达标' });
    rows = chooseToContinue(rows, blanks, 'A01');
    expect(rows.map((r) => [r.applicantId, r.continues])).toEqual([
      ['A01', true],
      ['A02', false],
    ]);
    expect(checkHorseRaceSelection(rows, ['A01', 'A02']).map((f) => f.rule)).toEqual([
      'horseRace.reason',
    ]);
    rows = updateAssessment(rows, a01, { continueReason: '成本更低' });
    expect(checkHorseRaceSelection(rows, ['A01', 'A02'])).toEqual([]);
    expect(rows.find((r) => r.applicantId === 'A02')?.findings).toBe('达标');
  });
});
