import { useEffect, useState } from 'react';
import type { OpenedBundle } from '../../../src-shared/bundle';
import type { PublicityWindow } from '../../../src-shared/calendar';
import { useT } from '../i18n';
import { useDb, useProfile } from '../stores/session';
import {
  importCalendar,
  importedCalendars,
  publicityOnDevice,
  type CalendarImport as ImportResult,
} from '../workflows/calendar';

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/**
 * A verified calendar bundle on the 文件包核验 screen: import it (workflows/calendar.ts) and see the
 * publicity window this installation now counts.
 */
export function CalendarImport({ bundle }: { bundle: OpenedBundle }) {
  const t = useT();
  const db = useDb();
  const profile = useProfile();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [start, setStart] = useState('');
  const [window, setWindow] = useState<PublicityWindow | null>(null);
  const [years, setYears] = useState<number[]>([]);

  useEffect(() => {
    let live = true;
    void importedCalendars(db).then((list) => live && setYears(list.map((c) => c.year)));
    if (isDate(start)) void publicityOnDevice(db, start).then((w) => live && setWindow(w));
    return () => {
      live = false;
    };
  }, [db, start, result]);

  return (
    <div className="card" data-testid="calendar-import">
      <h2>{t('calendar.heading')}</h2>
      <p className="note">{t('calendar.intro')}</p>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => void importCalendar(db, profile?.label ?? '', bundle).then(setResult)}
        >
          {t('calendar.import')}
        </button>
      </div>
      {result &&
        (result.ok ? (
          <div role="status" className="ok">
            <p>
              ✓{' '}
              {result.isDuplicate
                ? t('calendar.duplicate')
                : t('calendar.imported', { year: result.year })}
            </p>
            <ul className="plain">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p role="alert" className="error">
            {t('calendar.refused', { reason: result.reason })}
          </p>
        ))}
      {years.length > 0 && (
        <p className="note">{t('calendar.covered', { years: years.join('、') })}</p>
      )}
      <label className="row">
        {t('calendar.publicityStart')}
        <input type="date" value={start} onChange={(e) => setStart(e.target.value)} />
      </label>
      {window && isDate(start) && (
        <div data-testid="publicity-window">
          {window.ok ? (
            <>
              <p>{t('calendar.publicity', { start: window.start, end: window.end })}</p>
              <p className="note">
                {t('calendar.counted', {
                  days: window.days
                    .map((d) => `${d.date}${d.isMakeUp ? t('calendar.makeUp') : ''}`)
                    .join('、'),
                })}
              </p>
            </>
          ) : (
            <p className="error">{window.reason}</p>
          )}
        </div>
      )}
    </div>
  );
}
