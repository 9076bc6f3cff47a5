/** A project's life on one page (issue 21, item 4): the timeline of the shown task book. */
import type { ProjectTimeline } from '../../../../src-shared/award';
import { useT } from '../../i18n';

export function TimelineCard({ timeline }: { timeline: ProjectTimeline }) {
  const t = useT();
  return (
    <div className="card" data-testid="award-timeline">
      <h2>{t('award.timeline')}</h2>
      <p>{t('award.periodEnd', { date: timeline.periodEnd })}</p>
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
              date: timeline.next.date,
              what: timeline.next.what,
              article: timeline.next.article,
            })
          : t('award.noNext')}
      </p>
      {timeline.overdue.length > 0 && (
        <p className="error" data-testid="award-overdue">
          {t('award.overdue', {
            list: timeline.overdue.map((e) => `${e.date} ${e.what}`).join(t('common.clauseSep')),
          })}
        </p>
      )}
      <table className="award-timeline">
        <tbody>
          {timeline.entries.map((e, i) => (
            <tr key={`${e.date}${e.what}${i}`} className={`tl-${e.state}`}>
              <td>{e.date}</td>
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
