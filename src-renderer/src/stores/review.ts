/**
 * The expert's review as the screens see it: the package in use, the enrolment, the sheet, the
 * package being verified for import, and what the last action said. Every action calls a
 * workflow (workflows/expert.ts); every edit is saved at once (「保存中」→「已保存」).
 */
import { create } from 'zustand';
import type { Check } from '../../../src-shared/bundle';
import { applySheetEdit, type SheetEdit } from '../../../src-shared/scoring';
import { api } from '../bridge';
import { message, say, type Message } from '../i18n/strings';
import { problemOf, WorkflowError } from '../workflows/deps';
import { useUiStore } from './ui';
import {
  enrol,
  exportSheet,
  importPackage,
  loadReview,
  paperSheet,
  reopenSheet,
  saveExportedAgain,
  saveSheetEdit,
  submitSheet,
  verifyPackage,
  type Review,
} from '../workflows/expert';
import type { OpenedOf } from '../workflows/imports';
import { actor, currentDeps, exportDeps, saveFile } from './deps';
import { attempt, inLanguage, savedNotice, type Notice } from './notice';
import { withProgress } from './progress';
import { trackSave } from './save';
import { turns } from './turns';
import { fieldHolds, followSave, isHeld } from './unsaved';

interface ReviewStore extends Review {
  loaded: boolean;
  /** The package being verified for import: its checks, and the bundle once they all pass. */
  checks: Check[];
  candidate: OpenedOf<'review-package'> | null;
  importProblem: Message | null;
  notice: Notice | null;
  /** The sheet was exported (recorded) but the file not saved: it can be offered again. */
  unsaved: boolean;
  /**
   * Reads the review for a screen: a failure becomes the notice (the screen says it), never a
   * rejection.
   */
  load: () => Promise<void>;
  /** Reads the review again within an action, which the failure fails (its notice says it). */
  reload: () => Promise<void>;
  openPackage: (label: Message) => Promise<void>;
  openSample: () => Promise<void>;
  confirmImport: () => Promise<void>;
  enrol: (expertId: string) => Promise<void>;
  edit: (edit: SheetEdit) => void;
  /**
   * A field shows text the sheet does not hold (a suggested funding that is no amount): held as
   * 未保存 app-wide (`fieldHolds`) until corrected or dropped; submitting waits for it.
   */
  hold: (field: string, why: string | null, text?: string) => void;
  /** What a field showed and did not commit, while held (shown again after an idle lock). */
  heldText: (field: string) => string | null;
  /** Resolves true when the sheet was submitted. */
  submit: () => Promise<boolean>;
  reopen: () => Promise<void>;
  exportSheet: () => Promise<void>;
  saveAgain: () => Promise<void>;
  paperSheet: (fileName: string, label: Message) => Promise<void>;
}

/** The sheet's fields holding text they refused to commit (`AmountInput`'s `onHeld`). */
const fields = fieldHolds('review-fields');

/** The screen is gone: none of its fields holds anything any more. */
export const releaseReviewFields = (): void => fields.release();

