import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { getMeta, putMeta, recordAudit } from '../db/repo';
import { useT } from '../i18n';
import { useSaveState } from '../stores/save';
import { useDb, useProfile } from '../stores/session';

/** The expert's private review notes: sealed in the profile's database, saved on every keystroke. */
export function NotesCard() {
  const t = useT();
  const db = useDb();
  const profile = useProfile();
  const track = useSaveState((s) => s.track);
  const [text, setText] = useState<string | null>(null);
  const dirtySinceAudit = useRef(false);

  useEffect(() => {
    let live = true;
    void getMeta(db, 'notes', z.string()).then((v) => live && setText(v ?? ''));
    return () => {
      live = false;
    };
  }, [db]);

  if (text === null) return null;
  return (
    <div className="card">
      <h2>{t('notes.heading')}</h2>
      <p className="note">{t('notes.help')}</p>
      <textarea
        aria-label={t('notes.heading')}
        value={text}
        rows={6}
        style={{ width: '100%' }}
        onChange={(e) => {
          setText(e.target.value);
          dirtySinceAudit.current = true;
          void track(putMeta(db, 'notes', e.target.value));
        }}
        onBlur={() => {
          if (!dirtySinceAudit.current || !profile) return;
          dirtySinceAudit.current = false;
          void track(
            recordAudit(db, { actor: profile.label, action: 'notes.edit', target: 'notes' }),
          );
        }}
      />
    </div>
  );
}
