/**
 * The calendar card counts the publicity window in turn: of two start dates given one after the
 * other, the first one's window, counted last, is not shown under the second (第十二条（六）).
 * Runs the store on fake-indexeddb after an unlock, the first count held until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { useCalendar } from './calendar';
import { releaseAfter } from './test-gate';

/** The next read, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/calendar', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/calendar')>();
  return {
    ...original,
    publicityOnDevice: (...args: Parameters<typeof original.publicityOnDevice>) =>
      gate.after(() => original.publicityOnDevice(...args)),
  };
});

describe('the publicity window, two start dates one after the other', () => {
  it('is the window of the start date given last', async () => {
    const { db } = await unlockedWith(
      { meta: { notes: '' } },
      { actor: '市科技局', action: 'notes.edit', target: '' },
      '市科技局 李明',
    );
    const { publicityOnDevice } =
      await vi.importActual<typeof import('../workflows/calendar')>('../workflows/calendar');
    const [early, late] = await Promise.all([
      publicityOnDevice(db, '2026-10-09'),
      publicityOnDevice(db, '2026-12-01'),
    ]);
    expect(early).not.toEqual(late);

    // The window from 2026-10-09 is being counted…
    gate.hold();
    const first = useCalendar.getState().setStart('2026-10-09');
    await vi.waitFor(() => expect(gate.read).toBe(true));
    // …when the start is corrected to 2026-12-01. Given time to finish first if it could.
    const second = useCalendar.getState().setStart('2026-12-01');
    await releaseAfter(gate, first, second);

    const { start, window } = useCalendar.getState();
    expect(start).toBe('2026-12-01');
    expect(window).toEqual(late);
  });
});
