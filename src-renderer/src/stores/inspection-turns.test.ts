/**
 * The inspection screen reads the assignments and the report shown and writes them in turn: of two
 * assignments opened one after the other, the first one's report, read last, is not shown under
 * the second. Runs the store on fake-indexeddb after an unlock, the first read of a report held
 * after reading until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { useInspection } from './inspection';
import { releaseAfter } from './test-gate';
import { enrolledInspector, heldAssignment } from './test-inspection';

/** The store's next read of a report, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/inspection', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/inspection')>();
  return {
    ...original,
    reportOf: (...args: Parameters<typeof original.reportOf>) =>
      gate.after(() => original.reportOf(...args)),
  };
});

describe('the inspection screen, opening one assignment after another', () => {
  it('shows the report of the assignment opened last', async () => {
    await unlockedWith(
      {
        meta: {
          'inspection.assignments': [heldAssignment('ASG-1'), heldAssignment('ASG-2')],
          'inspection.inspectors': [enrolledInspector('ASG-1'), enrolledInspector('ASG-2')],
        },
      },
      { actor: '李检查', action: 'inspection.assignment.import', target: 'ASG-1' },
      '李检查',
    );
    const store = useInspection.getState();
    await store.load();
    for (const id of ['ASG-1', 'ASG-2']) {
      await store.choose(id);
      await store.start();
    }
    expect(useInspection.getState().notice).toBeNull();
    expect(useInspection.getState().report?.assignmentId).toBe('ASG-2');

    // ASG-1 is opened and its report read, still on its way…
    gate.hold();
    const first = store.choose('ASG-1');
    await vi.waitFor(() => expect(gate.read).toBe(true));
    // …when ASG-2 is opened. Given time to finish first if it could.
    const second = store.choose('ASG-2');
    await releaseAfter(gate, first, second);

    const { current, report, notice } = useInspection.getState();
    expect(notice).toBeNull();
    expect(current).toBe('ASG-2');
    expect(report?.assignmentId).toBe('ASG-2');
  });
});
