import { useEffect } from 'react';
import type { OpenedBundle } from '../../../../src-shared/bundle';
import { DateInput } from '../../components/DateInput';
import { dayParam, listParam, sayDay, useT } from '../../i18n';
import { useLang } from '../../stores/ui';
import { useCalendar } from '../../stores/calendar';

/**
 * A verified calendar bundle on the 文件包核验 screen: import it (stores/calendar.ts) and see the
 * publicity window this installation now counts, from a start date typed year first.
 */
export function CalendarImport({ bundle }: { bundle: OpenedBundle }) {
  const t = useT();
  const lang = useLang();
  const { years, result, start, window, refresh, importBundle, setStart, reset } = useCalendar();

  useEffect(() => {
    reset();
    void refresh();
  }, [bundle, reset, refresh]);

  return (
    <div className="card" data-testid="calendar-import">
      <h2>{t('calendar.heading')}</h2>
      <p className="note">{t('calendar.intro')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void importBundle(bundle)}>
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
        <p className="note">{t('calendar.covered', { years: years.join(t('common.listSep')) })}</p>
      )}
      <label className="row">
        {t('calendar.publicityStart')}
        <DateInput
          label={t('calendar.publicityStart')}
          value={start}
          onCommit={(iso) => void setStart(iso)}
        />
      </label>
      {window && start && (
        <div data-testid="publicity-window">
          {window.ok ? (
            <>
              <p>
                {t('calendar.publicity', {
                  start: dayParam(window.start),
                  end: dayParam(window.end),
                })}
              </p>
              <p className="note">
                {t('calendar.counted', {
                  days: listParam(
                    window.days.map(
                      (d) => `${sayDay(lang, d.date)}${d.isMakeUp ? t('calendar.makeUp') : ''}`,
                    ),
                  ),
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
