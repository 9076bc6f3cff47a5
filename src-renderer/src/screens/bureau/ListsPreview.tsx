import type { ReviewPackage } from '../../../../src-shared/model';
import { useT } from '../../i18n';

/** How many names of each list the preview shows. */
export const PREVIEW_ROWS = 5;

/**
 * What the lists read (揭榜方, 专家): the count and the first names with their codes, so a name
 * read in the wrong encoding (a GB18030 or BOM CSV) shows before anything is signed.
 */
export function ListsPreview({ pkg }: { pkg: ReviewPackage }) {
  const t = useT();
  const lists = [
    {
      key: 'applicants',
      heading: t('bureau.author.previewApplicants', {
        n: pkg.applicants.length,
        k: Math.min(PREVIEW_ROWS, pkg.applicants.length),
      }),
      rows: pkg.applicants.map((a) => ({ id: a.id, name: a.name })),
    },
    {
      key: 'experts',
      heading: t('bureau.author.previewExperts', {
        n: pkg.panel.experts.length,
        k: Math.min(PREVIEW_ROWS, pkg.panel.experts.length),
      }),
      rows: pkg.panel.experts.map((e) => ({ id: e.id, name: e.name })),
    },
  ];
  return (
    <div data-testid="bureau-lists-preview">
      <p className="note">{t('bureau.author.previewIntro')}</p>
      {lists.map((list) => (
        <div key={list.key} data-testid={`bureau-preview-${list.key}`}>
          <h4>{list.heading}</h4>
          <ul className="plain">
            {list.rows.slice(0, PREVIEW_ROWS).map((r) => (
              <li key={r.id}>
                <code>{r.id}</code> {r.name}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
