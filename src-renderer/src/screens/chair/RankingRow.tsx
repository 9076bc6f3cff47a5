import { fmt2, type Dec } from '../../../../src-shared/money';
import type { ReviewPackage } from '../../../../src-shared/model';
import {
  METHOD_SHORT,
  NO_VALID_SHEETS,
  type AggregateResult,
} from '../../../../src-shared/scoring';
import { useT } from '../../i18n';

type Row = AggregateResult['results'][number];

const figure = (v: Dec | null): string => (v === null ? '—' : fmt2(v));

/** One applicant's row: rank, every expert's total (回避, dropped, deviating), the figures. */
export function RankingRow({ pkg, row: r }: { pkg: ReviewPackage; row: Row }) {
  const t = useT();
  const name = pkg.applicants.find((a) => a.id === r.applicantId)?.name ?? r.applicantId;
  return (
    <tr data-applicant={r.applicantId}>
      <td className="num">
        {r.rank ?? '—'}
        {r.tiedWith.length > 0 ? '=' : ''}
      </td>
      <td className="name">{name}</td>
      {pkg.panel.experts.map((e) => {
        if (r.recusedExpertIds.includes(e.id))
          return (
            <td key={e.id} className="num note">
              {t('chair.recused')}
            </td>
          );
        const x = r.experts.find((y) => y.expertId === e.id);
        if (!x)
          return (
            <td key={e.id} className="num note">
              —
            </td>
          );
        return (
          <td
            key={e.id}
            className={`num ${x.deviation ? 'error' : ''}`}
            title={
              x.deviation
                ? t('chair.deviates', {
                    points: fmt2(x.deviation),
                    reason: x.deviationReason ?? t('chair.noReason'),
                  })
                : undefined
            }
          >
            {x.dropped ? `(${fmt2(x.total)})` : fmt2(x.total)}
            {x.deviation ? '!' : ''}
          </td>
        );
      })}
      <td className="num">{figure(r.mean)}</td>
      <td className="num">
        <strong>{figure(r.trimmedMean)}</strong>
      </td>
      <td className="num">{figure(r.median)}</td>
      <td className="num">{figure(r.spread)}</td>
      {pkg.rubric.criteria.map((c) => (
        <td key={c.id} className="num">
          {figure(r.criterionMeans[c.id] ?? null)}
        </td>
      ))}
      <td
        className={`num ${r.belowMinValidSheets ? 'warn' : ''}`}
        title={
          r.belowMinValidSheets
            ? t('chair.belowMinShort', { min: pkg.aggregation.minValidSheets })
            : undefined
        }
      >
        {r.validSheets}
        {r.belowMinValidSheets ? '*' : ''}
      </td>
      <td className="method" title={r.methodNote ?? undefined}>
        {r.method === null ? NO_VALID_SHEETS : METHOD_SHORT[r.method]}
        {r.methodNote ? t('chair.methodNote', { note: r.methodNote }) : ''}
      </td>
    </tr>
  );
}
