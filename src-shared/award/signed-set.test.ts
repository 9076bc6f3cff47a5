import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import { checkAwardDocument, periodEndInForce, type AwardDocument } from './index';
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
const rules = (d: AwardDocument, signed?: readonly AwardDocument[]) =>
  checkAwardDocument(d, signedBook(), undefined, signed)
    .filter((f) => f.severity === 'blocking')
    .map((f) => f.rule);

const race: AwardDocument = { type: 'race', doc: sampleRaceChoice() };
const extended: AwardDocument = {
  type: 'form',
  doc: {
    ...sampleLateExtension(),
    requestedOn: '2029-03-01',
    newEnd: '2030-03-31',
    approvedOn: '2029-03-20',
  },
};

describe('the order rules over the other signed documents of the project', () => {
  it('an assessment of the solver not chosen, or before the choice (第十二条（八）3)', () => {
    const ofA02: AwardDocument = {
      type: 'assessment',
      doc: { ...sampleAssessment(), applicantId: 'A02' },
    };
    expect(rules(ofA02)).toEqual([]);
    expect(rules(ofA02, [])).toEqual(['assessment.beforeRaceChoice']);
    expect(rules(ofA02, [race])).toEqual(['assessment.notChosen']);
    const early: AwardDocument = {
      type: 'assessment',
      doc: { ...sampleAssessment(), assessedOn: '2027-12-01', approvedOn: '2027-12-05' },
    };
    expect(rules(early, [race])).toEqual(['assessment.beforeRaceChoice']);
  });

  it('a second extension after one approved on the timeline (第十九条), whatever the form states', () => {
    const second: AwardDocument = {
      type: 'form',
      doc: {
        ...sampleLateExtension(),
        formId: 'EXT-2',
        requestedOn: '2029-12-01',
        currentEnd: '2030-03-31',
        newEnd: '2030-12-31',
      },
    };
    expect(rules(second, [extended])).toEqual(['extension.once']);
    // The same form checked alone is judged against the task book's end, not the extended one.
    expect(rules(second)).toContain('extension.currentEnd');
  });

  it('the period end in force follows the approved extension: the acceptance is judged by it', () => {
    expect(periodEndInForce(signedBook(), [extended])).toBe('2030-03-31');
    const acceptance: AwardDocument = {
      type: 'form',
      doc: { ...sampleFailedAcceptance(), appliedOn: '2030-04-20', evaluatedOn: '2030-05-10' },
    };
    // Within 30 days of the extended end; 294 days after the task book's own.
    expect(rules(acceptance, [extended])).toEqual([]);
    expect(rules(acceptance, [])).toContain('acceptance.within30Days');
  });

  it('an acceptance after a termination (第十七条); the document itself in the set is left out', () => {
    const termination: AwardDocument = { type: 'form', doc: sampleTermination() };
    const acceptance: AwardDocument = { type: 'form', doc: sampleFailedAcceptance() };
    expect(rules(acceptance, [termination])).toEqual(['form.terminated']);
    expect(rules(termination, [termination, race])).toEqual([]);
    expect(rules(extended, [extended])).toEqual([]);
  });
});
