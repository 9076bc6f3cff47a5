/**
 * The award screen's state: the package's signed task books, the one shown, its signed documents
 * and the signers enrolled here. Every change goes through workflows/award.ts, on the unlocked
 * profile's database (stores/deps.ts), as the other screens' stores do; screens never hold it.
 */
import { create } from 'zustand';
import type {
  AwardDocument,
  MilestoneAssessmentForm,
  TimelineInspection,
} from '../../../src-shared/award';
import type { MilestoneAssessment, TaskBook } from '../../../src-shared/model';
import { message, type Message } from '../i18n/strings';
import {
  awardSigners,
  awardsOf,
  chairRaceEntries,
  enrolSigner,
  signAward,
  signedTaskBooks,
  type AwardRole,
  type AwardSigner,
  type StoredAward,
} from '../workflows/award';
import { reopenAssessment } from '../workflows/award-evidence';
import { inspectionsOnTimeline } from '../workflows/award-inspections';
import { problemOf } from '../workflows/deps';
import { actor, currentDeps, saveFile } from './deps';
import { attempt } from './notice';
import { withProgress } from './progress';
import { turns } from './turns';

interface AwardState {
  loaded: boolean;
  books: TaskBook[];
  book: TaskBook | null;
  awards: StoredAward[];
  signers: AwardSigner[];
  /** What the chair entered on the chair's desk for the race stage (unsigned, this device). */
  chairRace: MilestoneAssessment[];
  /** The inspection reports kept here about the task book's project (第十四条). */
  inspections: TimelineInspection[];
  /**
   * A signed assessment re-opened with its evidence files (`reopenAssessment`): the assessment card
   * shows it to amend and sign again under the same id; null for a new assessment.
   */
  reopened: {
    doc: MilestoneAssessmentForm;
    files: ReadonlyMap<string, Uint8Array>;
    /** The unlocked database it was read from: another session never sees it. */
    from: object;
  } | null;
  /** Re-opens a kept assessment; a file gone from the device or altered is named (`error`). */
  reopen: (assessmentId: string) => Promise<void>;
  /** What was done, or why it was refused: shown in the user's language (`useSay`). */
  message: Message | null;
  error: Message | null;
  load: (packageId: string) => Promise<void>;
  /** Enrols a signer; resolves true when enrolled (the refusal is shown otherwise). */
  enrol: (role: AwardRole, name: string) => Promise<boolean>;
  /** Signs, keeps and saves the bundle; the message or the refusal is shown. */
  sign: (input: {
    document: AwardDocument;
    signerIds: readonly string[];
    periodEnd?: string;
    files?: ReadonlyMap<string, Uint8Array>;
    label: string;
  }) => Promise<void>;
}

export const useAward = create<AwardState>()((set, get) => {
  // Reading the award documents and signers and writing them take turns: a load begun before a
  // write (the screen loads again once the review's package is read, or another profile is
  // unlocked) would otherwise set the lists it read over the ones just written — a signer just
  // enrolled, or a document just signed, gone from the screen until the next visit.
  const inTurn = turns();
  /** Reads the package's task books, documents and signers and shows them (in turn only). */
  const read = async (packageId: string) => {
    const { db } = currentDeps();
    const books = await signedTaskBooks(db, packageId);
    const book = books[0] ?? null;
    const [awards, signers, chairRace, inspections] = await Promise.all([
      book ? awardsOf(db, book.taskBookId) : Promise.resolve([]),
      awardSigners(db),
      chairRaceEntries(db),
      book ? inspectionsOnTimeline(db, book) : Promise.resolve([]),
    ]);
    // A re-opened assessment of this book stays re-opened when the screen is left and opened
    // again (the card shows it again); what was said before is not said again.
    const reopened = get().reopened;
    const kept =
      reopened !== null && reopened.from === db && reopened.doc.taskBookId === book?.taskBookId;
    set({
      loaded: true,
      books,
      book,
      awards,
      signers,
      chairRace,
      inspections,
      reopened: kept ? reopened : null,
      message: null,
      error: null,
    });
  };
  return {
    loaded: false,
    books: [],
    book: null,
    awards: [],
    signers: [],
    chairRace: [],
    inspections: [],
    reopened: null,
    message: null,
    error: null,
    load: (packageId) =>
      inTurn(async () => {
        // A read that fails (the database, a record that cannot be opened) is said, as every
        // store's failed load is (`attempt`): the screen shows why instead of the lists of before.
        const problem = await attempt(() => read(packageId));
        if (problem) set({ loaded: false, message: null, error: problem.message });
      }),
    enrol: (role, name) =>
      inTurn(async () => {
        try {
          const { db } = currentDeps();
          await enrolSigner(db, actor(), { role, name });
          set({ signers: await awardSigners(db), error: null });
          return true;
        } catch (e) {
          set({ error: problemOf(e) });
          return false;
        }
      }),
    sign: async ({ label, ...input }) => {
      const tb = get().book;
      if (!tb) return;
      set({ message: null, error: null });
      try {
        const { db } = currentDeps();
        // Signed, kept and shown in turn; the file is offered after (the lane does not wait on the
        // save dialog).
        const signed = await inTurn(async () => {
          const made = await withProgress({ text: label }, () =>
            signAward(db, { ...input, tb, actor: actor() }),
          );
          set({
            awards: await awardsOf(db, tb.taskBookId),
            signers: await awardSigners(db),
            ...(input.document.type === 'assessment' ? { reopened: null } : {}),
          });
          return made;
        });
        const saved = await saveFile({ name: signed.name, bytes: signed.bytes });
        if (saved.saved) set({ message: message('award.exported', { name: saved.name }) });
      } catch (e) {
        set({ error: problemOf(e) });
      }
    },
    reopen: (assessmentId) =>
      inTurn(async () => {
        const tb = get().book;
        if (!tb) return;
        set({ message: null, error: null });
        try {
          const { db } = currentDeps();
          const kept = await reopenAssessment(db, tb.taskBookId, assessmentId);
          if (!kept) {
            set({ error: message('award.notKept', { id: assessmentId }) });
            return;
          }
          set({
            reopened: { doc: kept.document.doc, files: kept.files, from: db },
            message: message('award.reopened', { id: assessmentId, n: kept.files.size }),
          });
        } catch (e) {
          set({ error: problemOf(e) });
        }
      }),
  };
});
