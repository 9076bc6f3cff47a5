/**
 * The working-day calendar card of 文件包核验: the years accepted on this device, the outcome of
 * importing a verified calendar bundle (workflows/calendar.ts), and the publicity window counted
 * from a start date on this device's calendar (第十二条（六）).
 */
import { create } from 'zustand';
import type { OpenedBundle } from '../../../src-shared/bundle';
import type { PublicityWindow } from '../../../src-shared/calendar';
import {
  importCalendar,
  importedCalendars,
  publicityOnDevice,
  type CalendarImport,
} from '../workflows/calendar';
import { actor, currentDeps, now } from './deps';
import { turns } from './turns';

interface CalendarStore {
  years: number[];
  result: CalendarImport | null;
  /** YYYY-MM-DD, or '' before one is given. */
  start: string;
  window: PublicityWindow | null;
  /** The years on this device, and the window again (after an import or a new start). */
  refresh: () => Promise<void>;
  importBundle: (bundle: OpenedBundle) => Promise<void>;
  setStart: (start: string) => Promise<void>;
  /** A new bundle on the screen: no outcome shown yet. */
  reset: () => void;
}

export const useCalendar = create<CalendarStore>()((set, get) => {
  // Reading the years and the window and importing take turns: of two start dates given one after
  // the other, the first one's window, counted last, would otherwise be shown under the second.
  const inTurn = turns();
  /** Reads the years and counts the window; in turn only. */
  const read = async () => {
    const { db } = currentDeps();
    const years = (await importedCalendars(db)).map((c) => c.year);
    const { start } = get();
    set({ years, window: start ? await publicityOnDevice(db, start) : null });
  };
  return {
    years: [],
    result: null,
    start: '',
    window: null,
    refresh: () => inTurn(read),
    importBundle: (bundle) =>
      inTurn(async () => {
        const result = await importCalendar(currentDeps().db, actor(), bundle, now().toISOString());
        set({ result });
        await read();
      }),
    setStart: async (start) => {
      set({ start, window: null });
      await get().refresh();
    },
    reset: () => set({ result: null }),
  };
});
