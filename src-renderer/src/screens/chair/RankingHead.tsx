import type { ReviewPackage } from '../../../../src-shared/model';
import { Breakable } from '../../components/Breakable';
import { useT, type StringKey } from '../../i18n';

export type SortKey = 'rank' | 'mean' | 'median' | 'spread';

/**
 * The header row of the desk's 评分汇总表, in the order of its cells (`RankingCells`). A long
 * header breaks onto a second line where its string allows (去极值 / 平均), never inside a term.
 * With `fold` ≥ 1 the experts' totals are in each row's detail and one column (评分明细) holds the
 * rows' buttons; with 2 the criterion means are there too.
 */
export function RankingHead({
  pkg,
  fold,
  sort,
  onSort,
}: {
  pkg: ReviewPackage;
  fold: number;
  sort: SortKey;
  onSort: (key: SortKey) => void;
}) {
  const t = useT();
  const sortable = (key: SortKey, label: StringKey) => (
    <th className="num">
      <button
        type="button"
        className="link"
        onClick={() => onSort(key)}
        aria-pressed={sort === key}
      >
        <Breakable text={t(label)} />
      </button>
    </th>
  );
  return (
    <tr>
      {sortable('rank', 'chair.col.rank')}
      <th>{t('chair.col.applicant')}</th>
      {fold >= 1 ? (
        <th>
          <Breakable text={t('chair.col.detail')} />
        </th>
      ) : (
        pkg.panel.experts.map((e) => (
          <th key={e.id} className="num" title={e.name}>
            {e.id}
          </th>
        ))
      )}
      {sortable('mean', 'chair.col.mean')}
      <th className="num">
        <Breakable text={t('chair.col.trimmed')} />
      </th>
      {sortable('median', 'chair.col.median')}
      {sortable('spread', 'chair.col.spread')}
      {fold < 2 &&
        pkg.rubric.criteria.map((c) => (
          <th key={c.id} className="num" title={c.name}>
            <Breakable text={t('chair.col.criterion', { id: c.id })} />
          </th>
        ))}
      <th className="num">{t('chair.col.valid')}</th>
      <th>
        <Breakable text={t('chair.col.method')} />
      </th>
    </tr>
  );
}
