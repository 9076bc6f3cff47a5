import type { ReviewPackage } from '../../../../src-shared/model';
import type { ColumnRole, SummaryColumn, SummaryRow } from '../../../../src-shared/summary';
import { Breakable } from '../../components/Breakable';
import { useT, type StringKey } from '../../i18n';
import { cellView, detailId, methodNoteOf } from './RankingRow';

/**
 * A row's detail (`<tr data-detail>` under its row, opened by its 展开 button): the columns folded
 * out of the table to fit the window — each expert's total (回避, dropped, deviating, with the
 * same titles as in the table), and with a second fold each criterion's mean — as a list of
 * labels and figures across the table's whole width.
 */
export function RankingDetail({
  pkg,
  columns,
  row,
  fold,
  span,
}: {
  pkg: ReviewPackage;
  columns: readonly SummaryColumn[];
  row: SummaryRow;
  fold: number;
  /** The number of columns the table draws. */
  span: number;
}) {
  const t = useT();
  const note = methodNoteOf(columns, row);
  const group = (role: ColumnRole, label: StringKey) => (
    <div className="detail-group">
      <span className="detail-label">{t(label)}</span>
      <dl>
        {columns.map((column, i) => {
          const cell = row.cells[i];
          if (column.role !== role || !cell) return null;
          const view = cellView(t, pkg, column, cell, note);
          // A criterion's column is keyed `criterion:<id>` (summaryTable).
          const id = column.key.slice(column.key.indexOf(':') + 1);
          return (
            <div key={column.key}>
              <dt title={column.title}>
                {role === 'criterion' ? (
                  <Breakable text={t('chair.col.criterion', { id })} />
                ) : (
                  column.header
                )}
              </dt>
              <dd className={view.className} title={view.title}>
                {view.content}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
  return (
    <td colSpan={span} id={detailId(row.applicantId)} className="ranking-detail">
      {fold >= 1 && group('expert', 'chair.detailExperts')}
      {fold >= 2 && group('criterion', 'chair.detailCriteria')}
    </td>
  );
}
