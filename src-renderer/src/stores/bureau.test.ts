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
/** The file dialog and main's key creation, each held (when armed) until the test lets it go. */
const { picker, keyMaker } = await vi.hoisted(async () => {
  const { readGate } = await import('./test-gate');
  return { picker: readGate(), keyMaker: readGate() };
});
vi.mock('../bridge', () => ({
  api: {
    'file:open': () => {
      dialog.opened += 1;
      return picker.after(() =>
        Promise.resolve({
          canceled: false,
          files: [{ name: 'new.csv', bytes: new TextEncoder().encode('编号\nA01\n') }],
        }),
      );
    },
    'bureau:read-lists': () => Promise.resolve({ grids: [grid('new.csv')], problems: [] }),
    'bureau:key-create': () => keyMaker.after(() => Promise.resolve({ key: KEY })),
  },
}));

const KEY = {
  fingerprint: 'ab'.repeat(32),
  publicKeyPem: '-----BEGIN PUBLIC KEY-----',
  ageRecipient: 'age1…',
  createdAt: '2026-09-01T00:00:00.000Z',
  retired: [],
};

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

describe('the desk is busy while any of its actions runs', () => {
  it('two at once: the first to finish leaves it busy until the other has finished too', async () => {
    await unlockedWithDraft();
    useBureau.setState({ draft: null, verdict: null, key: null, busy: false });
    expect(useBureau.getState().busy).toBe(false);

    // A key being made in main, and new lists being opened, at the same time.
    keyMaker.hold();
    const making = useBureau.getState().createKey('p1', '口令口令口令口令口令');
    await vi.waitFor(() => expect(keyMaker.read).toBe(true));
    picker.hold();
    const opening = useBureau.getState().openLists('名单');
    await vi.waitFor(() => expect(picker.read).toBe(true));
    expect(useBureau.getState().busy).toBe(true);

    // The lists are in first: the key is still being made, so the desk is still busy.
    picker.release();
    await opening;
    expect(useBureau.getState().draft?.grids.map((g) => g.file)).toEqual(['new.csv']);
    expect(useBureau.getState().key).toBeNull();
    expect(useBureau.getState().busy).toBe(true);

    keyMaker.release();
    await making;
    expect(useBureau.getState().key).toEqual(KEY);
    expect(useBureau.getState().busy).toBe(false);
  });

  it('an action that fails is no longer running either', async () => {
    await unlockedWithDraft();
    useSession.setState({ status: 'locked', db: null, profile: null });
    useBureau.setState({ draft: null, verdict: null, busy: false });
    await useBureau.getState().approve('KLMY-2026-JB-001', '2026-09-01');
    expect(useBureau.getState().message).toEqual({
      kind: 'error',
      message: { key: 'session.locked' },
    });
    expect(useBureau.getState().busy).toBe(false);
  });
});
