/**
 * The bureau's desk reads the draft and the rounds and writes them in turn: a load that began
 * before the lists were opened (the desk loads again as it is opened, showing what it holds
 * meanwhile) does not set the draft it read over the new lists; and a cell edit's write, when it
 * ends, does not set its draft over a later edit already on screen (a third edit would be made
 * without the second and written so). Runs the store on fake-indexeddb after an unlock, with the
 * bridge played here and the load held after its read of the draft until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Grid } from '../../../src-shared/bureau';
import { freshDeps } from '../workflows/test-db';
import { judgeDraft, loadDraft, saveDraft } from '../workflows/bureau';
import { useBureau } from './bureau';
import { useSession } from './session';
import { releaseAfter } from './test-gate';

const grid = (file: string): Grid => ({
  file,
  sheet: 'Sheet1',
  kind: 'csv',
  rows: [
    ['编号', '名称', '金额'],
    ['A01', '', ''],
  ],
  merges: [],
});

vi.mock('../bridge', () => ({
  api: {
    'bureau:key-info': () => Promise.resolve({ key: null }),
    'file:open': () =>
      Promise.resolve({
        canceled: false,
        files: [{ name: 'new.csv', bytes: new TextEncoder().encode('编号\nA01\n') }],
      }),
    'bureau:read-lists': () => Promise.resolve({ grids: [grid('new.csv')], problems: [] }),
  },
}));

/** The store's next read of the draft, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/bureau', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/bureau')>();
  return {
    ...original,
    loadDraft: (...args: Parameters<typeof original.loadDraft>) =>
      gate.after(() => original.loadDraft(...args)),
  };
});

async function unlocked() {
  const deps = freshDeps();
  await deps.db.open();
  const profile = { id: 'p1', label: '市科技局 李明', createdAt: '2026-09-01', hasKeychain: false };
  useSession.setState({ status: 'unlocked', db: deps.db, profile });
  useBureau.setState({ draft: null, verdict: null, replacing: null, message: null });
  return deps;
}

describe('the bureau’s desk, loading while writing', () => {
  it('keeps the lists just opened when a load begun before ends after it', async () => {
    const deps = await unlocked();

    // The desk's load has read the (absent) draft and is still on its way…
    gate.hold();
    const loading = useBureau.getState().load('p1');
    await vi.waitFor(() => expect(gate.read).toBe(true));
    // …when the bureau opens its lists. Given time to finish first if they could.
    const opening = useBureau.getState().replaceDraft('名单');
    await releaseAfter(gate, loading, opening);

    expect(useBureau.getState().draft?.grids.map((g) => g.file)).toEqual(['new.csv']);
    expect((await loadDraft(deps.db))?.grids.map((g) => g.file)).toEqual(['new.csv']);
  });

  it('keeps a later cell edit on screen when an earlier edit’s write ends', async () => {
    const deps = await unlocked();
    const draft = await saveDraft(
      deps.db,
      { grids: [grid('list.csv')], proposals: [], unreadable: [] },
      true,
      new Date('2026-09-01T01:00:00Z'),
    );
    useBureau.setState({ draft, verdict: judgeDraft(draft) });

    // Rows count from 1 (the header row), as the desk's grid shows them.
    const { editCell } = useBureau.getState();
    const first = editCell({ grid: 0, row: 2, col: 1 }, '采出水处理');
    const second = editCell({ grid: 0, row: 2, col: 2 }, 300);
    // The first write has ended; the third cell is typed on what the desk shows then.
    await first;
    await editCell({ grid: 0, row: 1, col: 0 }, '项目编号');
    await second;

    const rows = (d: typeof draft | null | undefined) => d?.grids[0]?.rows;
    const expected = [
      ['项目编号', '名称', '金额'],
      ['A01', '采出水处理', 300],
    ];
    expect(rows(useBureau.getState().draft)).toEqual(expected);
    expect(rows(await loadDraft(deps.db))).toEqual(expected);
  });
});
