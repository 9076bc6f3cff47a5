/**
 * The expert's notes are read and written in turn: the home screen shows the notes it holds while
 * it loads them again, and a load that began before a keystroke does not set the older text over
 * what was typed (nor is the next keystroke written on the older text). Runs the store on
 * fake-indexeddb after an unlock, the load held after its read until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { loadNotes } from '../workflows/notes';
import { useNotes } from './notes';

/** The store's read of the notes, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/notes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/notes')>();
  return {
    ...original,
    loadNotes: (...args: Parameters<typeof original.loadNotes>) =>
      gate.after(() => original.loadNotes(...args)),
  };
});

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
    useNotes.getState().change('旧笔记：A01');
    await new Promise((r) => setTimeout(r, 300));
    gate.release();
    await loading;
    // The next keystroke, on the text the field shows.
    useNotes.getState().change(`${useNotes.getState().text ?? ''} 中试`);

    expect(useNotes.getState().text).toBe('旧笔记：A01 中试');
    await vi.waitFor(async () => expect(await loadNotes(db)).toBe('旧笔记：A01 中试'));
  });
});
