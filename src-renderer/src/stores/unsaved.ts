/**
 * The edits on screen that are not saved, app-wide. A screen's store holds one (`holdUnsaved`)
 * while the database lacks what the screen shows — a field the form's check refuses, or an
 * autosave that failed (`followSave`) — and releases it once saved or dropped. While one is held,
 * the top bar says 「未保存：…」, and what would drop it asks first, in one dialog
 * (`UnsavedGuard`): leaving the screen (a link, the browser's back), reloading or closing the page
 * (the browser's prompt), 锁定, and a screen's own step that would show something else (another
 * inspection assignment: `askBeforeDropping`).
 *
 * An idle auto-lock does not ask (a laptop left alone must lock) and drops nothing: the edit stays
 * in this page's memory, never written, and is shown again, still 未保存, when the same profile is
 * unlocked (each store's `load` keeps a held edit: `isHeld`); unlocking another profile drops it.
 */
import { create } from 'zustand';
import { message, type Message } from '../i18n/strings';
import { problemOf } from '../workflows/deps';
import { useSession } from './session';

export interface UnsavedEdit {
  /** Why it is not saved: the top bar's 「未保存：…」. */
  why: Message;
  /** The dialog's title and what it says leaving does with the edit. */
  title: Message;
  body: Message;
  /** Drops the edit from the store: the screen shows what is saved (now, or when next shown). */
  discard: () => void;
  /**
   * Being written now (an import's sheets stored after they are shown): the top bar says `why` as
   * it is (保存中, not 未保存), and the dialog offers to wait (it goes on by itself once saved).
   */
  saving?: boolean;
}

/** What the user asked for that would drop a held edit, waiting on their answer. */
export interface Asking {
  /** What the dialog's second button says it does: leave (the screen) or lock. */
  kind: 'leave' | 'lock';
  go: () => void;
  stay?: () => void;
}

interface UnsavedState {
  /** By the store holding it ('inspection', 'review', …). */
  edits: Readonly<Record<string, UnsavedEdit>>;
  /** The profile the edits belong to (unlocking another drops them). */
  profileId: string | null;
  asking: Asking | null;
}

export const useUnsaved = create<UnsavedState>()(() => ({
  edits: {},
  profileId: null,
  asking: null,
}));

/** The first edit held, if any (what the top bar and the dialog speak of). */
export const firstUnsaved = (s: Pick<UnsavedState, 'edits'>): UnsavedEdit | null =>
  Object.values(s.edits)[0] ?? null;

/**
 * Holds `owner`'s edit as not saved, or (null) releases it. An owner held again keeps its place:
 * the first edit held stays the one the top bar speaks of.
 */
export function holdUnsaved(owner: string, edit: UnsavedEdit | null): void {
  useUnsaved.setState((s) => {
    if (edit)
      return {
        edits: { ...s.edits, [owner]: edit },
        profileId: useSession.getState().profile?.id ?? null,
      };
    const { [owner]: _released, ...rest } = s.edits;
    return { edits: rest };
  });
}

/** Whether `owner` holds an edit not saved (kept across an idle lock: its `load` shows it as it is). */
export const isHeld = (owner: string): boolean => owner in useUnsaved.getState().edits;

/**
 * The owner of one field of a screen's form (`screen`, e.g. 'taskbook-field'): each field that
 * refuses what is typed holds under its own, so correcting one releases that one alone.
 */
export const fieldOwner = (screen: string, field: string): string => `${screen}/${field}`;

const fieldsOf = (screen: string, edits: Readonly<Record<string, UnsavedEdit>>) =>
  Object.entries(edits).filter(([owner]) => owner.startsWith(`${screen}/`));

/** The first field of `screen` holding an edit (in the order they were held), or null. */
export const firstHeldField = (screen: string): UnsavedEdit | null =>
  fieldsOf(screen, useUnsaved.getState().edits)[0]?.[1] ?? null;

/** A selector of `useUnsaved`: whether any field of `screen` holds an edit (a button waits on it). */
export const holdsField =
  (screen: string) =>
  (s: Pick<UnsavedState, 'edits'>): boolean =>
    fieldsOf(screen, s.edits).length > 0;

/** Releases every field of `screen` (the screen is gone: the top bar no longer speaks of them). */
export function releaseFields(screen: string): void {
  useUnsaved.setState((s) => {
    const gone = new Set(fieldsOf(screen, s.edits).map(([owner]) => owner));
    return { edits: Object.fromEntries(Object.entries(s.edits).filter(([o]) => !gone.has(o))) };
  });
}

