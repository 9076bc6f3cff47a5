import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../db/repo';
import { applyAssessmentEdit, loadAssessments, saveAssessments } from './race';
import { freshDeps } from './test-db';

const race = { packageId: 'P-1', solverIds: ['A01', 'A02'], today: '2028-03-31' };

describe('the race stage’s assessments and the one solver who continues (第十三条（三）)', () => {
  it('saves a pass and a choice, each on the record; reloading shows exactly one who continues', async () => {
    const deps = freshDeps();
    let rows = applyAssessmentEdit(
      [],
      { type: 'patch', applicantId: 'A01', patch: { passed: true } },
      race,
    );
    await saveAssessments(
      deps,
      rows,
      { type: 'patch', applicantId: 'A01', patch: { passed: true } },
      '张志远',
    );
    rows = applyAssessmentEdit(rows, { type: 'choose', applicantId: 'A01' }, race);
    await saveAssessments(deps, rows, { type: 'choose', applicantId: 'A01' }, '张志远');

    const saved = await loadAssessments(deps.db);
    expect(saved.map((r) => [r.applicantId, r.passed, r.continues])).toEqual([
      ['A01', true, true],
      ['A02', expect.anything(), false],
    ]);
    expect((await auditLog(deps.db)).map((e) => [e.action, e.target])).toEqual([
      ['assessment.edit', 'A01'],
      ['race.choose', 'A01'],
    ]);
  });

  it('a findings keystroke is saved but not put on the record; a fresh profile has no assessments', async () => {
    const deps = freshDeps();
    expect(await loadAssessments(deps.db)).toEqual([]);
    const edit = { type: 'patch', applicantId: 'A02', patch: { findings: '达标' } } as const;
    await saveAssessments(deps, applyAssessmentEdit([], edit, race), edit, '张志远');
    expect((await loadAssessments(deps.db)).map((r) => r.findings)).toEqual(['达标']);
    expect(await auditLog(deps.db)).toEqual([]);
  });
});