export const useReview = create<ReviewStore>()((set, get) => {
  /** Runs an action; its failure becomes the screen's notice. */
  const run = async (work: () => Promise<void>) => {
    const problem = await attempt(work);
    if (problem) set({ notice: problem });
  };
  // Reading the review and writing the sheet or the enrolment take turns: a load begun before a
  // write (every screen that shows the package loads it as it mounts, the review screen while it
  // already shows the sheet) would otherwise set what it read over what was just written — an
  // edit gone from the sheet and the next one written on the older sheet, or an enrolment undone
  // on screen.
  const inTurn = turns();
  /** Counts the edits shown: a load that began before one keeps the sheet on screen. */
  let edits = 0;
  /** Reads the review; in turn only (an action in turn reads with it, not with `load`). */
  const read = async () => {
    // A sheet whose last edit did not save, kept across an idle lock, is shown as it is (未保存).
    if (isHeld('review') && get().loaded) return;
    const seen = edits;
    const { sheet, ...review } = await loadReview(currentDeps().db);
    // An edit made while reading is on screen, and written after this read: it stays.
    set({ ...review, ...(seen === edits ? { sheet } : {}), loaded: true });
  };
  const verify = async (name: string, bytes: Uint8Array) => {
    set({ checks: [], candidate: null, importProblem: null });
    const r = await withProgress({ text: name }, (_task, report) =>
      verifyPackage(currentDeps(), bytes, report),
    );
    set(
      r.ok
        ? { checks: r.checks, candidate: r.bundle }
        : { checks: r.checks, importProblem: r.reason },
    );
  };
  return {
    loaded: false,
    pkg: null,
    manifestSha256: null,
    enrolment: null,
    sheet: null,
    panelSigned: null,
    checks: [],
    candidate: null,
    importProblem: null,
    notice: null,
    unsaved: false,
    load: () => run(() => inTurn(read)),
    reload: () => inTurn(read),
    openPackage: (label) =>
      run(async () => {
        const r = await withProgress(label, (task) =>
          api['file:open']({ filters: [{ name: 'jbx', extensions: ['jbx'] }], task }),
        );
        if (!r.canceled) await verify(r.files[0].name, r.files[0].bytes);
      }),
    openSample: () =>
      run(async () => {
        const r = await api['sample:package']();
        await verify(r.name, r.bytes);
      }),
    confirmImport: async () => {
      const { candidate } = get();
      if (!candidate) return;
      const problem = await attempt(() =>
        inTurn(async () => {
          await importPackage(currentDeps(), actor(), candidate);
        }),
      );
      if (problem) return set({ importProblem: problem.message });
      set({ candidate: null, checks: [] });
      await run(() => get().load());
    },
    enrol: (expertId) =>
      run(() =>
        inTurn(async () => {
          const { pkg } = get();
          if (!pkg) return;
          set(await enrol(currentDeps(), pkg, expertId));
        }),
      ),
    edit: (edit) => {
      const { sheet, enrolment } = get();
      if (!sheet || !enrolment || sheet.status !== 'draft') return;
      const next = applySheetEdit(sheet, edit);
      edits += 1;
      set({ sheet: next });
      const deps = currentDeps();
      const write = inTurn(() => saveSheetEdit(deps, next, enrolment, edit));
      trackSave(write);
      // A write that fails leaves the edit on screen only: held, so leaving or locking asks first.
      followSave('review', write);
    },
    hold: fields.hold,
    heldText: fields.text,
    submit: async () => {
      let done = false;
      await run(() =>
        inTurn(async () => {
          // The sheet as it is once the edits before have been written.
          const { pkg, sheet, enrolment } = get();
          if (!pkg || !sheet || !enrolment) return;
          // What a field shows and the sheet does not hold is not submitted in its place.
          const shown = fields.first();
          if (shown !== null)
            throw new WorkflowError(message('session.unsaved', { message: shown }));
          set({ sheet: await submitSheet(currentDeps(), pkg, sheet, enrolment), notice: null });
          done = true;
        }),
      );
      return done;
    },
    reopen: () =>
      run(() =>
        inTurn(async () => {
          const { sheet, enrolment } = get();
          if (!sheet || !enrolment) return;
          set({ sheet: await reopenSheet(currentDeps(), sheet, enrolment), notice: null });
        }),
      ),
    exportSheet: () =>
      run(async () => {
        const { pkg, manifestSha256, sheet, enrolment } = get();
        if (!pkg || !manifestSha256 || !sheet || !enrolment) return;
        const { outcome } = await exportSheet(exportDeps(), {
          pkg,
          manifestSha256,
          sheet,
          enrolment,
        });
        await get().load();
        set({ notice: savedNotice(outcome, 'review.exported'), unsaved: !outcome.saved });
      }),
    saveAgain: () =>
      run(async () => {
        const outcome = await saveExportedAgain(exportDeps());
        set({ notice: savedNotice(outcome, 'review.exported'), unsaved: !outcome.saved });
      }),
    paperSheet: async (fileName, label) => {
      const { pkg, sheet, enrolment } = get();
      if (!pkg || !sheet || !enrolment) return;
      const failed = (reason: string): Notice => ({
        tone: 'error',
        message: message('review.paperFailed', { message: reason }),
      });
      try {
        const outcome = await withProgress(label, () =>
          paperSheet((input) => api['sheet:pdf'](input), saveFile, {
            pkg,
            sheet,
            enrolment,
            name: fileName,
          }),
        );
        if (outcome.saved)
          set({
            notice: {
              tone: 'ok',
              message: message('review.paperSaved', { name: outcome.savedAs }),
            },
          });
        else if (outcome.error) set({ notice: failed(inLanguage(outcome.error)) });
      } catch (e) {
        set({ notice: failed(say(useUiStore.getState().lang, problemOf(e))) });
      }
    },
  };
});
