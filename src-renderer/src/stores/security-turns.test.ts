/**
 * The 账户与安全 screen's loads take turns: the screen loads the audit log as it is opened and again
 * once the passphrase is changed, and the first load, ending after the second, does not set the
 * log without the change's entry. Runs the store on fake-indexeddb after an unlock, the first
 * load held after its read until the test lets it go.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { recordAudit } from '../db/repo';
import { useAuditLog } from './security';
import { releaseAfter } from './test-gate';

/** The next read, held after reading until the test lets it go. */
const gate = await vi.hoisted(async () => (await import('./test-gate')).readGate());
vi.mock('../workflows/audit', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workflows/audit')>();
  return {
    ...original,
    auditView: (...args: Parameters<typeof original.auditView>) =>
      gate.after(() => original.auditView(...args)),
  };
});

describe('the audit log, loaded twice', () => {
  it('shows the entry written between the two loads when the first ends last', async () => {
    const { db } = await unlockedWith(
      { meta: { notes: '' } },
      { actor: '李明哲', action: 'notes.edit', target: '' },
      '李明哲（专家）',
    );
    // The screen's first load has read the log and is still on its way…
    gate.hold();
    const first = useAuditLog.getState().load();
    await vi.waitFor(() => expect(gate.read).toBe(true));
    // …when the passphrase is changed (its entry written) and the screen loads again.
    await recordAudit(db, {
      actor: '李明哲',
      action: 'profile.change-passphrase',
      target: '',
      at: new Date().toISOString(),
    });
    const second = useAuditLog.getState().load();
    await releaseAfter(gate, first, second);

    const { entries, verdict } = useAuditLog.getState();
    expect(entries.map((e) => e.action)).toContain('profile.change-passphrase');
    expect(verdict?.ok).toBe(true);
  });
});
