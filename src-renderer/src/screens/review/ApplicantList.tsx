import type { ReviewPackage } from '../../../../src-shared/model';
import type { ApplicantStatus } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';

/** The applicants (揭榜方) in the package's order, each with where the expert stands. */
export function ApplicantList({
  pkg,
  statuses,
  selected,
  onSelect,
}: {
  pkg: ReviewPackage;
  statuses: Readonly<Record<string, ApplicantStatus>>;
  selected: string;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  return (
    <nav className="applicants" aria-label={t('review.applicants')}>
      {pkg.applicants.map((a) => {
        const status = statuses[a.id] ?? 'todo';
        return (
          <button
            key={a.id}
            type="button"
            className={a.id === selected ? 'selected' : ''}
            aria-current={a.id === selected}
            onClick={() => onSelect(a.id)}
          >
            <span>
              {a.id} {a.name}
            </span>
            <span className={`badge ${status}`}>{t(`review.status.${status}`)}</span>
          </button>
        );
      })}
    </nav>
  );
}
