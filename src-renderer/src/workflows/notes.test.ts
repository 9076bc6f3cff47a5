import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../db/repo';
import { actionLabel, auditView } from './audit';
import { loadNotes, recordNotesEdited, saveNotes } from './notes';
import { AT, freshDeps } from './test-db';

describe('the expert’s private notes and the audit log they leave', () => {
  it('keeps every keystroke sealed, puts one editing session on the record, and the log shows it in the user’s words', async () => {
    const { db } = freshDeps();
    expect(await loadNotes(db)).toBe('');
    await saveNotes(db, '创');
    await saveNotes(db, '创新性强，');
    expect(await auditLog(db)).toEqual([]);
    await recordNotesEdited(db, '李明', () => AT);

    expect(await loadNotes(db)).toBe('创新性强，');
    const { entries, verdict } = await auditView(db);
    expect(entries.map((e) => [e.actor, e.action, e.at])).toEqual([
      ['李明', 'notes.edit', AT.toISOString()],
    ]);
    expect(verdict).toMatchObject({ ok: true, length: 1 });
    expect(actionLabel(entries[0]?.action ?? '')).toBe('audit.notes.edit');
  });

  it('an action the app does not know is labelled as unknown, never shown raw', () => {
    expect(actionLabel('taskbook.sign')).toBe('audit.taskbook.sign');
    expect(actionLabel('rm -rf')).toBe('audit.unknown');
  });
});
