/**
 * The session: which profile is unlocked, and its open database. The data key lives only inside
 * the database object (sealing keys derived from it); locking closes the database and drops it.
 */
import { create } from 'zustand';
import type { ProfileSummary } from '../../../src-shared/ipc';
import { api } from '../bridge';
import type { JiebangDB } from '../db/database';
import { message, type Message } from '../i18n/strings';

/**
 * The profile workflow, with the database and its sealing (Dexie, libsodium), fetched when first
 * needed: the gate's first screen shows without them (issue 22), and App preloads them while idle.
 */
export const profileWorkflow = () => import('../workflows/profile');
const problem = async (e: unknown): Promise<Message> => (await profileWorkflow()).profileProblem(e);

type Status = 'loading' | 'locked' | 'unlocked';

interface SessionState {
  status: Status;
  profiles: ProfileSummary[];
  profile: ProfileSummary | null;
  db: JiebangDB | null;
  /** Test-only plaintext storage (reported by the web host when started with the flag). */
  plaintext: boolean;
  /** Where the app runs: Electron prints a PDF itself; the web host downloads it instead. */
  host: 'electron' | 'web';
  /** Why the last create or unlock failed, or why the session was locked. */
  error: Message | null;
  busy: boolean;
  refresh: () => Promise<void>;
  /** Resolves true when the profile is created and open. */
  create: (label: string, passphrase: string, repeat: string) => Promise<boolean>;
  /** Resolves true when unlocked; false with `error` set otherwise. */
  unlock: (id: string, passphrase: string) => Promise<boolean>;
  lock: (reason?: 'manual' | 'idle') => void;
  /** Resolves null when changed, or the problem. */
  changePassphrase: (old: string, next: string, repeat: string) => Promise<Message | null>;
  /** Electron: the data key also wrapped by the OS keychain; resolves with what happened. */
  enableKeychain: (passphrase: string) => Promise<{ ok: boolean; message: Message }>;
}

const now = () => new Date();
let refreshing: Promise<void> | null = null;

export const useSession = create<SessionState>()((set, get) => {
  /**
   * The gate's create or unlock: busy while it runs; a failure (thrown, or `work` resolving false
   * having said why) is in `error`, and it resolves false.
   */
  const gateAction = async (work: () => Promise<boolean>): Promise<boolean> => {
    set({ busy: true, error: null });
    try {
      return await work();
    } catch (e) {
      set({ error: await problem(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  };
  return {
    status: 'loading',
    profiles: [],
    profile: null,
    db: null,
    plaintext: false,
    host: 'electron',
    error: null,
    busy: false,
    refresh: () =>
      // One question in flight at a time: main.tsx asks before the first render, the gate on mount.
      (refreshing ??= Promise.all([api['profile:list'](), api['app:info']()])
        .then(([profiles, info]) =>
          set({
            profiles,
            plaintext: info.testFlags?.plaintextStorage === true,
            host: info.host,
            status: get().db ? 'unlocked' : 'locked',
          }),
        )
        .finally(() => {
          refreshing = null;
        })),
    create: (label, passphrase, repeat) =>
      gateAction(async () => {
        const input = { label, passphrase, repeat, plaintext: get().plaintext };
        const { createProfile } = await profileWorkflow();
        const { profile, db } = await createProfile(api, input, now);
        set({ profile, db, status: 'unlocked', profiles: [...get().profiles, profile] });
        return true;
      }),
    unlock: (id, passphrase) =>
      gateAction(async () => {
        const profile = get().profiles.find((p) => p.id === id);
        if (!profile) {
          set({ error: message('gate.noProfile') });
          return false;
        }
        const { unlockProfile } = await profileWorkflow();
        const opened = await unlockProfile(api, profile, passphrase, get().plaintext, now);
        set({ ...opened, status: 'unlocked' });
        return true;
      }),
    lock: (reason = 'manual') => {
      const { db, profile } = get();
      if (db && profile)
        void profileWorkflow()
          .then((w) => w.lockProfile({ db, profile }, reason, now))
          .catch(() => undefined);
      set({
        db: null,
        status: 'locked',
        error: reason === 'idle' ? message('gate.idleLocked') : null,
      });
    },
    changePassphrase: async (old, next, repeat) => {
      const { profile, db } = get();
      if (!profile || !db) return message('session.locked');
      try {
        const { changePassphrase } = await profileWorkflow();
        await changePassphrase(api, { profile, db }, { old, next, repeat }, now);
        return null;
      } catch (e) {
        return await problem(e);
      }
    },
    enableKeychain: async (passphrase) => {
      const { profile } = get();
      if (!profile) return { ok: false, message: message('session.locked') };
      try {
        await api['profile:enable-keychain']({ id: profile.id, passphrase });
        return { ok: true, message: message('security.keychainOn') };
      } catch (e) {
        return { ok: false, message: await problem(e) };
      }
    },
  };
});

export const useProfile = () => useSession((s) => s.profile);
