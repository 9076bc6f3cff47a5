import { create } from 'zustand';
import type { Message } from '../i18n/strings';
import { problemOf } from '../workflows/deps';

/**
 * 「保存中」/「已保存」: every edit is written at once; this counts writes still in flight and keeps
 * the last failure. Why an edit on screen is not written at all (「未保存：…」) is held in
 * `stores/unsaved.ts`.
 */
interface SaveState {
  pending: number;
  lastError: Message | null;
  /** Follows a write; a failure is shown in the top bar (the edit stays on screen). */
  track: (write: Promise<unknown>) => void;
}

export const useSaveState = create<SaveState>()((set) => ({
  pending: 0,
  lastError: null,
  track: (write) => {
    set((s) => ({ pending: s.pending + 1, lastError: null }));
    write.then(
      () => set((s) => ({ pending: s.pending - 1 })),
      (e: unknown) => set((s) => ({ pending: s.pending - 1, lastError: problemOf(e) })),
    );
  },
}));

/** Follows an autosave write (for stores). */
export const trackSave = (write: Promise<unknown>): void => useSaveState.getState().track(write);
