/**
 * The chair's desk as the screens see it: the sheet bundles gathered (rows of their own in the
 * database), the outcome of each file of the last import, what the chair has decided and written
 * so far (`DecisionChoices`, written as a draft on every edit and read back by `load`: a reload, a
 * lock or a crash loses nothing), the result once signed (read-only from then on), and what
 * signing said. Every rule lives in src-shared (decision/), the use cases in workflows/chair.ts;
 * this store holds state and calls them.
 */
import { create } from 'zustand';
import type { DecisionChoices } from '../../../src-shared/decision';
import type { PanelDecision, ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import { api } from '../bridge';
import type { StoredPaperSheet } from '../db/meta';
import type { GatheredSheet } from '../db/repo';
import { message, type Message } from '../i18n/strings';
import {
  importSheets,
  loadDecision,
  loadGathered,
  saveDecisionDraft,
  signDecision,
  type ImportOutcome,
  type SignedDecision,
} from '../workflows/chair';
import { offer } from '../workflows/signing';
import { analyseInWorker, mark, verifyInWorker } from '../workers/desk-client';
import type { DeskSheets } from '../workers/desk';
import type { DeskView } from '../workflows/desk';
import { wasJudged } from '../workflows/gather';
import { problemOf, WorkflowError, type FileToSave } from '../workflows/deps';
import { exportedSheetOfProfile } from '../workflows/local-profile';
import {
  importPaperTranscription,
  loadPaperSheets,
  type ChosenFile,
  type PaperImportInput,
  type PaperImportOutcome,
  workbookReader,
} from '../workflows/paper';
import { profileProblem } from '../workflows/profile';
import { actor, currentDeps, exportDeps, saveFile } from './deps';
import { attempt, savedNotice, type Notice } from './notice';
import { withProgress } from './progress';
import { useReview } from './review';
import { trackSave } from './save';
import { fieldHolds, followSave, holdUnsaved, isHeld, type UnsavedEdit } from './unsaved';
import { useSession } from './session';
import { turns } from './turns';
import { nextPaint } from '../frames';
import { jsonText } from '../../../src-shared/io/json-text';

/**
 * What became of the last import's sheets: the desk draws them as soon as they are verified, and
 * stores them after (one transaction). While `storing`, what would act on them — signing, the
 * meeting's forms, a draft edit's write — waits, and leaving or closing the page asks first (the
 * app's one guard, `stores/unsaved.ts`); `failed`: nothing was written, the desk is back as it
 * was before the import, and `why` says what went wrong.
 */
export type ImportSaving =
  { state: 'storing' } | { state: 'stored' } | { state: 'failed'; why: Message };

/** The owner of the hold while an import's sheets are being stored (`holdUnsaved`). */
export const IMPORT_HOLD = 'chair-import';

/** The decision form's fields holding text they refused to commit (`AmountInput`'s `onHeld`). */
export const CHAIR_FIELDS = 'chair-fields';
const fields = fieldHolds(CHAIR_FIELDS);

/** The screen is gone: none of its fields holds anything any more. */
export const releaseChairFields = (): void => fields.release();

/** The desk's figures and the sheets they were made of (compared by identity). */
export interface ChairView {
  pkg: ReviewPackage;
  gathered: readonly GatheredSheet[];
  paper: readonly StoredPaperSheet[];
  own: ScoreSheet | null;
  view: DeskView;
}

interface ChairStore {
  gathered: GatheredSheet[];
  /**
   * The desk's figures (aggregation, 评分汇总表, proposal), made in the desk's Web Worker; null
   * until the first are made. `analyse` makes them again when the sheets changed.
   */
  view: ChairView | null;
  outcomes: ImportOutcome[];
  /** The last import's sheets being stored, stored, or not (null: no import since the load). */
  saving: ImportSaving | null;
  /** The transcribed paper sheets kept for the package, and what the last paper import said. */
  paper: StoredPaperSheet[];
  paperOutcome: PaperImportOutcome | null;
  /** What the chair has decided and written; null: the rules' proposal, nothing written yet. */
  choices: DecisionChoices | null;
  /** The package whose decision `choices` and `signed` are (null until loaded). */
  decisionOf: string | null;
  /** The panel result as signed on this device: the desk shows it, read-only, and signs no more. */
  signed: SignedDecision | null;
  /** A signing under way (the button waits). */
  signing: boolean;
  notice: Notice | null;
  /** The last panel result, signed and recorded, when its file was not saved. */
  unsaved: FileToSave | null;
  load: (packageId: string) => Promise<void>;
  /** Makes the desk's figures for the sheets held now, unless they are made already. */
  analyse: (pkg: ReviewPackage, own: ScoreSheet | null) => Promise<void>;
  importFiles: (pkg: ReviewPackage, label: Message) => Promise<void>;
  /** Resolves null when imported, or the problem (the passphrase field shows it). */
  importFromProfile: (
    pkg: ReviewPackage,
    profileId: string,
    passphrase: string,
  ) => Promise<Message | null>;
  /** Opens one file of a kind for the paper import (null when cancelled). */
  chooseFile: (kind: 'csv' | 'scan', label: Message) => Promise<ChosenFile | null>;
  importPaper: (input: PaperImportInput) => Promise<void>;
  /** Shows the choices at once and writes them as the draft (「保存中」 → 「已保存」). */
  setChoices: (packageId: string, choices: DecisionChoices) => void;
  /**
   * A field shows text the choices do not hold (a 核定经费 that is no amount, or 0 万元): held as
   * 未保存 app-wide (`fieldHolds`) until corrected or dropped; signing waits for it.
   */
  hold: (field: string, why: string | null, text?: string) => void;
  /** What a field showed and did not commit, while held (shown again after an idle lock). */
  heldText: (field: string) => string | null;
  sign: (input: {
    pkg: ReviewPackage;
    decision: PanelDecision;
    own: ScoreSheet | null;
  }) => Promise<void>;
  saveAgain: () => Promise<void>;
}

const FILTERS = {
  csv: { name: 'CSV / Excel', extensions: ['csv', 'xlsx'] },
  scan: { name: 'PDF / PNG / JPEG', extensions: ['pdf', 'png', 'jpg', 'jpeg'] },
};

/** The desk's other sheets as the worker takes them (no bundle bytes, no scans). */
const deskSheetsOf = (
  pkg: ReviewPackage,
  gathered: readonly GatheredSheet[],
  paper: readonly StoredPaperSheet[],
  own: ScoreSheet | null,
): DeskSheets => ({
  known: gathered.map((g) => ({
    expertId: g.expertId,
    sheet: g.sheet,
    judged: wasJudged(g.sheet, pkg.packageId),
  })),
  own,
  paper: paper.map((p) => ({ record: p.record })),
});

/** The same sheets, one by one (a list read again with the same sheets is the same list). */
const sameSheets = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * The same document: the package and the chair's own sheet are read again as new objects each
 * time the review is read (the screen reads it on opening), with the same content.
 */
const sameDocument = (a: object | null, b: object | null): boolean =>
  a === b || (a !== null && b !== null && jsonText(a) === jsonText(b));

/** Whether `v` was made of these sheets (a view, or a request for one). */
const isViewOf = (
  v: Omit<ChairView, 'view'> | null,
  pkg: ReviewPackage,
  gathered: readonly GatheredSheet[],
  paper: readonly StoredPaperSheet[],
  own: ScoreSheet | null,
): boolean =>
  v !== null &&
  sameSheets(v.gathered, gathered) &&
  sameSheets(v.paper, paper) &&
  sameDocument(v.pkg, pkg) &&
  sameDocument(v.own, own);

/** What the app's guard says while an import's sheets are stored (`holdUnsaved`). */
const storingHold = (): UnsavedEdit => ({
  why: message('chair.saving'),
  title: message('chair.savingTitle'),
  body: message('chair.savingLeave'),
  saving: true,
  // Nothing on screen to drop: the store goes on (and says how it ended) whatever is chosen.
  discard: () => undefined,
});

export const useChair = create<ChairStore>()((set, get) => {
  const run = async (work: () => Promise<void>) => {
    const problem = await attempt(work);
    if (problem) set({ notice: problem });
  };
  // Reading the gathered set and writing to it take turns: a load begun before an import (the
  // screen loads again when the review's package is read) would otherwise read the database
  // before the import's transaction and set its older list after the import's — the imported
  // sheets gone from the desk until the next visit.
  const inTurn = turns();
  // Settles once the last import's sheets are stored (true) or not (false): signing and a draft's
  // write wait for it, so nothing acts on sheets the database does not hold yet.
  let stored: Promise<boolean> = Promise.resolve(true);
  const take = (pkg: ReviewPackage, files: readonly { name: string; bytes: Uint8Array }[]) =>
    inTurn(async () => {
      // Verified, aggregated and tabled in the desk's Web Worker, n / total files shown as they
      // pass; the desk drawn with the result, then (after that frame, in tasks of their own) the
      // rows stored in one transaction — 「正在保存…」 until they are, then 「已保存」.
      const before = get();
      const { gathered: known, paper } = before;
      const own = useReview.getState().sheet;
      let shown = false;
      let settle: (ok: boolean) => void = () => undefined;
      try {
        await withProgress(message('chair.verifying', { count: files.length }), (_task, report) =>
          importSheets(currentDeps(), actor(), pkg, files, {
            verify: (p, trust, list) =>
              verifyInWorker(p, trust, list, deskSheetsOf(p, known, paper, own), (done, total) =>
                report('verify', done, total, 'files'),
              ),
            known,
            onVerified: async ({ gathered, outcomes, reopened, view }) => {
              // The desk is drawn in a task of its own, not in the one that read the worker's
              // reply (the store's update renders at once: the two made one long task).
              await new Promise((resolve) => setTimeout(resolve, 0));
              shown = true;
              report('write', 0, 1);
              if (reopened) {
                stored = new Promise((resolve) => (settle = resolve));
                holdUnsaved(IMPORT_HOLD, storingHold());
              }
              // New sheets change the figures: the desk reopens on the rules' proposal (the
              // workflow drops the draft in the import's transaction).
              set({
                gathered,
                outcomes,
                ...(reopened ? { choices: null, saving: { state: 'storing' } } : {}),
                ...(view ? { view: { pkg, gathered, paper, own, view } } : {}),
              });
              mark('desk:shown');
              await nextPaint();
            },
          }),
        );
      } catch (e) {
        if (!shown) throw e;
        // Nothing was written (one transaction): the desk goes back to what is stored, and says
        // why; the files are still where the chair took them from.
        holdUnsaved(IMPORT_HOLD, null);
        settle(false);
        set({
          gathered: before.gathered,
          outcomes: before.outcomes,
          choices: before.choices,
          view: before.view,
          saving: { state: 'failed', why: problemOf(e) },
        });
        return;
      }
      mark('desk:stored');
      holdUnsaved(IMPORT_HOLD, null);
      settle(true);
      if (get().saving?.state === 'storing') set({ saving: { state: 'stored' } });
    });
  // The request for figures in flight: the same sheets asked again share it.
  let asked: (Omit<ChairView, 'view'> & { made: Promise<void> }) | null = null;
  return {
    gathered: [],
    view: null,
    outcomes: [],
    saving: null,
    paper: [],
    paperOutcome: null,
    choices: null,
    decisionOf: null,
    signed: null,
    signing: false,
    notice: null,
    unsaved: null,
    load: (packageId) =>
      run(() =>
        inTurn(async () => {
          // Choices whose last write failed, kept across an idle lock: shown as they are (未保存).
          const keep = isHeld('chair') && get().decisionOf === packageId;
          // Otherwise the desk shows no decision until this profile's is read (not the one of the
          // profile before, nor a form to type over it).
          if (!keep) set({ decisionOf: null, choices: null, signed: null });
          const { db } = currentDeps();
          const [gathered, paper, decision] = await Promise.all([
            loadGathered(db, packageId),
            loadPaperSheets(db, packageId),
            loadDecision(db, packageId),
          ]);
          set({
            gathered,
            paper,
            outcomes: [],
            // A store that failed still says so (those files are not on the desk: import again).
            saving: get().saving?.state === 'failed' ? get().saving : null,
            paperOutcome: null,
            decisionOf: packageId,
            signed: decision.signed,
            ...(keep ? {} : { choices: decision.choices }),
          });
        }),
      ),
    analyse: (pkg, own) => {
      const { gathered, paper, view } = get();
      if (view && isViewOf(view, pkg, gathered, paper, own)) {
        // The same figures: kept, now of the objects the screen holds (nothing made again).
        if (
          view.pkg !== pkg ||
          view.own !== own ||
          view.gathered !== gathered ||
          view.paper !== paper
        )
          set({ view: { ...view, pkg, own, gathered, paper } });
        return Promise.resolve();
      }
      // The screen asks on each change of what it reads (opening: the package, the lists, the
      // chair's own sheet), often for the same sheets again: one request for them.
      if (asked && isViewOf(asked, pkg, gathered, paper, own)) return asked.made;
      const made = run(async () => {
        const figures = await analyseInWorker(pkg, deskSheetsOf(pkg, gathered, paper, own));
        // Kept only if the sheets did not change meanwhile (the later request's figures win).
        const now = get();
        if (sameSheets(now.gathered, gathered) && sameSheets(now.paper, paper))
          set({ view: { pkg, gathered: now.gathered, paper: now.paper, own, view: figures } });
      });
      const mine = { pkg, gathered, paper, own, made };
      asked = mine;
      void made.finally(() => {
        if (asked === mine) asked = null;
      });
      return made;
    },
    importFiles: (pkg, label) =>
      run(async () => {
        const r = await withProgress(label, (task) =>
          api['file:open']({
            filters: [{ name: 'jbx', extensions: ['jbx'] }],
            multiple: true,
            task,
          }),
        );
        if (!r.canceled) await take(pkg, r.files);
      }),
    importFromProfile: async (pkg, profileId, passphrase) => {
      const plaintext = useSession.getState().plaintext;
      try {
        await take(pkg, [await exportedSheetOfProfile(api, profileId, passphrase, plaintext)]);
        return null;
      } catch (e) {
        return profileProblem(e);
      }
    },
    chooseFile: async (kind, label) => {
      let chosen: ChosenFile | null = null;
      await run(async () => {
        const r = await withProgress(label, (task) =>
          api['file:open']({ filters: [FILTERS[kind]], task }),
        );
        if (!r.canceled) chosen = r.files[0];
      });
      return chosen;
    },
    importPaper: (input) =>
      run(() =>
        inTurn(async () => {
          const outcome = await importPaperTranscription(
            currentDeps(),
            actor(),
            input,
            workbookReader(api),
          );
          const paper = await loadPaperSheets(currentDeps().db, input.pkg.packageId);
          // A new paper sheet changes the figures: the desk reopens on the rules' proposal.
          set(
            outcome.kind === 'imported'
              ? { paperOutcome: outcome, paper, choices: null }
              : { paperOutcome: outcome },
          );
        }),
      ),
    setChoices: (packageId, choices) => {
      // Signed: the desk is read-only (the form is not shown; nothing is written over it).
      if (get().signed) return;
      set({ choices, decisionOf: packageId });
      // Written once the import being stored is (its transaction drops the draft before); not at
      // all if it failed (the desk, its choices included, is back as stored).
      const after = stored;
      const write = (async () => {
        if (await after) await saveDecisionDraft(currentDeps(), packageId, choices);
      })();
      trackSave(write);
      // A write that fails leaves the choices on screen only: held, so leaving or locking asks.
      followSave('chair', write);
    },
    hold: fields.hold,
    heldText: fields.text,
    sign: async (input) => {
      if (get().signing || get().signed) return;
      set({ signing: true });
      try {
        // Signs sheets the database holds: an import being stored first (failed: the desk is back
        // as it was, so what was asked to be signed is no longer what it shows).
        if (!(await stored)) return;
        await run(async () => {
          const { enrolment } = useReview.getState();
          if (!enrolment) return;
          // What a field shows and the choices do not hold is not signed in its place.
          const shown = fields.first();
          if (shown !== null)
            throw new WorkflowError(message('session.unsaved', { message: shown }));
          const outcome = await signDecision(exportDeps(), {
            ...input,
            gathered: get().gathered,
            enrolment,
          });
          // The chair's own sheet may have been exported with it, and the counter moved on.
          await useReview.getState().reload();
          const { signed } = await loadDecision(currentDeps().db, input.pkg.packageId);
          // The signed result is what the desk shows now; a draft edit not saved is moot.
          holdUnsaved('chair', null);
          set({
            signed,
            notice: savedNotice(outcome, 'chair.exported'),
            unsaved: outcome.saved ? null : outcome.file,
          });
        });
      } finally {
        set({ signing: false });
      }
    },
    saveAgain: () =>
      run(async () => {
        const file = get().unsaved ?? get().signed?.file;
        if (!file) return;
        const outcome = await offer(saveFile, file);
        set({
          notice: savedNotice(outcome, 'chair.exported'),
          unsaved: outcome.saved ? null : file,
        });
      }),
  };
});
