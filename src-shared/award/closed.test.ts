import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { TaskBookSchema, type TaskBook } from '../model';
import { checkAwardDocument, type AwardDocument } from './index';
import { sampleFailedAcceptance, sampleLateExtension, sampleTermination } from './samples';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});
const terminated: AwardDocument = { type: 'form', doc: sampleTermination() };
const revoked: AwardDocument = {
  type: 'form',
  doc: { ...sampleTermination(), formId: 'TRM-2', decision: 'revoke' },
};
const closedBy = (d: AwardDocument, on: readonly AwardDocument[]) =>
  checkAwardDocument(d, signedBook(), undefined, on).filter((f) => f.rule === 'form.terminated');

describe('a terminated or revoked project takes no further form (第十七条)', () => {
  it('refuses an acceptance after a signed termination, naming it', () => {
    const acceptance: AwardDocument = { type: 'form', doc: sampleFailedAcceptance() };
    expect(closedBy(acceptance, [])).toEqual([]);
    const [f] = closedBy(acceptance, [terminated]);
    expect(f?.severity).toBe('blocking');
    expect(f?.article).toBe('第十七条');
    expect(f?.message).toBe('项目已于2028年9月1日终止（TRM-1），不再受理验收（第十七条）');
  });
  it('refuses an extension and a change after a revocation', () => {
    const extension: AwardDocument = {
      type: 'form',
      doc: { ...sampleLateExtension(), requestedOn: '2029-01-10' },
    };
    expect(closedBy(extension, [revoked]).map((f) => f.message)).toEqual([
      '项目已于2028年9月1日撤销（TRM-2），不再受理延期申请（第十七条）',
    ]);
    const change: AwardDocument = {
      type: 'form',
      doc: {
        formatVersion: 1,
        formId: 'CHG-1',
        taskBookId: 'TB-KLMY-2026-001',
        form: 'change',
        kind: 'project-leader',
        requestedOn: '2028-10-01',
        approved: false,
        from: '李工',
        to: '张工',
        reason: '原负责人调离',
      },
    };
    expect(closedBy(change, [revoked]).map((f) => f.message)).toEqual([
      '项目已于2028年9月1日撤销（TRM-2），不再受理变更申请（第十七条）',
    ]);
  });
  it('a termination itself is not refused by it', () => {
    expect(closedBy(revoked, [terminated])).toEqual([]);
  });
});
