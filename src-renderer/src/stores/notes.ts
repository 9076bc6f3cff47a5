/** The expert's private notes on the home screen: loaded once, saved on every keystroke. */
import { create } from 'zustand';
import { loadNotes, recordNotesEdited, saveNotes } from '../workflows/notes';
import { actor, currentDeps, now } from './deps';
import { trackSave } from './save';
import { turns } from './turns';

interface NotesStore {
  text: string | null;
  dirty: boolean;
  load: () => Promise<void>;
  change: (text: string) => void;
  /** Leaving the field puts an editing session on the record, once. */
  leave: () => void;
}

export const useNotes = create<NotesStore>()((set, get) => {
  // Reading the notes and writing them take turns: the home screen shows the notes it holds while
  // it loads them again, and a load begun before a keystroke would otherwise set the older text
  // over what was typed (the next keystroke then writing the older text with it).
  const inTurn = turns();
  /** Counts the keystrokes shown: a load that began before one keeps the text on screen. */
  let edits = 0;
  return {
    text: null,
    dirty: false,
    load: () =>
      inTurn(async () => {
        const seen = edits;
        const text = await loadNotes(currentDeps().db);
        // Typed while reading: on screen, and written after this read.
        if (seen === edits) set({ text, dirty: false });
      }),
    change: (text) => {
      edits += 1;
      set({ text, dirty: true });
      const { db } = currentDeps();
      trackSave(inTurn(() => saveNotes(db, text)));
    },
    leave: () => {
      if (!get().dirty) return;
      set({ dirty: false });
      trackSave(recordNotesEdited(currentDeps().db, actor(), now));
    },
  };
});
