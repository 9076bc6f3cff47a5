/**
 * The task book's use cases (任务书/军令状, 第十二条（七）, 第十五条): drafted from the signed panel
 * decision, autosaved on every edit, finalised only when the rules find nothing blocking, reopened
 * on the record, rendered in main, and signed as a task-book bundle with its PDF.
 */
import { buildBundle } from '../../../src-shared/bundle';
import type { PanelDecision, ReviewPackage, TaskBook } from '../../../src-shared/model';
import { hasBlocking, type Finding } from '../../../src-shared/rules';
import {
  checkDraft,
  draftTaskBook,
  rulesOfTheRest,
  shapeOfDraft,
  taskBookCode,
  type DraftCheck,
  type TaskBookDraft,
} from '../../../src-shared/taskbook';
import type { JiebangDB } from '../db/database';
import { commitChange, getDecision, taskBooksOfPackage, type Enrolment } from '../db/repo';
import { message } from '../i18n/strings';
import { today, WorkflowError, type Deps, type SaveFile } from './deps';
import { exportSigned, type ExportOutcome } from './signing';

/** The signed decision a task book is drafted from, and the draft so far (if any). */
export async function loadTaskBook(
  db: JiebangDB,
  packageId: string,
): Promise<{ decision: PanelDecision | null; draft: TaskBookDraft | null }> {
  const [decision, books] = await Promise.all([
    getDecision(db, packageId),
    taskBooksOfPackage(db, packageId),
  ]);
  return { decision: decision ?? null, draft: books[0] ?? null };
}

/** Drafts the task book from the package and the signed decision, on the record. */
export async function createDraft(
  deps: Deps,
  pkg: ReviewPackage,
  decision: PanelDecision,
  actor: string,
): Promise<TaskBookDraft> {
  const draft = draftTaskBook(pkg, decision, today(deps.now));
  await commitChange(
    deps.db,
    { taskBook: draft },
    {
      actor,
      action: 'taskbook.draft',
      target: draft.taskBookId,
      details: { from: 'panel-decision', solvers: draft.parties.length - 2 },
      at: deps.now().toISOString(),
    },
  );
  return draft;
}

/** Saves the draft as edited (autosave; not on the record). */
export const saveDraft = (db: JiebangDB, draft: TaskBookDraft): Promise<void> =>
  commitChange(db, { taskBook: draft }, null);

/** The draft judged: complete (a task book) or not (by field), and the rules' findings on it. */
export interface Judged {
  checked: DraftCheck;
  /**
   * The rules' findings on every part the format does not refuse (`rulesOfTheRest`): listed after
   * the fields the format refuses or that are missing (`checked`), never hidden by them.
   */
  findings: Finding[];
  /** 定稿 is possible: complete, and nothing blocking. */
  canFinalise: boolean;
  /** The verification code of the complete task book (what its print carries). */
  code: string | null;
}

export function judgeDraft(
  draft: TaskBookDraft,
  pkg: ReviewPackage,
  decision: PanelDecision,
): Judged {
  const checked = checkDraft(draft);
  const findings = checked.ok
    ? rulesOfTheRest(checked.tb, [], pkg, decision)
    : rulesOfTheRest(shapeOfDraft(draft), checked.issues, pkg, decision);
  return {
    checked,
    findings,
    canFinalise: checked.ok && !hasBlocking(findings),
    code: checked.ok ? taskBookCode(checked.tb) : null,
  };
}

/** Marks the task book final (草稿 → 定稿) when the rules allow it, on the record. */
export async function finalise(
  deps: Deps,
  draft: TaskBookDraft,
  pkg: ReviewPackage,
  decision: PanelDecision,
  actor: string,
): Promise<TaskBookDraft> {
  const judged = judgeDraft(draft, pkg, decision);
  if (!judged.checked.ok || !judged.canFinalise)
    throw new WorkflowError(message('taskbook.blockingNote'));
  const final: TaskBook = { ...judged.checked.tb, status: 'final' };
  await commitChange(
    deps.db,
    { taskBook: final },
    {
      actor,
      action: 'taskbook.final',
      target: final.taskBookId,
      details: { city: final.funding.city },
      at: deps.now().toISOString(),
    },
  );
  return final;
}

/** Back to a draft for changes, on the record. */
export async function reopen(
  deps: Deps,
  draft: TaskBookDraft,
  actor: string,
): Promise<TaskBookDraft> {
  const next: TaskBookDraft = { ...draft, status: 'draft' };
  await commitChange(
    deps.db,
    { taskBook: next },
    { actor, action: 'taskbook.reopen', target: next.taskBookId, at: deps.now().toISOString() },
  );
  return next;
}

/**
 * A rendered task book: its PDF and the code it was made from. A character no font has is named
 * before any render, with its field, among the findings (`checkTaskBook`, src-shared/rules/print.ts).
 */
export interface RenderedPdf {
  bytes: Uint8Array;
  code: string;
}

/** Renders the task book in main (a worker there); the result carries the code it belongs to. */
export async function renderTaskBook(
  render: (input: { tb: TaskBook }) => Promise<{ bytes: Uint8Array; missing: string[] }>,
  tb: TaskBook,
): Promise<RenderedPdf> {
  const { bytes } = await render({ tb });
  return { bytes, code: taskBookCode(tb) };
}

/**
 * Signs the final task book and its PDF as a task-book bundle (exportSigned's order), signed by
 * this device's key as the chair.
 */
export async function exportTaskBook(
  deps: Deps & { save: SaveFile },
  input: { tb: TaskBook; pdf: Uint8Array; enrolment: Enrolment; signerName: string },
): Promise<ExportOutcome> {
  const { tb, pdf, enrolment, signerName } = input;
  if (tb.status !== 'final') throw new WorkflowError(message('taskbook.notFinal'));
  return exportSigned(deps, enrolment, {
    kind: 'task-book',
    build: async ({ counter, audit }) => ({
      name: `${tb.taskBookId}-taskbook.jbx`,
      counter,
      zip: await buildBundle({
        crypto: deps.crypto,
        kind: 'task-book',
        bundleId: `${tb.taskBookId}-${counter}`,
        subject: { type: 'task-book', id: tb.taskBookId },
        signers: [
          {
            role: 'chair',
            id: enrolment.expertId,
            name: signerName,
            secretKey: enrolment.secretKey,
            counter,
            audit: audit.head,
          },
        ],
        document: tb,
        files: new Map([
          ['taskbook.pdf', pdf],
          ['audit.json', audit.bytes],
        ]),
      }),
    }),
    record: ({ counter, at }) => ({
      change: {},
      audit: {
        actor: enrolment.expertId,
        action: 'taskbook.sign',
        target: tb.taskBookId,
        details: { counter },
        at,
      },
    }),
  });
}
