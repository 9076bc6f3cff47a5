/**
 * The desk's one unsigned draft is not replaced without asking: opening new lists while a draft
 * with content exists names it first and opens nothing; keeping it changes nothing (the store, the
 * sealed rows, no file dialog); replacing takes the new lists. Runs the store on fake-indexeddb
 * after an unlock, with the bridge's file dialog and list reader played here.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Grid } from '../../../src-shared/bureau';
import { freshDeps } from '../workflows/test-db';
import { judgeDraft, loadDraft, saveDraft } from '../workflows/bureau';
import { useBureau } from './bureau';
import { useSession } from './session';

const grid = (file: string): Grid => ({
  file,
  sheet: 'Sheet1',
  kind: 'csv',
  rows: [['编号'], ['A01']],
  merges: [],
});

const dialog = vi.hoisted(() => ({ opened: 0 }));
vi.mock('../bridge', () => ({
  api: {
    'file:open': () => {
      dialog.opened += 1;
      return Promise.resolve({
        canceled: false,
        files: [{ name: 'new.csv', bytes: new TextEncoder().encode('编号\nA01\n') }],
      });
    },
    'bureau:read-lists': () => Promise.resolve({ grids: [grid('new.csv')], problems: [] }),
  },
}));

async function unlockedWithDraft() {
  const deps = freshDeps();
  await deps.db.open();
  const profile = { id: 'p1', label: '市科技局 李明', createdAt: '2026-09-01', hasKeychain: false };
  useSession.setState({ status: 'unlocked', db: deps.db, profile });
  const draft = await saveDraft(
    deps.db,
    {
      grids: [grid('old.csv')],
      proposals: [{ name: 'A01-proposal.pdf', bytes: new TextEncoder().encode('%PDF-1.4') }],
      unreadable: [],
    },
    true,
    new Date('2026-09-01T01:00:00Z'),
  );
  useBureau.setState({ draft, verdict: judgeDraft(draft), replacing: null, message: null });
  return { deps, draft };
}

describe('new lists over the unsigned draft', () => {
  it('are asked about first, naming the draft; keeping it changes nothing, replacing takes them', async () => {
    const { deps, draft } = await unlockedWithDraft();
    const rows = await deps.db.rounds.toArray();
    dialog.opened = 0;

    await useBureau.getState().openLists('名单');
    expect(useBureau.getState().replacing).toEqual({
      packageId: null,
      files: ['old.csv', 'A01-proposal.pdf'],
      editedAt: '2026-09-01T01:00:00.000Z',
    });
    expect(dialog.opened).toBe(0);

    useBureau.getState().keepDraft();
    expect(useBureau.getState().replacing).toBeNull();
    expect(useBureau.getState().draft).toBe(draft);
    expect(await deps.db.rounds.toArray()).toEqual(rows);
    expect(dialog.opened).toBe(0);

    await useBureau.getState().openLists('名单');
    await useBureau.getState().replaceDraft('名单');
    expect(dialog.opened).toBe(1);
    expect(useBureau.getState().replacing).toBeNull();
    expect(useBureau.getState().draft?.grids.map((g) => g.file)).toEqual(['new.csv']);
    const kept = await loadDraft(deps.db);
    expect(kept?.grids.map((g) => g.file)).toEqual(['new.csv']);
    expect(kept?.proposals).toEqual([]);
  });

  it('open at once when the draft holds nothing', async () => {
    const { deps } = await unlockedWithDraft();
    useBureau.setState({ draft: null, verdict: null });
    dialog.opened = 0;
    await useBureau.getState().openLists('名单');
    expect(useBureau.getState().replacing).toBeNull();
    expect(dialog.opened).toBe(1);
    expect((await loadDraft(deps.db))?.grids.map((g) => g.file)).toEqual(['new.csv']);
  });
});
