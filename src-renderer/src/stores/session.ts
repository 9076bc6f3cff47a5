/**
 * The session: which profile is unlocked, and its open database. The data key lives only inside
 * the database object (sealing keys derived from it); locking closes the database and drops it.
 */
import { create } from 'zustand';
import type { ProfileSummary } from '../../../src-shared/ipc';
import { api } from '../bridge';
import { databaseName, JiebangDB } from '../db/database';
import { recordAudit } from '../db/repo';

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
  error: string | null;
  busy: boolean;
  refresh: () => Promise<void>;
  create: (label: string, passphrase: string) => Promise<void>;
  unlock: (id: string, passphrase: string) => Promise<void>;
  lock: (reason?: 'manual' | 'idle') => void;
  changePassphrase: (oldPassphrase: string, newPassphrase: string) => Promise<void>;
  clearError: () => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function open(
  profile: ProfileSummary,
  dataKey: Uint8Array,
  plaintext: boolean,
  action: string,
): Promise<JiebangDB> {
  const db = new JiebangDB(databaseName(profile.id), plaintext ? null : dataKey);
  dataKey.fill(0);
  await db.open();
  await recordAudit(db, { actor: profile.label, action, target: profile.id });
  return db;
}

export const useSession = create<SessionState>()((set, get) => ({
  status: 'loading',
  profiles: [],
  profile: null,
  db: null,
  plaintext: false,
  host: 'electron',
  error: null,
  busy: false,
  refresh: async () => {
    const [profiles, info] = await Promise.all([api['profile:list'](), api['app:info']()]);
    set({
      profiles,
      plaintext: info.testFlags?.plaintextStorage === true,
      host: info.host,
      status: get().db ? 'unlocked' : 'locked',
    });
  },
  create: async (label, passphrase) => {
    set({ busy: true, error: null });
    try {
      const { profile, dataKey } = await api['profile:create']({ label, passphrase });
      const db = await open(profile, dataKey, get().plaintext, 'profile.create');
      set({ profile, db, status: 'unlocked', profiles: [...get().profiles, profile] });
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ busy: false });
    }
  },
  unlock: async (id, passphrase) => {
    set({ busy: true, error: null });
    try {
      const profile = get().profiles.find((p) => p.id === id);
      if (!profile) throw new Error('没有这个用户档案');
      const { dataKey } = await api['profile:unlock']({ id, passphrase });
      const db = await open(profile, dataKey, get().plaintext, 'profile.unlock');
      set({ profile, db, status: 'unlocked' });
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ busy: false });
    }
  },
  lock: (reason = 'manual') => {
    const { db, profile } = get();
    if (db && profile) {
      void recordAudit(db, {
        actor: profile.label,
        action: reason === 'idle' ? 'profile.autolock' : 'profile.lock',
        target: profile.id,
      }).finally(() => db.close());
    }
    set({
      db: null,
      status: 'locked',
      error: reason === 'idle' ? '已因长时间无操作自动锁定，请重新输入口令。' : null,
    });
  },
  changePassphrase: async (oldPassphrase, newPassphrase) => {
    const { profile, db } = get();
    if (!profile || !db) throw new Error('未解锁');
    await api['profile:change-passphrase']({ id: profile.id, oldPassphrase, newPassphrase });
    await recordAudit(db, {
      actor: profile.label,
      action: 'profile.change-passphrase',
      target: profile.id,
    });
  },
  clearError: () => set({ error: null }),
}));

/** The open database; components below <ProfileGate> may rely on it. */
export function useDb(): JiebangDB {
  const db = useSession((s) => s.db);
  if (!db) throw new Error('数据库未解锁');
  return db;
}

export const useProfile = () => useSession((s) => s.profile);
