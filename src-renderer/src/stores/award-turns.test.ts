/**
 * The award screen reads its lists and writes them in turn: a load that began before a write (the
 * screen loads again once the review's package is read, or another profile is unlocked) does not
 * set the signers it read over a signer just enrolled. Runs the store on fake-indexeddb after an
 * unlock, the load held after its read of the signers until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import tbJson from '../../../resources/sample/taskbook.json';
import { TaskBookSchema } from '../../../src-shared/model';
import { useAward } from './award';
import { releaseAfter } from './test-gate';

/** The load's read of the signers (the next one only), held after reading until let go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/award', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/award')>();
  return {
    ...original,
    awardSigners: (...args: Parameters<typeof original.awardSigners>) =>
      gate.after(() => original.awardSigners(...args)),
  };
});

const PACKAGE = 'KLMY-2026-JB-001';

describe('the award screen, loading while writing', () => {
  it('keeps a signer just enrolled when a load begun before ends after it', async () => {
    await unlockedWith(
      { taskBook: { ...TaskBookSchema.parse(structuredClone(tbJson)), status: 'final' } },
      { actor: 'chair', action: 'taskbook.final', target: 'TB' },
      '张志远（奖后）',
    );
    await useAward.getState().load(PACKAGE);
    expect(useAward.getState().signers).toEqual([]);

    // The screen's load again has read the (empty) signers and is still on its way…
    gate.hold();
    const loading = useAward.getState().load(PACKAGE);
    await vi.waitFor(() => expect(gate.read).toBe(true));
    // …when a signer is enrolled. The enrolment is given time to finish first if it could.
    const enrolling = useAward.getState().enrol('assessor', '李明哲');
    await releaseAfter(gate, loading, enrolling);
    expect(await enrolling).toBe(true);

    const { signers, error } = useAward.getState();
    expect(error).toBeNull();
    expect(signers.map((s) => s.name)).toEqual(['李明哲']);
  });
});
