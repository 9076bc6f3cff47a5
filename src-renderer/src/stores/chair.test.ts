/**
 * The chair's desk keeps what the chair types: every edit of the decision is written as a draft
 * (「保存中」 → 「已保存」 only once it is stored), and a store that starts afresh — a reload, or an
 * unlock after a lock — shows the same choices again from the database.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import sampleJson from '../../../resources/sample/review-package.json';
import { initialChoices } from '../../../src-shared/decision';
import { ReviewPackageSchema } from '../../../src-shared/model';
import { useChair } from './chair';
import { useSaveState } from './save';
import { isHeld } from './unsaved';

const pkg = ReviewPackageSchema.parse(structuredClone(sampleJson));
const fresh = useChair.getState();

describe('the chair’s decision draft', () => {
  it('is written on every edit and shown again by a store started afresh', async () => {
    await unlockedWith(
      { pkg: { pkg, manifestSha256: 'm' } },
      { actor: 'E01', action: 'package.import', target: pkg.packageId },
      '张志远（组长）',
    );
    await useChair.getState().load(pkg.packageId);
    expect(useChair.getState().choices).toBeNull();
    const proposed = initialChoices({
      candidateIds: ['A01', 'A02'],
      isRecommended: true,
      reasons: [],
    });
    useChair.getState().setChoices(pkg.packageId, { ...proposed, funding: { A01: '400' } });
    useChair
      .getState()
      .setChoices(pkg.packageId, { ...proposed, funding: { A01: '400', A02: '350' } });
    // 「保存中」 while the writes are in flight, 「已保存」 (nothing pending, nothing held) once stored.
    expect(useSaveState.getState().pending).toBeGreaterThan(0);
    await vi.waitFor(() => expect(useSaveState.getState().pending).toBe(0));
    expect(useSaveState.getState().lastError).toBeNull();
    expect(isHeld('chair')).toBe(false);

    // The page reloaded: the store as it starts, then its load.
    useChair.setState(fresh, true);
    expect(useChair.getState().choices).toBeNull();
    await useChair.getState().load(pkg.packageId);
    expect(useChair.getState().choices?.funding).toEqual({ A01: '400', A02: '350' });
    expect(useChair.getState().signed).toBeNull();
  });
});
