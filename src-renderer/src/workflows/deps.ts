/**
 * What the workflows are given instead of reaching for it: the open database, the crypto provider,
 * a clock, and — for the use cases that leave the renderer — the bridge's functions they need.
 * Tests pass a fake-indexeddb database, `nodeCrypto` or `nobleCrypto`, a fixed clock and fakes.
 */
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import type { FileFilter } from '../../../src-shared/ipc';
import { beijingDayAt } from '../../../src-shared/text/date';
import { IpcError } from '../../../src-shared/ipc-gate';
import type { JiebangDB } from '../db/database';
import { message, say, type Message } from '../i18n/strings';

export interface Deps {
  db: JiebangDB;
  crypto: CryptoProvider;
  /** The time of the change, as recorded (audit entries, submission, export). */
  now: () => Date;
}

/** A file offered to the user to save (the save dialog, or a download under the web host). */
export interface FileToSave {
  name: string;
  bytes: Uint8Array;
  filters?: readonly FileFilter[];
}

export type SaveResult = { saved: true; name: string } | { saved: false };

/** Offers a file to save; resolves when the user has saved it or cancelled. */
export type SaveFile = (file: FileToSave) => Promise<SaveResult>;

/** A use case's refusal: nothing was written; the message says why. */
export class WorkflowError extends Error {
  constructor(readonly reason: Message) {
    super(say('zh', reason));
    this.name = 'WorkflowError';
  }
}

/** Today in Beijing time, YYYY-MM-DD (`beijingDayAt`): the one today of every screen. */
export const today = (now: () => Date): string => beijingDayAt(now());

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const BRIDGE_ISSUES = ['bad-answer', 'contract-unavailable'];

/** Any failure as a message for the user: a workflow's own, the bridge's, or a lower layer's. */
export function problemOf(e: unknown): Message {
  if (e instanceof WorkflowError) return e.reason;
  // The bridge's own refusals (an answer not understood or not checkable) are said in our words.
  if (e instanceof IpcError && BRIDGE_ISSUES.some((issue) => e.issues.includes(issue)))
    return message('errors.badAnswer');
  return { text: errorText(e) };
}
