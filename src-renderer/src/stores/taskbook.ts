/**
 * The task book being edited (任务书/军令状, 第十二条（七）, 第十五条), as the screens see it: the
 * decision it is drafted from, the draft (autosaved on every edit), its current preview, and what
 * the last action said. The use cases are workflows/taskbook.ts.
 */
import { create } from 'zustand';
import type { PanelDecision, ReviewPackage, TaskBook } from '../../../src-shared/model';
import {
  applyTaskBookEdit,
  refusedValues,
  refusesNothingNew,
  taskBookCode,
  type TaskBookDraft,
  type TaskBookEdit,
} from '../../../src-shared/taskbook';
import { api } from '../bridge';
import { message } from '../i18n/strings';
import { WorkflowError, type FileToSave } from '../workflows/deps';
import { offer } from '../workflows/signing';
import {
  createDraft,
  exportTaskBook,
  finalise,
  loadTaskBook,
  renderTaskBook,
  reopen,
  saveDraft,
  type RenderedPdf,
} from '../workflows/taskbook';
import { actor, currentDeps, exportDeps, saveFile } from './deps';
import { attempt, savedNotice, type Notice } from './notice';
import { withProgress } from './progress';
import { trackSave } from './save';
import { fieldHolds, fieldOwner, followSave, holdUnsaved, isHeld } from './unsaved';
import { useReview } from './review';
import { useSession } from './session';
import { turns } from './turns';

interface TaskBookStore {
  loaded: boolean;
  decision: PanelDecision | null;
  draft: TaskBookDraft | null;
  /** The last preview; it belongs to the content it was made from (its code). */
  pdf: RenderedPdf | null;
  notice: Notice | null;
  /** The last task-book bundle, signed and recorded, when its file was not saved. */
  unsaved: FileToSave | null;
  load: (packageId: string) => Promise<void>;
  create: (pkg: ReviewPackage, decision: PanelDecision) => Promise<void>;
  /** Applies an edit and writes it at once (「保存中」 → 「已保存」). */
  edit: (edit: TaskBookEdit) => void;
  /**
   * A field showing what it refused to commit (`why`, its sentence) or, null, no longer: while any
   * does, the top bar says 「未保存：…」 instead of 「已保存」 (`holdUnsaved`).
   */
  hold: (field: string, why: string | null, text?: string) => void;
  /** What a field showed and did not commit, while held (shown again after an idle lock). */
  heldText: (field: string) => string | null;
  finalise: (pkg: ReviewPackage, decision: PanelDecision) => Promise<void>;
  reopen: () => Promise<void>;
  /** The preview of `tb` (rendered when there is none for its content). */
  preview: (tb: TaskBook) => Promise<RenderedPdf | null>;
  savePdf: (tb: TaskBook, fileName: string) => Promise<void>;
  print: (tb: TaskBook, fileName: string) => Promise<void>;
  exportBundle: (tb: TaskBook, signerName: string) => Promise<void>;
  saveAgain: () => Promise<void>;
}

/** The fields holding text they refused to commit, by field, with the sentence each shows. */
const fields = fieldHolds('taskbook-field');

/**
 * A value the task book's format refuses (2027-02-30, a bidi control character: `refusedValues`,
 * the sentence `jiebang check` says) is shown and held, never written: one hold for the form,
 * under the fields' screen (released with them), its sentence the first refused field's.
 */
const REFUSED = fieldOwner('taskbook-field', 'format');

/**
 * The draft as the database holds it (last read or written): every edit the format accepts is
 * applied to it and written; a refused one is not, so it stays the last valid draft.
 */
let stored: TaskBookDraft | null = null;

/** The screen is gone: none of its fields holds anything any more. */
export const releaseTaskBookFields = (): void => fields.release();

