/**
 * The task book's screen reads the draft and writes it in turn: a load that began before a write
 * (the screen loads again once the review's package is read) does not set the draft it read over
 * the one just created, nor over an edit typed meanwhile (the next edit would be made on the older
 * draft and written over the first). Runs the store on fake-indexeddb after an unlock, the load
 * held after its read until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { sampleTaskBook } from '../../../src-shared/bundle/test-helpers';
import { sampleDecision, samplePackage } from '../../../src-shared/sample-fixture';
import { taskBooksOfPackage } from '../db/repo';
import { useTaskBook } from './taskbook';
import { releaseAfter } from './test-gate';

/** The store's read of the task book, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/taskbook', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/taskbook')>();
  return {
    ...original,
    loadTaskBook: (...args: Parameters<typeof original.loadTaskBook>) =>
      gate.after(() => original.loadTaskBook(...args)),
  };
});

const pkg = samplePackage();

/** The screen's second load has read the database and is still on its way. */
async function loadHeld(): Promise<{ loading: Promise<void> }> {
  gate.hold();
  const loading = useTaskBook.getState().load(pkg.packageId);
  await vi.waitFor(() => expect(gate.read).toBe(true));
  return { loading };
}

describe('the task book, loading while writing', () => {
  it('keeps the draft just created when a load begun before ends after it', async () => {
    const { db } = await unlockedWith(
      { pkg: { pkg, manifestSha256: 'm' } },
      { actor: 'E01', action: 'package.import', target: pkg.packageId },
      '张志远（任务书）',
    );
    useTaskBook.setState({ loaded: true, decision: sampleDecision(), draft: null, notice: null });

    const { loading } = await loadHeld();
    const creating = useTaskBook.getState().create(pkg, sampleDecision());
    await releaseAfter(gate, loading, creating);

    const { draft, notice } = useTaskBook.getState();
    expect(notice).toBeNull();
    expect(draft?.status).toBe('draft');
    expect((await taskBooksOfPackage(db, pkg.packageId)).map((t) => t.taskBookId)).toEqual([
      draft?.taskBookId,
    ]);
  });

  it('keeps an edit typed while a load begun before it reads, and writes the next on top of it', async () => {
    const draft = { ...sampleTaskBook(), status: 'draft' as const };
    const { db } = await unlockedWith(
      { taskBook: draft },
      { actor: 'chair', action: 'taskbook.draft', target: draft.taskBookId },
      '张志远（任务书）',
    );
    useTaskBook.setState({ loaded: true, decision: sampleDecision(), draft, notice: null });

    const { loading } = await loadHeld();
    const { edit } = useTaskBook.getState();
    edit({ type: 'basics', patch: { title: '第一次修改的项目名称' } });
    await releaseAfter(gate, loading, Promise.resolve());
    edit({ type: 'basics', patch: { contractNumber: 'KLMY-HT-2027-009' } });

    const shown = useTaskBook.getState().draft;
    expect(shown?.title).toBe('第一次修改的项目名称');
    expect(shown?.contractNumber).toBe('KLMY-HT-2027-009');
    await vi.waitFor(async () => {
      const [kept] = await taskBooksOfPackage(db, draft.packageId);
      expect([kept?.title, kept?.contractNumber]).toEqual([
        '第一次修改的项目名称',
        'KLMY-HT-2027-009',
      ]);
    });
  });
});
