/**
 * The gate's create and unlock: busy while they run, and a refusal said in `error` (resolving
 * false) whether it is the store's own (no such profile) or main's (a wrong passphrase).
 */
import 'fake-indexeddb/auto';
import './test-browser';
import { describe, expect, it, vi } from 'vitest';
import { useSession } from './session';
import { testProfile } from './test-store';

const asked = vi.hoisted(() => ({ unlock: 0 }));
vi.mock('../bridge', async () => {
  const { IpcError: Refusal } = await import('../../../src-shared/ipc');
  return {
    api: {
      'profile:unlock': () => {
        asked.unlock += 1;
        return Promise.reject(new Refusal('forbidden', '口令不正确', ['wrong-passphrase']));
      },
    },
  };
});

describe('the gate’s unlock', () => {
  it('says a wrong passphrase and is no longer busy; a profile not listed is refused here', async () => {
    useSession.setState({ profiles: [testProfile('李明哲（专家）')], busy: false, error: null });
    const unlocking = useSession.getState().unlock('p1', '口令口令口令口令口令');
    expect(useSession.getState().busy).toBe(true);
    expect(await unlocking).toBe(false);
    expect(useSession.getState()).toMatchObject({
      busy: false,
      status: 'loading',
      error: { key: 'gate.wrongPassphrase' },
    });
    expect(asked.unlock).toBe(1);

    expect(await useSession.getState().unlock('p9', 'x')).toBe(false);
    expect(useSession.getState()).toMatchObject({ busy: false, error: { key: 'gate.noProfile' } });
    expect(asked.unlock).toBe(1);
  });
});
