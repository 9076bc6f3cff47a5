import { create } from 'zustand';
import type { Message } from '../i18n/strings';
import { problemOf } from '../workflows/deps';

/**
 * 「保存中」/「已保存」/「未保存：…」: every edit is written at once; this counts writes still in
 * flight, and holds why an edit on screen is not written at all (a field the form's check refuses).
 */
interface SaveState {
  pending: number;
  lastError: Message | null;
  /**
   * Why the edit on screen cannot be saved, or null: set by the screen's store while it shows an
   * edit the database does not hold (the top bar then never says 「已保存」).
   */
  unsaved: Message | null;
  /** Follows a write; a failure is shown in the top bar (the edit stays on screen). */
  track: (write: Promise<unknown>) => void;
  setUnsaved: (why: Message | null) => void;
}

export const useSaveState = create<SaveState>()((set) => ({
  pending: 0,
  lastError: null,
  unsaved: null,
  track: (write) => {
    set((s) => ({ pending: s.pending + 1, lastError: null }));
    write.then(
      () => set((s) => ({ pending: s.pending - 1 })),
      (e: unknown) => set((s) => ({ pending: s.pending - 1, lastError: problemOf(e) })),
    );
  },
  setUnsaved: (unsaved) => set({ unsaved }),
}));

/** Follows an autosave write (for stores). */
export const trackSave = (write: Promise<unknown>): void => useSaveState.getState().track(write);

/** Says why the edit on screen is not saved, or (null) that nothing on screen is left unsaved. */
export const holdUnsaved = (why: Message | null): void => useSaveState.getState().setUnsaved(why);
