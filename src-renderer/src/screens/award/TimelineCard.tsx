/** A project's life on one page (issue 21, item 4): the timeline of the shown task book. */
import type { ProjectTimeline } from '../../../../src-shared/award';
import { dayParam, sayDay, useT } from '../../i18n';
import { useLang } from '../../stores/ui';

export function TimelineCard({ timeline }: { timeline: ProjectTimeline }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="card" data-testid="award-timeline">
      <h2>{t('award.timeline')}</h2>
      <p>{t('award.periodEnd', { date: dayParam(timeline.periodEnd) })}</p>
      <p data-testid="award-money">
        {t('award.paid', { paid: timeline.paid, held: timeline.held, reduced: timeline.reduced })}
      </p>
      {timeline.closure && (
        <p data-testid="award-closure">
          {t('award.closure', { state: t(`award.closure.${timeline.closure}`) })}
        </p>
      )}
      <p data-testid="award-next">
        {timeline.next
          ? t('award.next', {
              date: dayParam(timeline.next.date),
              what: timeline.next.what,
              article: timeline.next.article,
            })
          : t('award.noNext')}
      </p>
      {timeline.overdue.length > 0 && (
        <p className="error" data-testid="award-overdue">
          {t('award.overdue', {
            list: timeline.overdue
              .map((e) => `${sayDay(lang, e.date)} ${e.what}`)
              .join(t('common.clauseSep')),
          })}
        </p>
      )}
      <table className="award-timeline">
        <tbody>
          {timeline.entries.map((e, i) => (
            <tr key={`${e.date}${e.what}${i}`} className={`tl-${e.state}`}>
              <td>{sayDay(lang, e.date)}</td>
              <td>
                <span className={`badge tl-${e.state}`}>{t(`award.state.${e.state}`)}</span>
              </td>
              <td>{e.what}</td>
              <td>{e.detail}</td>
              <td>{e.article}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
