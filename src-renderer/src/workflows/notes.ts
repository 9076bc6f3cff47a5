/**
 * The expert's private review notes (评审笔记): sealed in the profile's database, saved on every
 * keystroke; an editing session goes on the record once, when the field is left.
 */
import type { JiebangDB } from '../db/database';
import { commitChange, getMeta, recordAudit } from '../db/repo';

export const loadNotes = async (db: JiebangDB): Promise<string> =>
  (await getMeta(db, 'notes')) ?? '';

export const saveNotes = (db: JiebangDB, text: string): Promise<void> =>
  commitChange(db, { meta: { notes: text } }, null);

export const recordNotesEdited = (db: JiebangDB, actor: string, now: () => Date): Promise<void> =>
  recordAudit(db, { actor, action: 'notes.edit', target: '', at: now().toISOString() });