export const useTaskBook = create<TaskBookStore>()((set, get) => {
  const run = async (work: () => Promise<void>) => {
    set({ notice: null });
    const problem = await attempt(work);
    if (problem) set({ notice: problem });
  };
  // Reading the task book and writing it take turns: a load begun before a write (the screen
  // loads again when the review's package is read) would otherwise set the draft it read over the
  // one just created, finalised or edited — the edit gone from the screen, the next one made on
  // the older draft.
  const inTurn = turns();
  /** Counts the edits shown: a load that began before one keeps it (its write comes after). */
  let edits = 0;
  /** The current preview's PDF, or a fresh one when there is none for this content. */
  const pdfOf = async (tb: TaskBook): Promise<RenderedPdf> => {
    const current = get().pdf;
    if (current && current.code === taskBookCode(tb)) return current;
    const fresh = await renderTaskBook((input) => api['taskbook:pdf'](input), tb);
    set({ pdf: fresh });
    return fresh;
  };
  const savePdfFile = async (bytes: Uint8Array, name: string) => {
    const outcome = await offer(saveFile, {
      name,
      bytes,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (outcome.saved || outcome.error) set({ notice: savedNotice(outcome, 'taskbook.saved') });
    return outcome.saved;
  };
  return {
    loaded: false,
    decision: null,
    draft: null,
    pdf: null,
    notice: null,
    unsaved: null,
    load: (packageId) =>
      run(() =>
        inTurn(async () => {
          // A draft whose last edit did not save, kept across an idle lock: shown as it is (未保存).
          if ((isHeld('taskbook') || isHeld(REFUSED)) && get().loaded) return;
          const seen = edits;
          const read = await loadTaskBook(currentDeps().db, packageId);
          // An edit made while reading is on screen, and written after this read: it stays.
          if (seen === edits) stored = read.draft;
          set({
            decision: read.decision,
            ...(seen === edits ? { draft: read.draft } : {}),
            loaded: true,
          });
        }),
      ),
    create: (pkg, decision) =>
      run(() =>
        inTurn(async () => {
          stored = await createDraft(currentDeps(), pkg, decision, actor());
          set({ draft: stored });
        }),
      ),
    edit: (edit) => {
      const current = get().draft;
      if (!current || current.status === 'final') return;
      const next = applyTaskBookEdit(current, edit);
      edits += 1;
      set({ draft: next });
      // What the format refuses is shown and held (「未保存：…」), not written.
      const refused = refusedValues(next)[0];
      holdUnsaved(
        REFUSED,
        refused === undefined
          ? null
          : {
              why: { text: refused.message },
              title: message('unsaved.title'),
              body: message('unsaved.refusedField', { why: refused.message }),
              // Dropped: the screen shows the draft as the database holds it.
              discard: () => set({ draft: stored }),
            },
      );
      // The edit is written onto the draft as stored, unless the format refuses it there too.
      // (the one on screen: `stored` may still be another draft's, from before a load or a lock)
      const base = stored?.taskBookId === current.taskBookId ? stored : current;
      const toWrite = applyTaskBookEdit(base, edit);
      if (!refusesNothingNew(base, toWrite)) return;
      stored = toWrite;
      const { db } = currentDeps();
      const write = inTurn(() => saveDraft(db, toWrite));
      trackSave(write);
      // A write that fails leaves the edit on screen only: held, so leaving or locking asks first.
      followSave('taskbook', write);
    },
    // A field's text the draft does not hold: the same hold as a failed autosave (leaving or
    // locking asks first).
    hold: fields.hold,
    heldText: fields.text,
    finalise: (pkg, decision) =>
      run(() =>
        inTurn(async () => {
          // What a field shows and the draft does not hold is not finalised in its place.
          const shown = fields.first();
          if (shown !== null)
            throw new WorkflowError(message('session.unsaved', { message: shown }));
          const draft = get().draft;
          if (!draft) return;
          stored = await finalise(currentDeps(), draft, pkg, decision, actor());
          set({ draft: stored });
        }),
      ),
    reopen: () =>
      run(() =>
        inTurn(async () => {
          const draft = get().draft;
          if (!draft) return;
          stored = await reopen(currentDeps(), draft, actor());
          set({ draft: stored });
        }),
      ),
    preview: async (tb) => {
      let made: RenderedPdf | null = null;
      await run(async () => {
        made = await withProgress(message('taskbook.rendering'), () => pdfOf(tb));
      });
      return made;
    },
    savePdf: (tb, fileName) =>
      run(async () => {
        const p = await withProgress(message('taskbook.rendering'), () => pdfOf(tb));
        await savePdfFile(p.bytes, fileName);
      }),
    print: (tb, fileName) =>
      run(async () => {
        const p = await withProgress(message('taskbook.rendering'), () => pdfOf(tb));
        if (useSession.getState().host === 'web') {
          if (await savePdfFile(p.bytes, fileName))
            set({ notice: { tone: 'ok', message: message('taskbook.printWeb') } });
          return;
        }
        const r = await api['pdf:print']({ bytes: p.bytes, title: tb.title || tb.taskBookId });
        set({
          notice: {
            tone: r.printed ? 'ok' : 'warn',
            message: message(r.printed ? 'taskbook.printed' : 'taskbook.printCanceled'),
          },
        });
      }),
    exportBundle: (tb, signerName) =>
      run(async () => {
        const { enrolment } = useReview.getState();
        if (!enrolment) return;
        const p = await withProgress(message('taskbook.rendering'), () => pdfOf(tb));
        const outcome = await withProgress(message('taskbook.export'), () =>
          exportTaskBook(exportDeps(), { tb, pdf: p.bytes, enrolment, signerName }),
        );
        // The counter moved on: the enrolment is read again.
        await useReview.getState().reload();
        set({
          notice: savedNotice(outcome, 'taskbook.exported'),
          unsaved: outcome.saved ? null : outcome.file,
        });
      }),
    saveAgain: () =>
      run(async () => {
        const file = get().unsaved;
        if (!file) return;
        const outcome = await offer(saveFile, file);
        set({
          notice: savedNotice(outcome, 'taskbook.exported'),
          unsaved: outcome.saved ? null : file,
        });
      }),
  };
});
