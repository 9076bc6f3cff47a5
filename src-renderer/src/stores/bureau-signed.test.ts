/**
 * Once the desk signs its draft the draft is gone (workflows/bureau clears its sealed rows): the
 * store forgets it too, so new lists are not asked about as an "unsigned draft" and the signed
 * verdict cannot be signed a second time. Runs the store on fake-indexeddb with signing played.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Grid } from '../../../src-shared/bureau';
import { freshDeps } from '../workflows/test-db';
import { samplePackage } from '../../../src-shared/sample-fixture';
import { saveDraft } from '../workflows/bureau';
import { useBureau } from './bureau';
import { useSession } from './session';

const signed = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../workflows/bureau', async (original) => ({
  ...(await original<typeof import('../workflows/bureau')>()),
  signRound: () => {
    signed.calls += 1;
    return Promise.resolve({ file: 'KLMY-2026-JB-001.jbx' });
  },
}));

const grid: Grid = { file: 'a.csv', sheet: 'Sheet1', kind: 'csv', rows: [['编号']], merges: [] };

describe('signing the draft', () => {
  it('leaves no draft to ask about and nothing to sign again', async () => {
    const deps = freshDeps();
    await deps.db.open();
    const profile = { id: 'p1', label: '测试局 签发', createdAt: '2026-09-01', hasKeychain: false };
    useSession.setState({ status: 'unlocked', db: deps.db, profile });
    const draft = await saveDraft(
      deps.db,
      { grids: [grid], proposals: [], unreadable: [] },
      true,
      new Date(),
    );
    useBureau.setState({
      key: {
        fingerprint: 'f'.repeat(64),
        publicKeyPem: '',
        ageRecipient: 'age1',
        createdAt: '2026-09-01',
        retired: [],
      },
      draft,
      verdict: {
        ok: true,
        pkg: samplePackage(),
        findings: [],
        notes: [],
        attachments: [],
        canSign: true,
      },
    });
    await useBureau
      .getState()
      .sign({ profileId: 'p1', passphrase: 'x', encrypt: { kind: 'none' } });
    expect(signed.calls).toBe(1);
    expect(useBureau.getState().signed?.file).toBe('KLMY-2026-JB-001.jbx');
    expect(useBureau.getState().draft).toBeNull();
    expect(useBureau.getState().verdict).toBeNull();
    await useBureau.getState().openLists('名单');
    expect(useBureau.getState().replacing).toBeNull();
  });
});
