import { describe, expect, it } from 'vitest';
import { sampleDecision, samplePackage } from '../sample-fixture';
import { draftTaskBook, type TaskBookDraft } from './draft';
import { applyTaskBookEdit, linesOf, nextMilestoneId, type TaskBookEdit } from './edit';

const draft = (): TaskBookDraft => draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
const apply = (edits: TaskBookEdit[], d = draft()) => edits.reduce(applyTaskBookEdit, d);

describe('task-book draft edits', () => {
  it('adds milestones with ids not yet taken, and removes them', () => {
    const d = draft();
    expect(d.milestones.map((m) => m.id)).toEqual(['P1', 'P2']);
    const added = apply([{ type: 'add-milestone' }, { type: 'remove-milestone', index: 0 }], d);
    expect(added.milestones.map((m) => m.id)).toEqual(['P2', 'M3']);
    expect(nextMilestoneId(added.milestones)).toBe('M4');
    expect(added.milestones[1]).toEqual({
      id: 'M3',
      title: '',
      due: d.period.end,
      deliverables: [''],
      indicators: [],
      tranche: '0',
    });
  });

  it('sets and clears the solver a milestone applies to', () => {
    const one = apply([
      { type: 'milestone', index: 1, patch: { applicantId: 'A02', tranche: '5' } },
    ]);
    expect(one.milestones[1]).toMatchObject({ applicantId: 'A02', tranche: '5' });
    const all = applyTaskBookEdit(one, {
      type: 'milestone',
      index: 1,
      patch: { applicantId: null },
    });
    expect('applicantId' in (all.milestones[1] ?? {})).toBe(false);
  });

  it('gives each solver its own chief expert; a 甲方 or 乙方 gets none', () => {
    const d = apply([
      { type: 'chief-expert', index: 3, patch: { name: '李明哲（代）' } },
      { type: 'chief-expert', index: 0, patch: { name: '不应出现' } },
      { type: 'party', index: 2, patch: { representative: '周立群' } },
    ]);
    expect(d.parties[3]?.chiefExpert?.name).toBe('李明哲（代）');
    expect(d.parties[2]?.chiefExpert?.name).toBe('王建国');
    expect(d.parties[2]?.representative).toBe('周立群');
    expect(d.parties[0]?.chiefExpert).toBeUndefined();
  });

  it('keeps race targets in solver order, trims amounts, and leaves a final book alone', () => {
    const d = apply([
      { type: 'race-targets', applicantId: 'A01', targets: linesOf('通量衰减 ≤ 15%\n') },
      { type: 'funding', key: 'issuer', value: ' 1200 ' },
      { type: 'period', patch: { start: '2027-02-01' } },
      { type: 'ip', patch: { ownership: '归揭榜方' } },
      { type: 'basics', patch: { contractNumber: 'KKJ-1' } },
    ]);
    expect(d.raceStageTargets.map((r) => r.applicantId)).toEqual(['A01', 'A02']);
    expect(d.raceStageTargets[0]?.targets).toEqual(['通量衰减 ≤ 15%', '']);
    expect(d.funding.issuer).toBe('1200');
    expect(d.period.start).toBe('2027-02-01');
    expect(d.intellectualProperty.ownership).toBe('归揭榜方');
    expect(d.contractNumber).toBe('KKJ-1');
    const final = { ...d, status: 'final' as const };
    expect(applyTaskBookEdit(final, { type: 'basics', patch: { title: 'x' } })).toBe(final);
  });
});
