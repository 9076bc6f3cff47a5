/**
 * The task book being edited (任务书/军令状, 第十二条（七）, 第十五条): drafted from the signed panel
 * decision, autosaved on every edit (sealed like everything else), finalised only when the rules
 * find nothing blocking, then rendered, printed and exported as a signed task-book bundle.
 */
import { create } from 'zustand';
import { buildBundle } from '../../../src-shared/bundle';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { PanelDecision, ReviewPackage, TaskBook } from '../../../src-shared/model';
import { draftTaskBook, type TaskBookDraft } from '../../../src-shared/taskbook';
import type { JiebangDB } from '../db/database';
import { commitChange, getDecision, saveTaskBook, taskBooksOfPackage } from '../db/repo';
import type { Enrolment } from '../db/repo';
import { useSaveState } from './save';
import { auditForSigning } from './signing';

interface TaskBookState {
  loaded: boolean;
  decision: PanelDecision | null;
  draft: TaskBookDraft | null;
  load: (db: JiebangDB, packageId: string) => Promise<void>;
  create: (
    db: JiebangDB,
    pkg: ReviewPackage,
    decision: PanelDecision,
    actor: string,
  ) => Promise<void>;
  /** Applies an edit and writes it at once (「保存中」 → 「已保存」). */
  edit: (db: JiebangDB, change: (draft: TaskBookDraft) => TaskBookDraft) => void;
  /** Marks a checked task book final (草稿 → 定稿), on the record. */
  finalise: (db: JiebangDB, tb: TaskBook, actor: string) => Promise<void>;
  /** Back to a draft for changes, on the record. */
  reopen: (db: JiebangDB, actor: string) => Promise<void>;
  /** Signs the final task book and its PDF as a task-book bundle. */
  exportBundle: (
    db: JiebangDB,
    tb: TaskBook,
    pdf: Uint8Array,
    enrolment: Enrolment,
    signerName: string,
  ) => Promise<Uint8Array>;
}

const today = () => new Date().toISOString().slice(0, 10);

export const useTaskBook = create<TaskBookState>()((set, get) => ({
  loaded: false,
  decision: null,
  draft: null,
  load: async (db, packageId) => {
    const [decision, books] = await Promise.all([
      getDecision(db, packageId),
      taskBooksOfPackage(db, packageId),
    ]);
    set({ loaded: true, decision: decision ?? null, draft: books[0] ?? null });
  },
  create: async (db, pkg, decision, actor) => {
    const draft = draftTaskBook(pkg, decision, today());
    await saveTaskBook(db, draft, {
      actor,
      action: 'taskbook.draft',
      target: draft.taskBookId,
      details: { from: 'panel-decision', solvers: draft.parties.length - 2 },
    });
    set({ draft });
  },
  edit: (db, change) => {
    const current = get().draft;
    if (!current || current.status === 'final') return;
    const next = change(current);
    set({ draft: next });
    void useSaveState.getState().track(saveTaskBook(db, next, null));
  },
  finalise: async (db, tb, actor) => {
    const final: TaskBook = { ...tb, status: 'final' };
    await saveTaskBook(db, final, {
      actor,
      action: 'taskbook.final',
      target: tb.taskBookId,
      details: { city: tb.funding.city },
    });
    set({ draft: final });
  },
  reopen: async (db, actor) => {
    const current = get().draft;
    if (!current) return;
    const draft: TaskBookDraft = { ...current, status: 'draft' };
    await saveTaskBook(db, draft, { actor, action: 'taskbook.reopen', target: draft.taskBookId });
    set({ draft });
  },
  exportBundle: async (db, tb, pdf, enrolment, signerName) => {
    const counter = enrolment.counter + 1;
    await commitChange(
      db,
      { enrolment: { ...enrolment, counter } },
      { actor: enrolment.expertId, action: 'taskbook.sign', target: tb.taskBookId },
    );
    const audit = await auditForSigning(db);
    return buildBundle({
      crypto: nobleCrypto,
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
    });
  },
}));
