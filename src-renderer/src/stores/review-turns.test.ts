/**
 * The review reads the package, the enrolment and the sheet and writes them in turn: a load that
 * began before a write (every screen that shows the package loads it as it mounts; the review
 * screen shows the sheet already while it loads again) does not set what it read over an
 * enrolment just made, nor over an edit typed meanwhile (the next edit would be written on the
 * older sheet, the first lost). Runs the store on fake-indexeddb after an unlock, the load held
 * after its read until the test lets it go.
 */
import 'fake-indexeddb/auto';
import './test-browser';
import { describe, expect, it, vi } from 'vitest';
import { getSheet } from '../db/repo';
import { importPackage, verifyPackage } from '../workflows/expert';
import { freshDeps, samplePackageBundle } from '../workflows/test-db';
import { useReview } from './review';
import { useSession } from './session';
import { testProfile } from './test-store';
import { useUnsaved } from './unsaved';
import { releaseAfter } from './test-gate';

/** The store's read of the review, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/expert', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/expert')>();
  return {
    ...original,
    loadReview: (...args: Parameters<typeof original.loadReview>) =>
      gate.after(() => original.loadReview(...args)),
  };
});

/** A package imported on a fresh profile, the store loaded on it. */
async function imported() {
  const deps = freshDeps();
  await deps.db.open();
  const verified = await verifyPackage(deps, (await samplePackageBundle()).bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E02', verified.bundle);
  useUnsaved.setState({ edits: {}, asking: null, profileId: null });
  useSession.setState({ status: 'unlocked', db: deps.db, profile: testProfile('李明哲（专家）') });
  useReview.setState({ loaded: false, pkg: null, enrolment: null, sheet: null, notice: null });
  await useReview.getState().load();
  return { deps, pkg: verified.bundle.document };
}

/** A screen's load has read the database and is still on its way. */
async function loadHeld(): Promise<{ loading: Promise<void> }> {
  gate.hold();
  const loading = useReview.getState().load();
  await vi.waitFor(() => expect(gate.read).toBe(true));
  return { loading };
}

describe('the review, loading while writing', () => {
  it('keeps an enrolment just made when a load begun before ends after it', async () => {
    await imported();
    expect(useReview.getState().enrolment).toBeNull();

    const { loading } = await loadHeld();
    await releaseAfter(gate, loading, useReview.getState().enrol('E02'));

    const { enrolment, sheet, notice } = useReview.getState();
    expect(notice).toBeNull();
    expect(enrolment?.expertId).toBe('E02');
    expect(sheet?.expertId).toBe('E02');
  });

  it('keeps an edit typed while a load begun before it reads, and writes the next on top of it', async () => {
    const { deps, pkg } = await imported();
    await useReview.getState().enrol('E02');
    const [first, second] = pkg.applicants;
    if (!first || !second) throw new Error('sample applicants');

    const { loading } = await loadHeld();
    const { edit } = useReview.getState();
    edit({ type: 'opinion', applicantId: first.id, text: '中试数据完整，建议支持' });
    await releaseAfter(gate, loading, Promise.resolve());
    edit({ type: 'opinion', applicantId: second.id, text: '技术路线可行' });

    const opinions = (text: string | undefined) => [
      text?.includes('中试数据完整，建议支持'),
      text?.includes('技术路线可行'),
    ];
    expect(opinions(JSON.stringify(useReview.getState().sheet))).toEqual([true, true]);
    await vi.waitFor(async () => {
      const kept = await getSheet(deps.db, pkg.packageId, 'E02');
      expect(opinions(JSON.stringify(kept))).toEqual([true, true]);
    });
  });
});

describe('the review, its read failing', () => {
  it('says why in the notice (the screen shows it) and does not reject; reload, in an action, rejects', async () => {
    useSession.setState({ status: 'locked', db: null, profile: null });
    useReview.setState({ loaded: false, pkg: null, enrolment: null, sheet: null, notice: null });
    await expect(useReview.getState().load()).resolves.toBeUndefined();
    expect(useReview.getState().loaded).toBe(false);
    expect(useReview.getState().notice).toEqual({
      tone: 'error',
      message: { key: 'session.locked' },
    });
    await expect(useReview.getState().reload()).rejects.toThrow();
  });
});
