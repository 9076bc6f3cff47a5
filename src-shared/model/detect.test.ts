import { describe, expect, it } from 'vitest';
import { detectDocumentKind } from './detect';

const kindOf = (raw: unknown): string | undefined => detectDocumentKind(raw)?.kind;

describe('detectDocumentKind', () => {
  it('tells a document by all the marks of its kind', () => {
    expect(kindOf({ expertId: 'E01', scores: [] })).toBe('score-sheet');
    expect(kindOf({ taskBookId: 'T', parties: {}, milestones: [] })).toBe('task-book');
    expect(kindOf({ formId: 'F', form: {}, taskBookId: 'T' })).toBe('project-form');
    expect(kindOf({ assignmentId: 'A', team: [], reportTo: {}, dueBy: '2026-12-20' })).toBe(
      'inspection-assignment',
    );
  });

  it('an assignment that lost a mark is still one; the report answering it (its assignmentId) is not', () => {
    expect(kindOf({ assignmentId: 'A', team: [], dueBy: '2026-12-20' })).toBe(
      'inspection-assignment',
    );
    expect(kindOf({ reportId: 'R', assignmentId: 'A', inspectors: [] })).toBeUndefined();
  });

  it('still tells a document that lost one mark, so its schema names the missing field', () => {
    expect(kindOf({ packageId: 'P', scores: [] })).toBe('score-sheet');
    expect(kindOf({ applicants: [] })).toBe('review-package');
    expect(kindOf({ taskBookId: 'T', milestones: [] })).toBe('task-book');
  });

  it('is null for none, too few marks, or a tie between kinds', () => {
    expect(kindOf({ hello: 1 })).toBeUndefined();
    expect(kindOf([])).toBeUndefined();
    expect(kindOf(null)).toBeUndefined();
    // one mark of three is too few: task book, project form and change request all have taskBookId
    expect(kindOf({ taskBookId: 'T' })).toBeUndefined();
    // one mark each of two two-mark kinds
    expect(kindOf({ scores: [], rubric: {} })).toBeUndefined();
  });
});
