import { differsFromProposal, type DecisionChoices } from '../../../../src-shared/decision';
import { fmt2, fmtMoney } from '../../../../src-shared/money';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import { NO_VALID_SHEETS } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';
import type { Desk } from '../../workflows/desk';

/**
 * 揭榜方建议名单: who is recommended, whether as a horse race (the rules' proposal and reasons
 * beside it), the reason for departing from the proposal, the race-stage share, and the funds.
 */
export function RecommendedFields({
  pkg,
  desk,
  decision,
  update,
}: {
  pkg: ReviewPackage;
  desk: Desk;
  decision: PanelDecision;
  update: (patch: Partial<DecisionChoices>) => void;
}) {
  const t = useT();
  const { choices } = desk;
  const { agg, proposal } = desk.analysis;
  const recommended = choices.recommendedIds;
  const nameOf = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  return (
    <>
      <fieldset>
        <legend>{t('chair.recommended')}</legend>
        {agg.results.map((r) => (
          <label key={r.applicantId} className="choice">
            <input
              type="checkbox"
              checked={recommended.includes(r.applicantId)}
              onChange={(e) =>
                update({
                  recommendedIds: e.target.checked
                    ? [...recommended, r.applicantId]
                    : recommended.filter((x) => x !== r.applicantId),
                })
              }
            />
            <span>
              {t('chair.candidate', {
                rank: r.rank ?? '—',
                name: nameOf(r.applicantId),
                score: r.final === null ? NO_VALID_SHEETS : t('chair.points', { n: fmt2(r.final) }),
                route:
                  pkg.applicants.find((a) => a.id === r.applicantId)?.technicalRoute.label ?? '',
              })}
            </span>
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          checked={choices.isHorseRace}
          onChange={(e) => update({ isHorseRace: e.target.checked })}
        />
        <span>{t('chair.race')}</span>
      </label>
      <details open>
        <summary>{t('chair.raceReasons')}</summary>
        <ul data-testid="race-reasons">
          {proposal.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
      {differsFromProposal(choices, proposal) && (
        <label className="block">
          <span>{t('chair.override')}</span>
          <textarea
            rows={2}
            value={choices.overrideReason}
            onChange={(e) => update({ overrideReason: e.target.value })}
          />
        </label>
      )}
      {choices.isHorseRace && (
        <label className="row">
          {t('chair.share')}
          <input
            className="short"
            value={choices.raceStageShare}
            onChange={(e) => update({ raceStageShare: e.target.value })}
          />
        </label>
      )}
      <div className="funding">
        {recommended.map((id) => (
          <label key={id} className="row">
            {t('chair.fundingOf', { name: nameOf(id) })}
            <input
              aria-label={t('chair.fundingLabel', { id })}
              className="amount"
              value={choices.funding[id] ?? ''}
              onChange={(e) =>
                update({ funding: { ...choices.funding, [id]: e.target.value.trim() } })
              }
            />
          </label>
        ))}
        <p data-testid="approved-total">
          {t('chair.total', { total: fmtMoney(decision.approvedTotal) })}
        </p>
      </div>
    </>
  );
}
