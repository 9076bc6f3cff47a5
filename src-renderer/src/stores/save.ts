import { create } from 'zustand';

/** 「保存中」/「已保存」: every edit is written at once; this counts writes still in flight. */
interface SaveState {
  pending: number;
  lastError: string | null;
  track: <T>(write: Promise<T>) => Promise<T>;
}

export const useSaveState = create<SaveState>()((set) => ({
  pending: 0,
  lastError: null,
  track: async (write) => {
    set((s) => ({ pending: s.pending + 1, lastError: null }));
    try {
      return await write;
    } catch (e) {
      set({ lastError: e instanceof Error ? e.message : String(e) });
      throw e;
    } finally {
      set((s) => ({ pending: s.pending - 1 }));
    }
  },
}));
