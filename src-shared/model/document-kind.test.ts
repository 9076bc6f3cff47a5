import { describe, expect, it } from 'vitest';
import { documentKindOf, otherDocumentText } from './document-kind';

describe('otherDocumentText', () => {
  it('names a document of another kind by its label, and nothing for its own kind or an unknown one', () => {
    const tb = { taskBookId: 'TB-1', parties: [], milestones: [] };
    expect(documentKindOf(tb)?.label).toBe('任务书');
    expect(otherDocumentText(tb, 'inspection-assignment')).toBe('这是任务书，不是实地考察任务');
    expect(otherDocumentText(tb, 'task-book')).toBeNull();
    expect(otherDocumentText({ a: 1 }, 'task-book')).toBeNull();
    expect(otherDocumentText([], 'task-book')).toBeNull();
  });
});
