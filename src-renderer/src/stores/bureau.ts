/**
 * The bureau's desk state (issue 18): its key's public parts, the round being authored (lists
 * and proposals in memory until signed), the rounds kept, and the last message. Every action
 * calls a workflow (workflows/bureau.ts) or a bureau channel; nothing here decides a rule.
 */
import { create } from 'zustand';
import type { CellValue } from '../../../src-shared/bureau';
import type { BureauKeyInfo } from '../../../src-shared/ipc';
import { api } from '../bridge';
import type { JiebangDB } from '../db/database';
import {
  approve,
  editDraftCell,
  ingestResult,
  judgeDraft,
  listRounds,
  readDraft,
  signRound,
  type Draft,
  type DraftVerdict,
  type SignedRound,
  type StoredRound,
} from '../workflows/bureau';

type Encrypt = { kind: 'none' } | { kind: 'new-passphrase' };

export type DeskMessage = { kind: 'ok' | 'error'; text: string; lines?: string[] } | null;

interface BureauState {
  key: BureauKeyInfo | null;
  loaded: boolean;
  draft: Draft | null;
  verdict: DraftVerdict | null;
  signed: SignedRound | null;
  rounds: StoredRound[];
  busy: boolean;
  message: DeskMessage;
  load: (db: JiebangDB, profileId: string) => Promise<void>;
  createKey: (profileId: string, passphrase: string) => Promise<void>;
  rotateKey: (
    profileId: string,
    passphrase: string,
    effective: string,
  ) => Promise<Uint8Array | null>;
  /** `filter`: the file dialog's label (the screen's words). */
  openLists: (filter: string) => Promise<void>;
  editCell: (at: { grid: number; row: number; col: number }, value: CellValue) => void;
  sign: (
    db: JiebangDB,
    input: { profileId: string; passphrase: string; encrypt: Encrypt; actor: string },
  ) => Promise<void>;
  ingest: (
    db: JiebangDB,
    input: { profileId: string; passphrase: string; actor: string; filter: string },
  ) => Promise<void>;
  approve: (db: JiebangDB, packageId: string, approvedOn: string, actor: string) => Promise<void>;
  say: (message: DeskMessage) => void;
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isList = (name: string) => /\.(xlsx|xls|csv)$/i.test(name);

export const useBureau = create<BureauState>()((set, get) => {
  /** Runs an action, showing its failure as the desk's message. */
  async function attempt(work: () => Promise<void>): Promise<void> {
    set({ busy: true, message: null });
    try {
      await work();
    } catch (e) {
      set({ message: { kind: 'error', text: text(e) } });
    } finally {
      set({ busy: false });
    }
  }
  return {
    key: null,
    loaded: false,
    draft: null,
    verdict: null,
    signed: null,
    rounds: [],
    busy: false,
    message: null,
    load: (db, profileId) =>
      attempt(async () => {
        const { key } = await api['bureau:key-info']({ profileId });
        set({ key, rounds: await listRounds(db), loaded: true });
      }),
    createKey: (profileId, passphrase) =>
      attempt(async () => {
        const { key } = await api['bureau:key-create']({ profileId, passphrase });
        set({ key });
      }),
    rotateKey: async (profileId, passphrase, effective) => {
      let bytes: Uint8Array | null = null;
      await attempt(async () => {
        const r = await api['bureau:key-rotate']({ profileId, passphrase, effective });
        set({ key: r.key });
        bytes = r.bytes;
      });
      return bytes;
    },
    openLists: (filter) =>
      attempt(async () => {
        const r = await api['file:open']({
          filters: [
            {
              name: filter,
              extensions: ['xlsx', 'csv', 'pdf', 'ofd', 'docx', 'doc', 'jpg', 'png'],
            },
          ],
          multiple: true,
        });
        if (r.canceled) return;
        const draft = await readDraft(
          api,
          r.files.filter((f) => isList(f.name)),
          r.files.filter((f) => !isList(f.name)),
        );
        set({ draft, verdict: judgeDraft(draft), signed: null });
      }),
    editCell: (at, value) => {
      const { draft } = get();
      if (!draft) return;
      const next = editDraftCell(draft, at, value);
      set({ draft: next, verdict: judgeDraft(next) });
    },
    sign: (db, input) =>
      attempt(async () => {
        const { key, draft, verdict } = get();
        if (!key || !draft || !verdict?.ok) return;
        const signed = await signRound(db, api, { ...input, key, draft, verdict, now: new Date() });
        set({ signed, rounds: await listRounds(db) });
      }),
    ingest: (db, input) =>
      attempt(async () => {
        const { key } = get();
        if (!key) return;
        const r = await api['file:open']({
          filters: [{ name: input.filter, extensions: ['jbx'] }],
          multiple: true,
        });
        if (r.canceled) return;
        for (const file of r.files) {
          const outcome = await ingestResult(db, api, {
            profileId: input.profileId,
            passphrase: input.passphrase,
            actor: input.actor,
            key,
            file,
            now: new Date(),
          });
          set({
            message: outcome.ok
              ? { kind: 'ok', text: `✓ ${file.name}`, lines: outcome.notes }
              : { kind: 'error', text: outcome.reason },
          });
        }
        set({ rounds: await listRounds(db) });
      }),
    approve: (db, packageId, approvedOn, actor) =>
      attempt(async () => {
        const r = await approve(db, { packageId, approvedOn, actor });
        if (!r.ok) set({ message: { kind: 'error', text: r.reason } });
        set({ rounds: await listRounds(db) });
      }),
    say: (message) => set({ message }),
  };
});
