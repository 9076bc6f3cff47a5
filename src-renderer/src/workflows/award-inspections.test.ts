import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import tbJson from '../../../resources/sample/taskbook.json';
import { InspectionReportSchema, TaskBookSchema, type TaskBook } from '../../../src-shared/model';
import { JiebangDB } from '../db/database';
import { commitChange, saveInspection } from '../db/repo';
import { inspectionsOnTimeline } from './award-inspections';

const db = new JiebangDB('jb-award-insp', globalThis.crypto.getRandomValues(new Uint8Array(32)));
afterAll(async () => {
  db.close();
  await db.delete();
});
const tb: TaskBook = { ...TaskBookSchema.parse(structuredClone(tbJson)), status: 'final' };
const report = (reportId: string, subject: unknown, date: string) =>
  InspectionReportSchema.parse({
    formatVersion: 2,
    reportId,
    assignmentId: 'ASG-1',
    subject,
    date,
    site: '中试现场',
    inspectors: [{ id: 'I01', name: '李检查' }],
    checklist: [{ item: '中试装置运行', result: 'met' }],
    conclusion: '按任务书实施。',
  });

describe('inspection reports kept on this device, on the project’s timeline', () => {
  it('reads the signed reports about the task book and its solvers, not others, nor a draft', async () => {
    await db.open();
    await saveInspection(
      db,
      report('INS-2', { type: 'task-book', id: tb.taskBookId }, '2028-06-02'),
      null,
    );
    await saveInspection(
      db,
      report('INS-1', { type: 'applicant', packageId: tb.packageId, id: 'A02' }, '2027-05-10'),
      null,
    );
    await saveInspection(db, report('INS-9', { type: 'demand', id: 'D-1' }, '2027-05-11'), null);
    await saveInspection(
      db,
      report('INS-3', { type: 'task-book', id: tb.taskBookId }, '2028-07-01'),
      null,
    );
    // Signed on this device: INS-1, INS-2 and INS-9; INS-3 is a draft still being filled in.
    const signed = (reportId: string) => ({
      reportId,
      sha256: '0'.repeat(64),
      signedAt: '2028-07-02',
    });
    await commitChange(
      db,
      { meta: { 'inspection.signed': ['INS-1', 'INS-2', 'INS-9'].map(signed) } },
      { actor: 'test', action: 'inspection.report.sign', target: 'INS' },
    );
    expect((await inspectionsOnTimeline(db, tb)).map((i) => [i.date, i.ref])).toEqual([
      ['2027-05-10', '实地考察报告 INS-1'],
      ['2028-06-02', '实地考察报告 INS-2'],
    ]);
  });
});
