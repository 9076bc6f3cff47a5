/**
 * The bureau's desk state (issue 18): its key's public parts, the round being authored (kept
 * sealed as it is typed, restored on unlock), the rounds kept, and the last message. Every action
 * calls a workflow (workflows/bureau.ts) or a bureau channel on the unlocked profile's database
 * (stores/deps.ts); screens never hold the database. Nothing here decides a rule.
 */
import { create } from 'zustand';
import type { CellValue } from '../../../src-shared/bureau';
import type { Notice } from '../../../src-shared/bureau/notice-schema';
import type { BureauKeyInfo } from '../../../src-shared/ipc';
import { api } from '../bridge';
import { message, type Message } from '../i18n/strings';
import { problemOf } from '../workflows/deps';
import {
  approve,
  draftToReplace,
  editDraftCell,
  ingestReport,
  ingestResult,
  issueAssignment,
  issuedOf,
  judgeDraft,
  listRounds,
  loadDraft,
  readDraft,
  roundWorkbook,
  saveDraft,
  signRound,
  type Draft,
  type DraftName,
  type DraftVerdict,
  type SignedRound,
  type StoredRound,
} from '../workflows/bureau';
import { actor, currentDeps, now, saveFile } from './deps';
import { useSession } from './session';
import { turns } from './turns';
import { followSave, isHeld } from './unsaved';

type Encrypt = { kind: 'none' } | { kind: 'new-passphrase' };

/** What the desk tells the user: a message in the user's language, and lines under it. */
export type DeskMessage = { kind: 'ok' | 'error'; message: Message; lines?: Message[] } | null;

interface BureauState {
  key: BureauKeyInfo | null;
  loaded: boolean;
  draft: Draft | null;
  verdict: DraftVerdict | null;
  /** The draft new lists would replace, named while the bureau is asked (替换草稿 / 保留草稿). */
  replacing: DraftName | null;
  signed: SignedRound | null;
  rounds: StoredRound[];
  /** Whether any action of the desk is running (its buttons wait until none is). */
  busy: boolean;
  message: DeskMessage;
  /**
   * What 签发考察任务 answered (the assignment issued, or why not), said beside the form of the
   * round it was asked for, not with the desk's message.
   */
  assignMessage: { packageId: string; message: DeskMessage } | null;
  /** The key, the rounds and the kept draft of the unlocked profile. */
  load: (profileId: string) => Promise<void>;
  createKey: (profileId: string, passphrase: string) => Promise<void>;
  rotateKey: (
    profileId: string,
    passphrase: string,
    effective: string,
  ) => Promise<Uint8Array | null>;
  /**
   * Opens new lists and proposals as the draft. `filter`: the file dialog's label (the screen's
   * words). While a draft with content exists, asks first (`replacing`), opening nothing.
   */
  openLists: (filter: string) => Promise<void>;
  /** The bureau answered 替换草稿: the new lists are chosen and replace the draft. */
  replaceDraft: (filter: string) => Promise<void>;
  /** The bureau answered 保留草稿 (or pressed Esc): nothing changes. */
  keepDraft: () => void;
  editCell: (at: { grid: number; row: number; col: number }, value: CellValue) => Promise<void>;
  sign: (input: { profileId: string; passphrase: string; encrypt: Encrypt }) => Promise<void>;
  /** Takes bundles in (the kind recognised by the workflow); each file's outcome is shown. */
  ingest: (input: { profileId: string; passphrase: string; filter: string }) => Promise<void>;
  approve: (packageId: string, approvedOn: string) => Promise<void>;
  /**
   * Issues an inspection assignment of a round's demand, signed in main, and saves it.
   * @returns whether it was issued (the form is then cleared; a refusal keeps what was typed).
   */
  issue: (input: {
    profileId: string;
    passphrase: string;
    packageId: string;
    site: string;
    team: string;
    dueBy: string;
    checklist: readonly string[];
  }) => Promise<boolean>;
  exportXlsx: (round: StoredRound) => Promise<void>;
  /** Prints a notice (main renders it): Electron prints; the web host downloads the PDF. */
  printNotice: (notice: Notice, name: string) => Promise<void>;
  save: (bytes: Uint8Array, name: string) => Promise<void>;
  say: (message: DeskMessage) => void;
}

const isList = (name: string) => /\.(xlsx|xls|csv)$/i.test(name);
const dbOf = () => currentDeps().db;

