import { memo } from 'react';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { SummaryCell, SummaryColumn, SummaryRow } from '../../../../src-shared/summary';
import { useT } from '../../i18n';

/** The columns the desk shows of the 评分汇总表 (the details are in the notes and titles). */
export const shownOnDesk = (c: SummaryColumn): boolean =>
  c.role !== 'applicant-id' && c.role !== 'detail';

/**
 * The cells of one applicant's row of the 评分汇总表 as `summaryTable()` makes it for every door
 * (jiebang score, export, the printed form): rank, every expert's total (回避, dropped, deviating),
 * the figures (the one the ranking uses in bold), valid sheets, the method applied and why. The
 * row itself (`<tr data-applicant>`) is the table's, which draws only the rows in view; a row
 * already drawn is not drawn again when the table is re-sorted (memo: same row, same cells).
 */
export const RankingCells = memo(function RankingCells({
  pkg,
  columns,
  row,
}: {
  pkg: ReviewPackage;
  columns: readonly SummaryColumn[];
  row: SummaryRow;
}) {
  const methodNote = row.cells[columns.findIndex((c) => c.key === 'methodNote')];
  const note = methodNote?.kind === 'text' && methodNote.text !== '' ? methodNote.text : null;
  return columns.map((column, i) => {
    const cell = row.cells[i];
    return shownOnDesk(column) && cell ? (
      <Cell key={column.key} pkg={pkg} column={column} cell={cell} note={note} />
    ) : null;
  });
});

function Cell({
  pkg,
  column,
  cell,
  note,
}: {
  pkg: ReviewPackage;
  column: SummaryColumn;
  cell: SummaryCell;
  note: string | null;
}) {
  const t = useT();
  switch (cell.kind) {
    case 'rank':
      return (
        <td className="num">
          {cell.rank ?? '—'}
          {cell.tied ? '=' : ''}
        </td>
      );
    case 'mark':
      return <td className="num note">{cell.text === '—' ? '—' : t('chair.recused')}</td>;
    case 'total':
      return (
        <td
          className={`num ${cell.deviation ? 'error' : ''}`}
          title={
            cell.deviation
              ? t('chair.deviates', {
                  points: cell.deviation,
                  reason: cell.reason ?? t('chair.noReason'),
                })
              : undefined
          }
        >
          {cell.dropped ? `(${cell.value})` : cell.value}
          {cell.deviation ? '!' : ''}
        </td>
      );
    case 'figure':
      return (
        <td className="num">
          {cell.isFinal ? <strong>{cell.value}</strong> : (cell.value ?? '—')}
        </td>
      );
    case 'count':
      return (
        <td
          className={`num ${cell.isBelowMin ? 'warn' : ''}`}
          title={
            cell.isBelowMin
              ? t('chair.belowMinShort', { min: pkg.aggregation.minValidSheets })
              : undefined
          }
        >
          {cell.value}
          {cell.isBelowMin ? '*' : ''}
        </td>
      );
    case 'text':
      return column.role === 'method' ? (
        <td className="method" title={note ?? undefined}>
          {cell.text}
          {note ? t('chair.methodNote', { note }) : ''}
        </td>
      ) : (
        <td className="name">{cell.text}</td>
      );
  }
}
