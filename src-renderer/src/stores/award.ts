/**
 * The award screen's state: the package's signed task books, the one shown, its signed documents
 * and the signers enrolled here. Every change goes through workflows/award.ts.
 */
import { create } from 'zustand';
import type { AwardDocument, TimelineInspection } from '../../../src-shared/award';
import type { MilestoneAssessment, TaskBook } from '../../../src-shared/model';
import { api } from '../bridge';
import type { JiebangDB } from '../db/database';
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
import { inspectionsOnTimeline } from '../workflows/award-inspections';
import { withProgress } from './progress';

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
  message: string | null;
  error: string | null;
  load: (db: JiebangDB, packageId: string) => Promise<void>;
  enrol: (db: JiebangDB, actor: string, role: AwardRole, name: string) => Promise<void>;
  /** Signs, keeps and saves the bundle; the message or the refusal is shown. */
  sign: (
    db: JiebangDB,
    input: {
      document: AwardDocument;
      signerIds: readonly string[];
      periodEnd?: string;
      files?: ReadonlyMap<string, Uint8Array>;
      actor: string;
      label: string;
      exported: (name: string) => string;
    },
  ) => Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useAward = create<AwardState>()((set, get) => ({
  loaded: false,
  books: [],
  book: null,
  awards: [],
  signers: [],
  chairRace: [],
  inspections: [],
  message: null,
  error: null,
  load: async (db, packageId) => {
    const books = await signedTaskBooks(db, packageId);
    const book = books[0] ?? null;
    const [awards, signers, chairRace, inspections] = await Promise.all([
      book ? awardsOf(db, book.taskBookId) : Promise.resolve([]),
      awardSigners(db),
      chairRaceEntries(db),
      book ? inspectionsOnTimeline(db, book) : Promise.resolve([]),
    ]);
    set({ loaded: true, books, book, awards, signers, chairRace, inspections });
  },
  enrol: async (db, actor, role, name) => {
    try {
      await enrolSigner(db, actor, { role, name });
      set({ signers: await awardSigners(db), error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  sign: async (db, input) => {
    const tb = get().book;
    if (!tb) return;
    set({ message: null, error: null });
    try {
      const signed = await withProgress({ text: input.label }, () =>
        signAward(db, { ...input, tb }),
      );
      set({ awards: await awardsOf(db, tb.taskBookId), signers: await awardSigners(db) });
      const saved = await withProgress({ text: input.label }, (task) =>
        api['file:save']({ bytes: signed.bytes, suggestedName: signed.name, task }),
      );
      if (!saved.canceled) set({ message: input.exported(saved.name) });
    } catch (e) {
      set({ error: message(e) });
    }
  },
}));
