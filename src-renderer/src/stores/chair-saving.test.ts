/**
 * The chair's desk draws an import's sheets as soon as they are verified and stores them after:
 * 「正在保存…」 (`saving: storing`, the app's guard holding, the database without them yet), then
 * 「已保存」 (`stored`: held no more, the database with them); a store that fails (`failed`) puts
 * the desk back as it was before the import and says why. A draft edit made while storing is
 * written after the store (whose transaction drops the draft before it), not at all if it failed.
 * Runs the store on fake-indexeddb after an unlock, with the bridge's file dialog played in test-desk-client, the
 * desk's worker run in process and the import's transaction held until the test lets it go.
 */
import 'fake-indexeddb/auto';
import './test-browser';
import { describe, expect, it, vi } from 'vitest';
import { initialChoices } from '../../../src-shared/decision';
import { getMeta } from '../db/repo';
import { importPackage, verifyPackage } from '../workflows/expert';
import { loadGathered } from '../workflows/chair';
import { freshDeps, samplePackageBundle } from '../workflows/test-db';
import { IMPORT_HOLD, useChair } from './chair';
import { useSaveState } from './save';
import { useSession } from './session';
import { testProfile } from './test-store';
import { isHeld, useUnsaved } from './unsaved';
import { chooseSampleSheets, deskCalls } from './test-desk-client';

/** The file dialog, and the worker's verification and analysis in process (the same functions it runs). */
vi.mock('../bridge', () => import('./test-desk-client'));
vi.mock('../workers/desk-client', () => import('./test-desk-client'));

/** The import's transaction (the change with gathered rows): held, or failing, as the test says. */
const store = vi.hoisted(() => {
  let release = (): void => undefined;
  let held: Promise<void> | null = null;
  return {
    fail: false,
    started: false,
    hold() {
      held = new Promise<void>((r) => (release = r));
      this.started = false;
    },
    release: () => release(),
    get held() {
      return held;
    },
  };
});
vi.mock('../db/repo', async (importOriginal) => {
  const original = await importOriginal<typeof import('../db/repo')>();
  return {
    ...original,
    commitChange: async (...args: Parameters<typeof original.commitChange>) => {
      if (args[1].gathered) {
        store.started = true;
        await store.held;
        if (store.fail) throw new Error('磁盘空间不足');
      }
      return original.commitChange(...args);
    },
  };
});

async function chairDesk() {
  const deps = freshDeps();
  await deps.db.open();
  const verified = await verifyPackage(deps, (await samplePackageBundle()).bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  useUnsaved.setState({ edits: {}, asking: null, profileId: null });
  useSession.setState({ status: 'unlocked', db: deps.db, profile: testProfile('张志远（组长）') });
  const pkg = verified.bundle.document;
  await chooseSampleSheets(verified.bundle.manifestSha256);
  await useChair.getState().load(pkg.packageId);
  await useChair.getState().analyse(pkg, null);
  return { deps, pkg };
}

describe('the chair’s desk, an import shown before it is stored', () => {
  it('is shown while storing (held, not in the database yet), then stored and released', async () => {
    const { deps, pkg } = await chairDesk();
    store.fail = false;
    store.hold();
    const importing = useChair.getState().importFiles(pkg, { key: 'chair.import' });
    await vi.waitFor(() => expect(store.started).toBe(true));

    // Drawn: the two sheets, their outcomes and figures; 正在保存, the guard holding.
    const shown = useChair.getState();
    expect(shown.saving).toEqual({ state: 'storing' });
    expect(shown.gathered.map((g) => g.expertId)).toEqual(['E02', 'E03']);
    expect(shown.outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(shown.view?.gathered).toBe(shown.gathered);
    expect(isHeld(IMPORT_HOLD)).toBe(true);
    expect(useUnsaved.getState().edits[IMPORT_HOLD]?.saving).toBe(true);
    expect(await loadGathered(deps.db, pkg.packageId)).toEqual([]);

    // A draft edit meanwhile waits for the store (whose transaction drops the draft before it).
    const edited = {
      ...initialChoices({ candidateIds: ['A01'], isRecommended: true, reasons: [] }),
      funding: { A01: '400' },
    };
    useChair.getState().setChoices(pkg.packageId, edited);
    expect(useSaveState.getState().pending).toBeGreaterThan(0);

    store.release();
    await importing;
    expect(useChair.getState().saving).toEqual({ state: 'stored' });
    expect(isHeld(IMPORT_HOLD)).toBe(false);
    expect((await loadGathered(deps.db, pkg.packageId)).map((g) => g.expertId)).toEqual([
      'E02',
      'E03',
    ]);
    await vi.waitFor(() => expect(useSaveState.getState().pending).toBe(0));
    expect((await getMeta(deps.db, 'decisionDraft'))?.choices?.funding).toEqual({ A01: '400' });
    expect(useChair.getState().notice).toBeNull();
  });

  it('a store that fails: the desk back as before the import, saying why; the edit not written', async () => {
    const { deps, pkg } = await chairDesk();
    const before = useChair.getState();
    store.fail = true;
    store.hold();
    const importing = useChair.getState().importFiles(pkg, { key: 'chair.import' });
    await vi.waitFor(() => expect(store.started).toBe(true));
    expect(useChair.getState().saving).toEqual({ state: 'storing' });
    expect(useChair.getState().gathered).toHaveLength(2);
    useChair
      .getState()
      .setChoices(
        pkg.packageId,
        initialChoices({ candidateIds: ['A01'], isRecommended: true, reasons: [] }),
      );

    store.release();
    await importing;
    const after = useChair.getState();
    expect(after.saving).toEqual({ state: 'failed', why: { text: '磁盘空间不足' } });
    expect(after.gathered).toBe(before.gathered);
    expect(after.outcomes).toBe(before.outcomes);
    expect(after.view).toBe(before.view);
    expect(after.choices).toBe(before.choices);
    expect(isHeld(IMPORT_HOLD)).toBe(false);
    expect(await loadGathered(deps.db, pkg.packageId)).toEqual([]);
    await vi.waitFor(() => expect(useSaveState.getState().pending).toBe(0));
    expect(await getMeta(deps.db, 'decisionDraft')).toBeUndefined();
    // Shown again (a lock and an unlock, a visit to another screen): it still says so.
    await useChair.getState().load(pkg.packageId);
    expect(useChair.getState().saving?.state).toBe('failed');
    store.fail = false;
  });

  it('asks the worker once for the same sheets asked again while in flight', async () => {
    const { pkg } = await chairDesk();
    useChair.setState({ view: null });
    deskCalls.analyses = 0;
    const first = useChair.getState().analyse(pkg, null);
    // The lists read again: other arrays, the same (no) sheets.
    useChair.setState({ gathered: [], paper: [] });
    const second = useChair.getState().analyse(pkg, null);
    await Promise.all([first, second]);
    expect(deskCalls.analyses).toBe(1);
    expect(useChair.getState().view).not.toBeNull();
    // Made already: not asked again.
    await useChair.getState().analyse(pkg, null);
    expect(deskCalls.analyses).toBe(1);
    // The review read again: the same package as a new object. The figures are kept, now of it.
    const again = structuredClone(pkg);
    await useChair.getState().analyse(again, null);
    expect(deskCalls.analyses).toBe(1);
    expect(useChair.getState().view?.pkg).toBe(again);
    // Another package content: made again.
    await useChair.getState().analyse({ ...again, title: `${again.title}（修订）` }, null);
    expect(deskCalls.analyses).toBe(2);
  });
});
