/** The expert's private notes on the home screen: loaded once, saved on every keystroke. */
import { create } from 'zustand';
import { loadNotes, recordNotesEdited, saveNotes } from '../workflows/notes';
import { actor, currentDeps, now } from './deps';
import { trackSave } from './save';

interface NotesStore {
  text: string | null;
  dirty: boolean;
  load: () => Promise<void>;
  change: (text: string) => void;
  /** Leaving the field puts an editing session on the record, once. */
  leave: () => void;
}

export const useNotes = create<NotesStore>()((set, get) => ({
  text: null,
  dirty: false,
  load: async () => set({ text: await loadNotes(currentDeps().db), dirty: false }),
  change: (text) => {
    set({ text, dirty: true });
    trackSave(saveNotes(currentDeps().db, text));
  },
  leave: () => {
    if (!get().dirty) return;
    set({ dirty: false });
    trackSave(recordNotesEdited(currentDeps().db, actor(), now));
  },
}));
