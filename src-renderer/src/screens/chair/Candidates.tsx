import { memo, useMemo } from 'react';
import { fmt2 } from '../../../../src-shared/money';
import type { ReviewPackage } from '../../../../src-shared/model';
import { NO_VALID_SHEETS, type AggregateResult } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';

/**
 * 揭榜方建议名单: every applicant in rank order with its score and route, ticked when recommended.
 * The labels are made once per aggregation (issue 22: 200 applicants, each looked up and its score
 * formatted, were made again on every keystroke in the decision form and in the desk's long
 * task); ticking re-renders the boxes only.
 */
export const Candidates = memo(function Candidates({
  pkg,
  agg,
  recommended,
  onToggle,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  recommended: readonly string[];
  onToggle: (applicantId: string, on: boolean) => void;
}) {
  const t = useT();
  const labels = useMemo(() => {
    const applicants = new Map(pkg.applicants.map((a) => [a.id, a]));
    return agg.results.map((r) => {
      const a = applicants.get(r.applicantId);
      return {
        id: r.applicantId,
        // An applicant with no rank (no valid sheet) is listed by name, not as 「—. 」.
        text: (() => {
          const params = {
            name: a?.name ?? r.applicantId,
            score: r.final === null ? NO_VALID_SHEETS : t('chair.points', { n: fmt2(r.final) }),
            route: a?.technicalRoute.label ?? '',
          };
          return r.rank === null
            ? t('chair.candidateUnranked', params)
            : t('chair.candidate', { ...params, rank: r.rank });
        })(),
      };
    });
  }, [pkg, agg, t]);
  const ticked = new Set(recommended);
  return (
    <fieldset>
      <legend>{t('chair.recommended')}</legend>
      {labels.map(({ id, text }) => (
        <label key={id} className="choice">
          <input
            type="checkbox"
            checked={ticked.has(id)}
            onChange={(e) => onToggle(id, e.target.checked)}
          />
          <span>{text}</span>
        </label>
      ))}
    </fieldset>
  );
});
