import {
  deviationsNeedingReason,
  tieGroupKey,
  tieGroups,
  type DecisionChoices,
} from '../../../../src-shared/decision';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { AggregateResult } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';
import { ReasonField } from './ReasonField';

/**
 * What the chair must write before signing (第十二条（五））: why each absent member is absent,
 * why the panel decides on fewer valid sheets than the package asks, each deviating total's
 * reason, and how each tie is broken.
 */
export function ReasonsFields({
  pkg,
  agg,
  choices,
  update,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  choices: DecisionChoices;
  update: (patch: Partial<DecisionChoices>) => void;
}) {
  const t = useT();
  const sep = t('common.listSep');
  const nameOf = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  const thin = agg.results.filter((r) => r.belowMinValidSheets);
  return (
    <>
      {agg.missingExpertIds.length > 0 && (
        <fieldset data-testid="absences">
          <legend>{t('chair.absences', { size: pkg.panel.experts.length })}</legend>
          {agg.missingExpertIds.map((id) => (
            <ReasonField
              key={id}
              label={t('chair.absence', {
                expert: `${id} ${pkg.panel.experts.find((e) => e.id === id)?.name ?? ''}`,
              })}
              value={choices.absences[id] ?? ''}
              onChange={(v) => update({ absences: { ...choices.absences, [id]: v } })}
            />
          ))}
        </fieldset>
      )}
      {thin.length > 0 && (
        <ReasonField
          label={t('chair.belowMin', {
            min: pkg.aggregation.minValidSheets,
            list: thin
              .map((r) => t('chair.sheetsOf', { id: r.applicantId, n: r.validSheets }))
              .join(sep),
          })}
          value={choices.belowMinValidSheetsReason}
          onChange={(v) => update({ belowMinValidSheetsReason: v })}
        />
      )}
      {deviationsNeedingReason(agg).map((d) => {
        const key = `${d.applicantId}/${d.expertId}`;
        return (
          <ReasonField
            key={key}
            label={t('chair.deviationReason', { expert: d.expertId, applicant: d.applicantId })}
            value={choices.deviationReasons[key] ?? ''}
            onChange={(v) =>
              update({ deviationReasons: { ...choices.deviationReasons, [key]: v } })
            }
          />
        );
      })}
      {tieGroups(agg).map((g) => {
        const key = tieGroupKey(g);
        return (
          <ReasonField
            key={key}
            label={t('chair.tie', { names: g.map(nameOf).join(sep) })}
            value={choices.tieReasons[key] ?? ''}
            onChange={(v) => update({ tieReasons: { ...choices.tieReasons, [key]: v } })}
          />
        );
      })}
    </>
  );
}
