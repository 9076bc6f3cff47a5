import { Fragment, memo, type ReactNode } from 'react';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { SummaryCell, SummaryColumn, SummaryRow } from '../../../../src-shared/summary';
import { useT, type T } from '../../i18n';

/**
 * The columns the desk shows of the 评分汇总表 (the details are in the notes and titles), with
 * `fold` steps folded into each row's detail to fit the window: 1 the experts' totals, 2 the
 * criterion means too.
 */
export const shownOnDesk = (c: SummaryColumn, fold = 0): boolean =>
  c.role !== 'applicant-id' &&
  c.role !== 'detail' &&
  !(fold >= 1 && c.role === 'expert') &&
  !(fold >= 2 && c.role === 'criterion');

/** The number of columns the desk draws: with a fold, one more for the detail's button. */
export const deskColumnCount = (columns: readonly SummaryColumn[], fold: number): number =>
  columns.filter((c) => shownOnDesk(c, fold)).length + (fold > 0 ? 1 : 0);

/** The id of a row's detail (what its button controls). */
export const detailId = (applicantId: string): string => `ranking-detail-${applicantId}`;

/** The method note of a row (why the method is not the package's), or null. */
export function methodNoteOf(columns: readonly SummaryColumn[], row: SummaryRow): string | null {
  const cell = row.cells[columns.findIndex((c) => c.key === 'methodNote')];
  return cell?.kind === 'text' && cell.text !== '' ? cell.text : null;
}

/**
 * The cells of one applicant's row of the 评分汇总表 as `summaryTable()` makes it for every door
 * (jiebang score, export, the printed form): rank, every expert's total (回避, dropped, deviating),
 * the figures (the one the ranking uses in bold), valid sheets, the method applied and why; with a
 * fold, the button that shows the row's detail instead of the folded columns. The row itself
 * (`<tr data-applicant>`) is the table's, which draws only the rows in view; a row already drawn
 * is not drawn again when the table is re-sorted (memo: same row, same cells).
 */
export const RankingCells = memo(function RankingCells({
  pkg,
  columns,
  row,
  fold,
  expanded,
  onToggle,
}: {
  pkg: ReviewPackage;
  columns: readonly SummaryColumn[];
  row: SummaryRow;
  fold: number;
  expanded: boolean;
  onToggle: (applicantId: string) => void;
}) {
  const t = useT();
  const note = methodNoteOf(columns, row);
  return columns.map((column, i) => {
    const cell = row.cells[i];
    if (!cell || !shownOnDesk(column, fold)) return null;
    const view = cellView(t, pkg, column, cell, note);
    const drawn = (
      <td key={column.key} className={view.className} title={view.title}>
        {view.content}
      </td>
    );
    if (column.role !== 'applicant' || fold === 0) return drawn;
    return (
      <Fragment key={column.key}>
        {drawn}
        <td>
          <button
            type="button"
            className="link"
            aria-expanded={expanded}
            aria-controls={detailId(row.applicantId)}
            onClick={() => onToggle(row.applicantId)}
          >
            {t(expanded ? 'chair.detailHide' : 'chair.detailShow')}
            <span className="sr-only">
              {t('chair.detailOf', { applicant: cell.kind === 'text' ? cell.text : '' })}
            </span>
          </button>
        </td>
      </Fragment>
    );
  });
});

/** How one cell is drawn, in the table or in a row's detail: its class, its title, its text. */
export interface CellView {
  className: string | undefined;
  title: string | undefined;
  content: ReactNode;
}

export function cellView(
  t: T,
  pkg: ReviewPackage,
  column: SummaryColumn,
  cell: SummaryCell,
  note: string | null,
): CellView {
  switch (cell.kind) {
    case 'rank':
      return {
        className: 'num',
        title: undefined,
        content: `${cell.rank ?? '—'}${cell.tied ? '=' : ''}`,
      };
    case 'mark':
      return {
        className: 'num note',
        title: undefined,
        content: cell.text === '—' ? '—' : t('chair.recused'),
      };
    case 'total':
      return {
        className: cell.deviation ? 'num error' : 'num',
        title: cell.deviation
          ? t('chair.deviates', {
              points: cell.deviation,
              reason: cell.reason ?? t('chair.noReason'),
            })
          : undefined,
        content: `${cell.dropped ? `(${cell.value})` : cell.value}${cell.deviation ? '!' : ''}`,
      };
    case 'figure':
      return {
        className: 'num',
        title: undefined,
        content: cell.isFinal ? <strong>{cell.value}</strong> : (cell.value ?? '—'),
      };
    case 'count':
      return {
        className: cell.isBelowMin ? 'num warn' : 'num',
        title: cell.isBelowMin
          ? t('chair.belowMinShort', { min: pkg.aggregation.minValidSheets })
          : undefined,
        content: `${cell.value}${cell.isBelowMin ? '*' : ''}`,
      };
    case 'text':
      return column.role === 'method'
        ? {
            className: 'method',
            title: note ?? undefined,
            content: `${cell.text}${note ? t('chair.methodNote', { note }) : ''}`,
          }
        : { className: 'name', title: undefined, content: cell.text };
  }
}
