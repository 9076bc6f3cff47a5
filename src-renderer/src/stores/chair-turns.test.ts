/**
 * The chair's desk reads the gathered sheets and imports new ones in turn: a load that began
 * before an import (the screen loads again once the review's package is read) does not set its
 * older list over the import's, so the imported sheets stay on the desk. Runs the store on
 * fake-indexeddb after an unlock, with the bridge's file dialog and the desk's worker
 * run in process (test-desk-client: the same functions it runs).
 */
import 'fake-indexeddb/auto';
import './test-browser';
import { describe, expect, it, vi } from 'vitest';
import { importPackage, verifyPackage } from '../workflows/expert';
import { freshDeps, samplePackageBundle } from '../workflows/test-db';
import { useChair } from './chair';
import { useSession } from './session';
import { testProfile } from './test-store';
import { chooseSampleSheets } from './test-desk-client';
import { releaseAfter } from './test-gate';

/** The file dialog, and the worker's verification and analysis in process (the same functions it runs). */
vi.mock('../bridge', () => import('./test-desk-client'));
vi.mock('../workers/desk-client', () => import('./test-desk-client'));

/** The store's read of the gathered sheets, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/chair', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/chair')>();
  return {
    ...original,
    loadGathered: (...args: Parameters<typeof original.loadGathered>) =>
      gate.after(() => original.loadGathered(...args)),
  };
});

describe('the chair’s desk, loading while importing', () => {
  it('keeps the imported sheets when a load begun before the import ends after it', async () => {
    const deps = freshDeps();
    await deps.db.open();
    const verified = await verifyPackage(deps, (await samplePackageBundle()).bytes);
    if (!verified.ok) throw new Error('the sample package does not verify');
    await importPackage(deps, 'E01', verified.bundle);
    useSession.setState({
      status: 'unlocked',
      db: deps.db,
      profile: testProfile('张志远（组长）'),
    });
    const pkg = verified.bundle.document;
    await chooseSampleSheets(verified.bundle.manifestSha256);

    // The screen's load has read the (empty) gathered set and is still on its way…
    gate.hold();
    const loading = useChair.getState().load(pkg.packageId);
    await vi.waitFor(() => expect(gate.read).toBe(true));
    // …when the chair imports two sheets. The import is given time to finish first if it could.
    const importing = useChair.getState().importFiles(pkg, { key: 'chair.import' });
    await releaseAfter(gate, loading, importing);

    const { gathered, outcomes, notice } = useChair.getState();
    expect(notice).toBeNull();
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(gathered.map((g) => g.expertId).sort()).toEqual(['E02', 'E03']);
  });
});
