/**
 * Profiles (用户档案): each expert's own, its data key guarded by main. Create and unlock open the
 * profile's database with the key main hands back (dropped from the bridge's answer at once);
 * lock closes it; a passphrase change rewraps the key and changes no data. Each is on the record.
 */
import {
  nameProblem,
  PROFILE_LABEL_MAX,
  ProfileLabelSchema,
} from '../../../src-shared/model/common';
import { IpcError, type Api, type ProfileSummary } from '../../../src-shared/ipc';
import { newPassphraseProblem } from '../../../src-shared/passphrase';
import { profileOfSameName } from '../../../src-shared/profile-label';
import { databaseName, JiebangDB } from '../db/database';
import { recordAudit } from '../db/repo';
import { message, type Message } from '../i18n/strings';
import { problemOf, WorkflowError } from './deps';

/** The bridge's profile functions (the web host's or Electron's). */
export type ProfileApi = Pick<
  Api,
  'profile:list' | 'profile:create' | 'profile:unlock' | 'profile:change-passphrase'
>;

/** Opens a profile's database with its data key and records the opening. */
async function open(
  profile: ProfileSummary,
  dataKey: Uint8Array,
  plaintext: boolean,
  action: 'profile.create' | 'profile.unlock',
  now: () => Date,
): Promise<JiebangDB> {
  const db = new JiebangDB(databaseName(profile.id), plaintext ? null : dataKey);
  dataKey.fill(0);
  await db.open();
  await recordAudit(db, {
    actor: profile.label,
    action,
    target: profile.id,
    at: now().toISOString(),
  });
  return db;
}

export interface Opened {
  profile: ProfileSummary;
  db: JiebangDB;
}

/** What main said, in the user's words: a wrong passphrase says so (nothing else happened). */
export function profileProblem(e: unknown): Message {
  if (!(e instanceof IpcError)) return problemOf(e);
  const seconds = /(\d+)\s*秒/.exec(e.message)?.[1];
  if (e.issues.includes('wrong-passphrase'))
    return seconds
      ? message('gate.wrongPassphraseWait', { seconds })
      : message('gate.wrongPassphrase');
  if (e.issues.includes('too-soon')) return message('gate.tooSoon', { seconds: seconds ?? '?' });
  return problemOf(e);
}

/** Checks a new passphrase and its repeat as typed; null when both are fine. */
export function passphraseProblem(passphrase: string, repeat: string): Message | null {
  const refused = newPassphraseProblem(passphrase);
  if (refused === 'too-short') return message('gate.tooShort');
  if (refused === 'blank') return message('gate.blank');
  if (passphrase !== repeat) return message('gate.mismatch');
  return null;
}

export async function createProfile(
  api: ProfileApi,
  input: { label: string; passphrase: string; repeat: string; plaintext: boolean },
  now: () => Date,
): Promise<Opened> {
  const named = nameProblem(input.label, PROFILE_LABEL_MAX);
  if (named === 'missing') throw new WorkflowError(message('gate.labelMissing'));
  if (named)
    throw new WorkflowError(
      message('common.labelled', { label: message('gate.label'), text: named.message }),
    );
  const label = ProfileLabelSchema.safeParse(input.label);
  if (!label.success) throw new WorkflowError(message('gate.labelMissing'));
  // A second profile of the same name: refused before the passphrase is judged, by the rule main's
  // store applies too (`profileOfSameName`).
  const taken = profileOfSameName(label.data, await api['profile:list']());
  if (taken) throw new WorkflowError(message('gate.labelTaken', { label: taken.label }));
  const problem = passphraseProblem(input.passphrase, input.repeat);
  if (problem) throw new WorkflowError(problem);
  const { profile, dataKey } = await api['profile:create']({
    label: label.data,
    passphrase: input.passphrase,
  });
  return { profile, db: await open(profile, dataKey, input.plaintext, 'profile.create', now) };
}

export async function unlockProfile(
  api: ProfileApi,
  profile: ProfileSummary,
  passphrase: string,
  plaintext: boolean,
  now: () => Date,
): Promise<Opened> {
  const { dataKey } = await api['profile:unlock']({ id: profile.id, passphrase });
  return { profile, db: await open(profile, dataKey, plaintext, 'profile.unlock', now) };
}

/** Records the lock (by hand or after idle minutes), then closes the database. */
export async function lockProfile(
  opened: Opened,
  reason: 'manual' | 'idle',
  now: () => Date,
): Promise<void> {
  try {
    await recordAudit(opened.db, {
      actor: opened.profile.label,
      action: reason === 'idle' ? 'profile.autolock' : 'profile.lock',
      target: opened.profile.id,
      at: now().toISOString(),
    });
  } finally {
    opened.db.close();
  }
}

/** Rewraps the data key under a new passphrase (typed twice), on the record. */
export async function changePassphrase(
  api: ProfileApi,
  opened: Opened,
  input: { old: string; next: string; repeat: string },
  now: () => Date,
): Promise<void> {
  const problem = passphraseProblem(input.next, input.repeat);
  if (problem) throw new WorkflowError(problem);
  await api['profile:change-passphrase']({
    id: opened.profile.id,
    oldPassphrase: input.old,
    newPassphrase: input.next,
  });
  await recordAudit(opened.db, {
    actor: opened.profile.label,
    action: 'profile.change-passphrase',
    target: opened.profile.id,
    at: now().toISOString(),
  });
}
