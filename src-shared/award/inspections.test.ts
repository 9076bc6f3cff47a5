import { describe, expect, it } from 'vitest';
import tbJson from '../../resources/sample/taskbook.json';
import { InspectionReportSchema, TaskBookSchema, type TaskBook } from '../model';
import { buildTimeline, inspectionsOfTaskBook } from './index';

const signedBook = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});
const report = (reportId: string, subject: unknown, date: string) =>
  InspectionReportSchema.parse({
    formatVersion: 2,
    reportId,
    assignmentId: 'ASG-1',
    subject,
    date,
    site: `${reportId} 中试现场`,
    inspectors: [{ id: 'I01', name: '李检查' }],
    checklist: [{ item: '中试装置运行', result: 'met' }],
    conclusion: '按任务书实施。',
  });

describe('inspection reports on a project’s timeline (第十四条)', () => {
  it('takes the reports about the task book and its solvers, by date; not another package’s or a demand’s', () => {
    const tb = signedBook();
    const reports = [
      report('INS-3', { type: 'task-book', id: tb.taskBookId }, '2028-06-02'),
      report('INS-1', { type: 'applicant', packageId: tb.packageId, id: 'A01' }, '2027-05-10'),
      report('INS-X', { type: 'applicant', packageId: 'OTHER-PKG', id: 'A01' }, '2027-05-11'),
      report('INS-Y', { type: 'demand', id: 'D-2026-01' }, '2027-05-12'),
      report('INS-Z', { type: 'task-book', id: 'TB-OTHER' }, '2027-05-13'),
    ];
    const taken = inspectionsOfTaskBook(tb, reports);
    expect(taken).toEqual([
      { date: '2027-05-10', title: 'INS-1 中试现场', ref: '实地考察报告 INS-1' },
      { date: '2028-06-02', title: 'INS-3 中试现场', ref: '实地考察报告 INS-3' },
    ]);
    const t = buildTimeline(tb, [], '2028-07-01', taken);
    expect(t.entries.filter((e) => e.what.startsWith('实地考察'))).toEqual([
      expect.objectContaining({ date: '2027-05-10', what: '实地考察：INS-1 中试现场' }),
      expect.objectContaining({ date: '2028-06-02', article: '第十四条', state: 'done' }),
    ]);
  });
});
