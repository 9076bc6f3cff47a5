import { useCallback, useMemo, useRef, useState } from 'react';
import { methodSentence } from '../../../../src-shared/decision';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { AggregateResult } from '../../../../src-shared/scoring';
import type { SummaryRow, SummaryTable } from '../../../../src-shared/summary';
import { useT } from '../../i18n';
import { useFoldToFit } from '../../components/useFoldToFit';
import { VirtualTable } from '../../components/VirtualTable';
import { RankingDetail } from './RankingDetail';
import { RankingHead, type SortKey } from './RankingHead';
import { RankingCells, deskColumnCount } from './RankingRow';

/**
 * Estimated height of a row (px; rows are measured as drawn), the most the table takes, and the
 * rows drawn beyond each edge of the view (issue 22: each row is ~66 cells; 4 rather than the
 * default 8 draws 24 rows instead of 32 for the first paint, a scroll and a re-sort).
 */
const ROW_HEIGHT = 34;
const MAX_HEIGHT = 560;
const OVERSCAN = 4;

/**
 * Less than any column of figures takes (px; five characters of at least 6.5 px each and 10 px of
 * padding are 42.5), and with it the least width of the table at each fold (`useFoldToFit`): a
 * panel of 50 experts is not drawn with its 50 columns first.
 */
const LEAST_FIGURE = 36;
const leastWidths = (pkg: ReviewPackage): number[] => {
  const rest = LEAST_FIGURE * (pkg.rubric.criteria.length + 7);
  return [rest + LEAST_FIGURE * pkg.panel.experts.length, rest + LEAST_FIGURE];
};

/** A line of the table: an applicant's row, or under it its detail (the folded columns). */
interface Line {
  row: SummaryRow;
  detail: boolean;
}

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
 * height of its rows. Every column fits the box without scrolling sideways: where the window is
 * too narrow for them, the experts' totals (then the criterion means) fold into a detail under
 * each row, opened by the row's 展开 button — measured as drawn, so whatever the fonts.
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
  const box = useRef<HTMLDivElement>(null);
  const least = useMemo(() => leastWidths(pkg), [pkg]);
  const fold = useFoldToFit(box, 2, least, table);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setOpen((was) => {
        const now = new Set(was);
        if (!now.delete(id)) now.add(id);
        return now;
      }),
    [],
  );
  const lines = useMemo(
    (): Line[] =>
      sorted[sort].flatMap((row) =>
        fold > 0 && open.has(row.applicantId)
          ? [
              { row, detail: false },
              { row, detail: true },
            ]
          : [{ row, detail: false }],
      ),
    [sorted, sort, fold, open],
  );
  const span = deskColumnCount(table.columns, fold);
  return (
    <div>
      <VirtualTable
        rows={lines}
        rowKey={(l) => (l.detail ? `${l.row.applicantId}/detail` : l.row.applicantId)}
        rowAttributes={(l): Record<`data-${string}`, string> =>
          l.detail ? { 'data-detail': l.row.applicantId } : { 'data-applicant': l.row.applicantId }
        }
        cells={(l) =>
          l.detail ? (
            <RankingDetail pkg={pkg} columns={table.columns} row={l.row} fold={fold} span={span} />
          ) : (
            <RankingCells
              pkg={pkg}
              columns={table.columns}
              row={l.row}
              fold={fold}
              expanded={open.has(l.row.applicantId)}
              onToggle={toggle}
            />
          )
        }
        columns={span}
        rowHeight={ROW_HEIGHT}
        height={MAX_HEIGHT}
        overscan={OVERSCAN}
        testId="ranking"
        className="ranking"
        boxRef={box}
        head={<RankingHead pkg={pkg} fold={fold} sort={sort} onSort={setSort} />}
      />
      <p className="note" data-testid="method-statement">
        {t('chair.method', { method: methodSentence(pkg, agg) })}
      </p>
      <p className="note">{t('chair.legend', { min: pkg.aggregation.minValidSheets })}</p>
    </div>
  );
}
