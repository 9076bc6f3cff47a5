/**
 * The expert's notes are read and written in turn: the home screen shows the notes it holds while
 * it loads them again, and a load that began before a keystroke does not set the older text over
 * what was typed (nor is the next keystroke written on the older text); nor does a load that began
 * after a keystroke, before its write reached the database. Runs the store on fake-indexeddb after
 * an unlock, the load held after its read (or the write before it writes) until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { loadNotes } from '../workflows/notes';
import { useNotes } from './notes';
import { useSaveState } from './save';
import { releaseAfter } from './test-gate';

/**
 * The store's read of the notes, held after reading until the test lets it go; and a keystroke's
 * write, held before it writes (as a write still sealing its record is, not yet in the database).
 */
const { gate, writeGate } = await vi.hoisted(async () => {
  const { readGate } = await import('./test-gate');
  return { gate: readGate(), writeGate: readGate() };
});
vi.mock('../workflows/notes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/notes')>();
  return {
    ...original,
    loadNotes: (...args: Parameters<typeof original.loadNotes>) =>
      gate.after(() => original.loadNotes(...args)),
    saveNotes: async (...args: Parameters<typeof original.saveNotes>) => {
      await writeGate.after(() => Promise.resolve());
      return original.saveNotes(...args);
    },
  };
});

/** Settles once no write of the notes is in flight any more (after the next one starts). */
function written(): Promise<void> {
  return new Promise((done) => {
    const stop = useSaveState.subscribe((s) => {
      if (s.pending > 0) return;
      stop();
      done();
    });
  });
}

describe('the notes, loading while typing', () => {
  it('keeps what was typed while a load begun before it reads, and writes the next keystroke on it', async () => {
    const { db } = await unlockedWith(
      { meta: { notes: '旧笔记' } },
      { actor: 'E02', action: 'notes.edit', target: '' },
      '李明哲（专家）',
    );
    await useNotes.getState().load();
    expect(useNotes.getState().text).toBe('旧笔记');

    // The home screen, opened again, loads the notes while showing them…
    gate.hold();
    const loading = useNotes.getState().load();
    await vi.waitFor(() => expect(gate.read).toBe(true));
    // …and the expert types.
    const writing = written();
    useNotes.getState().change('旧笔记：A01');
    // The keystroke's write is given time to finish first, if it could.
    await releaseAfter(gate, loading, writing);
    // The next keystroke, on the text the field shows.
    useNotes.getState().change(`${useNotes.getState().text ?? ''} 中试`);

    expect(useNotes.getState().text).toBe('旧笔记：A01 中试');
    await vi.waitFor(async () => expect(await loadNotes(db)).toBe('旧笔记：A01 中试'));
  });

  it('shows what was typed when a load begins before the keystroke is written', async () => {
    const { db } = await unlockedWith(
      { meta: { notes: '旧笔记' } },
      { actor: 'E02', action: 'notes.edit', target: '' },
      '李明哲（专家）',
    );
    await useNotes.getState().load();

    // The expert types; the keystroke's write has not reached the database yet…
    writeGate.hold();
    const writing = written();
    useNotes.getState().change('旧笔记：B02');
    await vi.waitFor(() => expect(writeGate.read).toBe(true));
    // …when the home screen, opened again, loads the notes. Given time to finish first if it could.
    const loading = useNotes.getState().load();
    await releaseAfter(writeGate, writing, loading);

    expect(useNotes.getState().text).toBe('旧笔记：B02');
    expect(await loadNotes(db)).toBe('旧笔记：B02');
  });
});