export const useBureau = create<BureauState>()((set, get) => {
  /** The actions running now: the desk is busy until the last of them has finished. */
  let running = 0;
  /**
   * Runs an action, showing its failure as the desk's message (or through `fail`: where the
   * action's own form says it). Each action clears what the last one said.
   */
  async function attempt(
    work: () => Promise<void>,
    fail: (problem: Message) => void = (problem) =>
      set({ message: { kind: 'error', message: problem } }),
  ): Promise<void> {
    running += 1;
    set({ busy: true, message: null, assignMessage: null });
    try {
      await work();
    } catch (e) {
      fail(problemOf(e));
    } finally {
      running -= 1;
      set({ busy: running > 0 });
    }
  }
  // Reading the draft and the rounds and writing them take turns: a load begun before a write (the
  // desk loads again as it is opened or another profile unlocked, showing what it holds
  // meanwhile) would otherwise set the draft or the rounds it read over the lists just opened, a
  // cell just typed, or a round just signed, taken in or approved.
  const inTurn = turns();
  /** Counts the cell edits shown: a load or a write that began before one leaves it on screen. */
  let edits = 0;
  return {
    key: null,
    loaded: false,
    draft: null,
    verdict: null,
    replacing: null,
    signed: null,
    rounds: [],
    busy: false,
    message: null,
    assignMessage: null,
    load: (profileId) =>
      attempt(() =>
        inTurn(async () => {
          const db = dbOf();
          const seen = edits;
          const { key } = await api['bureau:key-info']({ profileId });
          // Lists whose last edit did not save, kept across an idle lock: shown as they are (未保存).
          const held = isHeld('bureau');
          const read = held ? get().draft : await loadDraft(db);
          const rounds = await listRounds(db);
          // A cell typed while reading is on screen, and written after this read: it stays.
          const draft = seen === edits ? read : get().draft;
          set({
            key,
            rounds,
            loaded: true,
            draft,
            verdict: draft ? judgeDraft(draft, issuedOf(rounds, now())) : null,
            signed: null,
            ...(draft && !held
              ? {
                  message: {
                    kind: 'ok',
                    message: message('bureau.draft.restored', {
                      n: draft.grids.length + draft.proposals.length,
                    }),
                  },
                }
              : {}),
          });
        }),
      ),
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
    openLists: async (filter) => {
      const replacing = draftToReplace(get().draft);
      if (replacing) set({ replacing, message: null });
      else await get().replaceDraft(filter);
    },
    keepDraft: () =>
      set({ replacing: null, message: { kind: 'ok', message: message('bureau.draft.kept') } }),
    replaceDraft: (filter) =>
      attempt(async () => {
        set({ replacing: null });
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
        await inTurn(async () => {
          const kept = await saveDraft(dbOf(), draft, true, now());
          set({
            draft: kept,
            verdict: judgeDraft(kept, issuedOf(get().rounds, now())),
            signed: null,
          });
        });
      }),
    editCell: (at, value) =>
      attempt(async () => {
        const { draft } = get();
        if (!draft) return;
        const next = editDraftCell(draft, at, value);
        const mine = (edits += 1);
        set({ draft: next, verdict: judgeDraft(next, issuedOf(get().rounds, now())) });
        const db = dbOf();
        const write = inTurn(() => saveDraft(db, next, false, now()));
        // A write that fails leaves the edit on screen only: held, so leaving or locking asks first.
        followSave('bureau', write);
        const written = await write;
        // A later edit is on screen (made on this one) and written after it: it stays.
        if (mine === edits) set({ draft: written });
      }),
    sign: (input) =>
      attempt(() =>
        inTurn(async () => {
          // The draft as written (the cell edits before are in the database).
          const { key, draft, verdict } = get();
          if (!key || !draft || !verdict?.ok) return;
          const db = dbOf();
          const signed = await signRound(db, api, {
            ...input,
            actor: actor(),
            key,
            draft,
            verdict,
            now: now(),
          });
          // The draft became the signed round (its kept rows are cleared): nothing is left to
          // replace, so new lists open without asking, and it cannot be signed twice.
          set({ signed, draft: null, verdict: null, rounds: await listRounds(db) });
        }),
      ),
    ingest: (input) =>
      attempt(async () => {
        const { key } = get();
        if (!key) return;
        const r = await api['file:open']({
          filters: [{ name: input.filter, extensions: ['jbx'] }],
          multiple: true,
        });
        if (r.canceled) return;
        const db = dbOf();
        await inTurn(async () => {
          const outcomes = [];
          for (const file of r.files) {
            const outcome = await ingestResult(db, api, {
              profileId: input.profileId,
              passphrase: input.passphrase,
              actor: actor(),
              key,
              file,
              now: now(),
            });
            outcomes.push({ file: file.name, outcome });
          }
          if (outcomes.length > 0) set({ message: ingestReport(outcomes) });
          set({ rounds: await listRounds(db) });
        });
      }),
    approve: (packageId, approvedOn) =>
      attempt(() =>
        inTurn(async () => {
          const db = dbOf();
          const r = await approve(db, { packageId, approvedOn, actor: actor(), now: now() });
          if (!r.ok) set({ message: { kind: 'error', message: r.reason } });
          // A second 审定 that moved the publicity window is said in words (approvalMoved).
          else if (r.moved !== null) set({ message: { kind: 'ok', message: { text: r.moved } } });
          set({ rounds: await listRounds(db) });
        }),
      ),
    issue: async (input) => {
      let done = false;
      const answer = (said: DeskMessage) =>
        set({ assignMessage: { packageId: input.packageId, message: said } });
      await attempt(
        async () => {
          const { key } = get();
          if (!key) return;
          const db = dbOf();
          // Issued and the rounds read again in turn; the file is offered after.
          const issued = await inTurn(async () => {
            const made = await issueAssignment(db, api, {
              ...input,
              key,
              actor: actor(),
              now: now(),
            });
            set({ rounds: await listRounds(db) });
            return made;
          });
          await saveFile({ name: issued.file, bytes: issued.bytes });
          answer({ kind: 'ok', message: message('bureau.assign.issued', { file: issued.file }) });
          done = true;
        },
        (problem) => answer({ kind: 'error', message: problem }),
      );
      return done;
    },
    exportXlsx: (round) =>
      attempt(async () => {
        const bytes = await roundWorkbook(api, round);
        await saveFile({ name: `${round.packageId}-summary.xlsx`, bytes });
      }),
    printNotice: (notice, name) =>
      attempt(async () => {
        const { bytes } = await api['notice:pdf']({ notice });
        if (useSession.getState().host === 'web') await saveFile({ name, bytes });
        else await api['pdf:print']({ bytes, title: notice.title });
      }),
    save: (bytes, name) =>
      attempt(async () => {
        await saveFile({ name, bytes });
      }),
    say: (message) => set({ message }),
  };
});
