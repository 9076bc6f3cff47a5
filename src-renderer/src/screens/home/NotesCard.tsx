import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useNotes } from '../../stores/notes';

/** The expert's private review notes: sealed in the profile's database, saved on every keystroke. */
export function NotesCard() {
  const t = useT();
  const { text, load, change, leave } = useNotes();
  useEffect(() => {
    void load();
  }, [load]);
  if (text === null) return null;
  return (
    <div className="card">
      <h2>{t('notes.heading')}</h2>
      <p className="note">{t('notes.help')}</p>
      <textarea
        aria-label={t('notes.heading')}
        value={text}
        rows={6}
        className="full"
        onChange={(e) => change(e.target.value)}
        onBlur={leave}
      />
    </div>
  );
}
