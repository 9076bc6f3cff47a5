/**
 * The inspection reports kept on this device about a task book's project, for its timeline
 * (第十四条), once signed on this device: those about the task book itself or one of its 揭榜方 in its package, picked by
 * `inspectionsOfTaskBook` (src-shared/award), the one rule every door uses.
 */
import {
  inspectionsOfTaskBook,
  solverIdsOfTaskBook,
  type TimelineInspection,
} from '../../../src-shared/award';
import type { Subject } from '../../../src-shared/bundle/terms';
import type { TaskBook } from '../../../src-shared/model';
import type { JiebangDB } from '../db/database';
import { getMeta, inspectionsOfSubject } from '../db/repo';

export async function inspectionsOnTimeline(
  db: JiebangDB,
  tb: TaskBook,
): Promise<TimelineInspection[]> {
  const subjects: Subject[] = [
    { type: 'task-book', id: tb.taskBookId },
    ...solverIdsOfTaskBook(tb).map((id): Subject => ({
      type: 'applicant',
      packageId: tb.packageId,
      id,
    })),
  ];
  // Only reports signed on this device: a draft being filled in is not yet a fact of the project.
  const signed = new Set(((await getMeta(db, 'inspection.signed')) ?? []).map((r) => r.reportId));
  const reports = (await Promise.all(subjects.map((s) => inspectionsOfSubject(db, s)))).flat();
  return inspectionsOfTaskBook(
    tb,
    reports.filter((r) => signed.has(r.reportId)),
  );
}