/** Does `go` at once when nothing is unsaved; else asks first (`stay` if the user stays). */
export function askBeforeDropping(kind: Asking['kind'], go: () => void, stay?: () => void): void {
  if (firstUnsaved(useUnsaved.getState()) === null) go();
  else useUnsaved.setState({ asking: { kind, go, ...(stay ? { stay } : {}) } });
}

/** Drops every edit held (each store shows what is saved). */
export function discardUnsaved(): void {
  const { edits } = useUnsaved.getState();
  useUnsaved.setState({ edits: {} });
  for (const edit of Object.values(edits)) edit.discard();
}

/** The user's answer to `askBeforeDropping`: stay (the edit kept, nothing done) or drop and go on. */
export function answerAsking(drop: boolean): void {
  const { asking } = useUnsaved.getState();
  useUnsaved.setState({ asking: null });
  if (!asking) return;
  if (!drop) return asking.stay?.();
  discardUnsaved();
  asking.go();
}

/** The fields of one screen holding text they refused to commit (`fieldHolds`). */
export interface FieldHolds {
  /**
   * `field` shows `text` it did not commit, `why` its sentence; or (null) it holds nothing now.
   * While the session is locked (the idle lock unmounts the screen, and each field says null as it
   * goes) a field's hold and its text are kept, for the field to show again (`text`) on unlock.
   */
  hold: (field: string, why: string | null, text?: string) => void;
  /** What `field` showed and did not commit, while still held (restored after an idle lock). */
  text: (field: string) => string | null;
  /** The sentence of the first field holding something, or null. */
  first: () => string | null;
  /** The screen is gone: none of its fields holds anything any more (not while locked). */
  release: () => void;
}

/** The session is locked: a screen unmounting now is hidden by the lock, not left. */
const locked = (): boolean => useSession.getState().status === 'locked';

/**
 * The fields of `owner`'s screen that show text their document does not hold (an amount that is
 * none: `AmountInput`'s `onHeld`), by field, held app-wide as one edit not saved — the top bar's
 * 「未保存：…」 with the first field's sentence, and leaving or locking asks first — under an owner of
 * their own (`fieldOwner`: one per field, so correcting one releases that one alone), so that a
 * later successful autosave of the rest does not release them. The text each shows is kept here
 * too: an idle lock (which does not ask) hides the screen, and the field shows it again, still held,
 * when the same profile unlocks; dropping the edit (the dialog, another profile) forgets it.
 */
export function fieldHolds(screen: string): FieldHolds {
  const texts = new Map<string, string>();
  return {
    hold: (field, why, text) => {
      if (why === null && locked()) return;
      if (why === null) texts.delete(field);
      else if (text !== undefined) texts.set(field, text);
      holdUnsaved(
        fieldOwner(screen, field),
        why === null
          ? null
          : {
              why: { text: why },
              title: message('unsaved.title'),
              body: message('unsaved.refusedField', { why }),
              // Dropped: the field's text is forgotten; the screen shows what is saved.
              discard: () => texts.delete(field),
            },
      );
    },
    text: (field) => (isHeld(fieldOwner(screen, field)) ? (texts.get(field) ?? null) : null),
    first: () => {
      const why = firstHeldField(screen)?.why;
      return why !== undefined && 'text' in why ? why.text : null;
    },
    release: () => {
      if (locked()) return;
      texts.clear();
      releaseFields(screen);
    },
  };
}

/** Latest autosave started per owner: only the latest one's outcome says whether it is saved. */
const latest = new Map<string, number>();

/**
 * Follows an autosave of `owner`'s screen, whose every write holds the whole of what is shown
 * (the score sheet, the chair's decision, the task book's draft, the desk's lists): when the
 * latest write fails, the edit is held as not saved (why: the failure; leaving keeps what was last
 * saved), released when a later write succeeds. `discard`: what the store does when the edit is
 * dropped (nothing, for a screen whose `load` reads what is saved each time it is shown and keeps
 * a held edit: `isHeld`).
 */
export function followSave(
  owner: string,
  write: Promise<unknown>,
  discard: () => void = () => undefined,
): void {
  const mine = (latest.get(owner) ?? 0) + 1;
  latest.set(owner, mine);
  write.then(
    () => {
      if (latest.get(owner) === mine) holdUnsaved(owner, null);
    },
    (e: unknown) => {
      if (latest.get(owner) !== mine) return;
      const why = problemOf(e);
      holdUnsaved(owner, {
        why,
        title: message('unsaved.title'),
        body: message('unsaved.saveFailed', { why }),
        discard,
      });
    },
  );
}

// Another profile unlocked: the edits held belong to the one before, and are dropped.
useSession.subscribe((s) => {
  const { profileId } = useUnsaved.getState();
  if (s.status === 'unlocked' && s.profile && profileId !== null && s.profile.id !== profileId)
    discardUnsaved();
});
