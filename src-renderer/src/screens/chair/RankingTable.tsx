import { useMemo, useState } from 'react';
import { methodSentence } from '../../../../src-shared/decision';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { AggregateResult } from '../../../../src-shared/scoring';
import type { SummaryRow, SummaryTable } from '../../../../src-shared/summary';
import { useT, type StringKey } from '../../i18n';
import { VirtualTable } from '../../components/VirtualTable';
import { RankingCells, shownOnDesk } from './RankingRow';

type SortKey = 'rank' | 'mean' | 'median' | 'spread';

/**
 * Estimated height of a row (px; rows are measured as drawn), the most the table takes, and the
 * rows drawn beyond each edge of the view (issue 22: each row is ~66 cells; 4 rather than the
 * default 8 draws 24 rows instead of 32 for the first paint, a scroll and a re-sort).
 */
const ROW_HEIGHT = 34;
const MAX_HEIGHT = 560;
const OVERSCAN = 4;

/** A row's figure in the column `index` as a number; no figure (无有效评分) is null. */
const figureAt = (row: SummaryRow, index: number): number | null => {
  const cell = row.cells[index];
  return cell?.kind === 'figure' && cell.value !== null ? Number(cell.value) : null;
};

/**
 * The rows in the order of each sortable column, made once per table (issue 22: a re-sort only
 * picks one of them; nothing is aggregated or parsed again): descending by the figure, no figure
 * last, ties in rank order (the sort is stable).
 */
export function sortOrders(table: SummaryTable): Record<SortKey, readonly SummaryRow[]> {
  const by = (key: SortKey): SummaryRow[] => {
    const index = table.columns.findIndex((c) => c.key === key);
    const keyed = table.rows.map((row) => ({ row, figure: figureAt(row, index) }));
    keyed.sort((a, b) =>
      a.figure === null || b.figure === null
        ? (a.figure === null ? 1 : 0) - (b.figure === null ? 1 : 0)
        : b.figure - a.figure,
    );
    return keyed.map((k) => k.row);
  };
  return { rank: table.rows, mean: by('mean'), median: by('median'), spread: by('spread') };
}

/**
 * The 评分汇总表 on the desk: the rows `summaryTable()` makes for every door (jiebang score,
 * export, the printed form), sortable by rank, mean, median or spread. Only the rows in view are
 * drawn (issue 22: 200 applicants draw a screenful, not 200 rows); a short table takes only the
 * height of its rows.
 */
export function RankingTable({
  pkg,
  agg,
  table,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  /** `summaryTable(pkg, agg)`, made once by the screen (the chart draws from it too). */
  table: SummaryTable;
}) {
  const t = useT();
  const [sort, setSort] = useState<SortKey>('rank');
  const sorted = useMemo(() => sortOrders(table), [table]);
  const rows = sorted[sort];
  const th = (key: SortKey, label: StringKey) => (
    <th className="num">
      <button
        type="button"
        className="link"
        onClick={() => setSort(key)}
        aria-pressed={sort === key}
      >
        {t(label)}
      </button>
    </th>
  );
  return (
    <div>
      <VirtualTable
        rows={rows}
        rowKey={(r) => r.applicantId}
        rowAttributes={(r) => ({ 'data-applicant': r.applicantId })}
        cells={(r) => <RankingCells pkg={pkg} columns={table.columns} row={r} />}
        columns={table.columns.filter(shownOnDesk).length}
        rowHeight={ROW_HEIGHT}
        height={MAX_HEIGHT}
        overscan={OVERSCAN}
        testId="ranking"
        head={
          <tr>
            {th('rank', 'chair.col.rank')}
            <th>{t('chair.col.applicant')}</th>
            {pkg.panel.experts.map((e) => (
              <th key={e.id} className="num" title={e.name}>
                {e.id}
              </th>
            ))}
            {th('mean', 'chair.col.mean')}
            <th className="num">{t('chair.col.trimmed')}</th>
            {th('median', 'chair.col.median')}
            {th('spread', 'chair.col.spread')}
            {pkg.rubric.criteria.map((c) => (
              <th key={c.id} className="num" title={c.name}>
                {t('chair.col.criterion', { id: c.id })}
              </th>
            ))}
            <th className="num">{t('chair.col.valid')}</th>
            <th>{t('chair.col.method')}</th>
          </tr>
        }
      />
      <p className="note" data-testid="method-statement">
        {t('chair.method', { method: methodSentence(pkg, agg) })}
      </p>
      <p className="note">{t('chair.legend', { min: pkg.aggregation.minValidSheets })}</p>
    </div>
  );
}
