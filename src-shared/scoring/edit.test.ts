import { describe, expect, it } from 'vitest';
import { samplePackage } from '../sample-fixture';
import {
  applicantStatus,
  applySheetEdit,
  emptySheet,
  reopenSheet,
  scoreOf,
  submitSheet,
  type SheetEdit,
} from './edit';
import { needsScoreReason } from './sheet';

const pkg = samplePackage();
const blank = () => emptySheet(pkg, 'E02', '2026-12-01T09:00:00+08:00');
const apply = (edits: SheetEdit[], sheet = blank()) => edits.reduce(applySheetEdit, sheet);

describe('an expert’s sheet edits', () => {
  it('sets, replaces and clears a criterion’s points; a comment first starts the criterion at 0', () => {
    const sheet = apply([
      { type: 'points', applicantId: 'A01', criterionId: 'C1', points: 17.5 },
      { type: 'points', applicantId: 'A01', criterionId: 'C1', points: 18 },
      { type: 'comment', applicantId: 'A01', criterionId: 'C2', comment: '路线清楚' },
    ]);
    expect(scoreOf(sheet, 'A01').criteria).toEqual([
      { criterionId: 'C1', points: 18, comment: '' },
      { criterionId: 'C2', points: 0, comment: '路线清楚' },
    ]);
    const cleared = applySheetEdit(sheet, {
      type: 'points',
      applicantId: 'A01',
      criterionId: 'C2',
      points: null,
    });
    expect(scoreOf(cleared, 'A01').criteria.map((c) => c.criterionId)).toEqual(['C1']);
    expect(sheet.pledgeConfirmedAt).toBe('2026-12-01T09:00:00+08:00');
  });

  it('a recusal replaces the score; withdrawing it starts the applicant again', () => {
    const recused = apply([
      { type: 'points', applicantId: 'A03', criterionId: 'C1', points: 12 },
      { type: 'recuse', applicantId: 'A03', kind: 'same-organisation', reason: '曾在该公司任职' },
    ]);
    expect(scoreOf(recused, 'A03')).toEqual({
      applicantId: 'A03',
      recusal: { kind: 'same-organisation', reason: '曾在该公司任职' },
      criteria: [],
      overallOpinion: '',
    });
    expect(applicantStatus(pkg, recused, 'A03')).toBe('recused');
    const back = applySheetEdit(recused, { type: 'withdraw-recusal', applicantId: 'A03' });
    expect(scoreOf(back, 'A03').recusal).toBeUndefined();
    expect(applicantStatus(pkg, back, 'A03')).toBe('doing');
  });

  it('keeps a suggested amount only when it is a plain amount; empty removes it', () => {
    const set = apply([{ type: 'suggested-funding', applicantId: 'A01', amount: '400' }]);
    expect(scoreOf(set, 'A01').suggestedFunding).toBe('400');
    const bad = applySheetEdit(set, {
      type: 'suggested-funding',
      applicantId: 'A01',
      amount: '4e2',
    });
    expect(scoreOf(bad, 'A01').suggestedFunding).toBe('400');
    const removed = applySheetEdit(set, {
      type: 'suggested-funding',
      applicantId: 'A01',
      amount: '',
    });
    expect('suggestedFunding' in scoreOf(removed, 'A01')).toBe(false);
  });

  it('reads the status of each applicant, and asks for a reason only under the pass score', () => {
    const points = (p: number[]): SheetEdit[] =>
      ['C1', 'C2', 'C3', 'C4'].map((criterionId, i) => ({
        type: 'points',
        applicantId: 'A04',
        criterionId,
        points: p[i] ?? 0,
      }));
    const sheet = apply([
      ...points([10, 20, 10, 10]),
      ...['C1', 'C2', 'C3', 'C4'].map((criterionId): SheetEdit => ({
        type: 'comment',
        applicantId: 'A04',
        criterionId,
        comment: '偏弱',
      })),
      { type: 'opinion', applicantId: 'A04', text: '不予推荐。' },
    ]);
    expect(applicantStatus(pkg, sheet, 'A01')).toBe('todo');
    expect(needsScoreReason(scoreOf(sheet, 'A04'), pkg)).toBe(true);
    expect(applicantStatus(pkg, sheet, 'A04')).toBe('doing');
    const reasoned = applySheetEdit(sheet, {
      type: 'deviation-reason',
      applicantId: 'A04',
      text: '技术路线不成熟',
    });
    expect(applicantStatus(pkg, reasoned, 'A04')).toBe('done');
  });

  it('never changes a submitted sheet; reopening drops the submission time', () => {
    const submitted = submitSheet(blank(), '2026-12-02T10:00:00+08:00');
    const edit: SheetEdit = { type: 'opinion', applicantId: 'A01', text: '改' };
    expect(applySheetEdit(submitted, edit)).toBe(submitted);
    const reopened = reopenSheet(submitted);
    expect(reopened.status).toBe('draft');
    expect('submittedAt' in reopened).toBe(false);
    expect(scoreOf(applySheetEdit(reopened, edit), 'A01').overallOpinion).toBe('改');
  });
});
