import {
  differsFromProposal,
  judgeShare,
  type DecisionChoices,
} from '../../../../src-shared/decision';
import { fmtMoney, parseMoneyInput } from '../../../../src-shared/money';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import { useT } from '../../i18n';
import type { Desk } from '../../workflows/desk';
import { Candidates } from './Candidates';

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
  const share = judgeShare(choices.raceStageShare);
  const nameOf = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  return (
    <>
      <Candidates
        pkg={pkg}
        agg={agg}
        recommended={recommended}
        onToggle={(id, on) =>
          update({
            recommendedIds: on ? [...recommended, id] : recommended.filter((x) => x !== id),
          })
        }
      />
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
        <>
          <label className="row">
            {t('chair.share')}
            <input
              className="short"
              aria-describedby={share.ok ? 'race-share-hint' : 'race-share-problem race-share-hint'}
              aria-invalid={!share.ok}
              value={choices.raceStageShare}
              onChange={(e) => update({ raceStageShare: e.target.value })}
            />
          </label>
          {/* Read and judged by the one share reader (30%, 0.3, full-width alike; above 0, below
              100%): what it read and why it fails is said here, a share so small it looks
              mistyped (0.3%) is warned of. */}
          {!share.ok && (
            <p
              id="race-share-problem"
              className="error"
              role="alert"
              data-testid="race-share-problem"
            >
              {share.message}
            </p>
          )}
          {share.ok && share.warning !== null && (
            <p className="warn" role="status" data-testid="race-share-warning">
              {share.warning}
            </p>
          )}
          <p id="race-share-hint" className="note" data-testid="race-share-hint">
            {t('chair.shareHint')}
          </p>
        </>
      )}
      <div className="funding">
        {recommended.map((id) => {
          // Read by the one money reader: what it refuses is said here, as typed (never as 0).
          const typed = choices.funding[id] ?? '';
          const read = parseMoneyInput(typed);
          // An amount that reads but the rule refuses (0 万元: 第十二条（五）) is said here too, as
          // the decision check says it; an empty field is left to the findings' 「未核定」.
          const ruled =
            read.ok && read.value !== null
              ? desk.findings.find(
                  (f) =>
                    f.rule === 'funding.perSolver' &&
                    f.path[0] === 'approvedFunding' &&
                    f.path[1] === id,
                )
              : undefined;
          const problem = !read.ok ? read.message : (ruled?.message ?? null);
          return (
            <label key={id} className="row">
              {t('chair.fundingOf', { name: nameOf(id) })}
              <input
                aria-label={t('chair.fundingLabel', { id })}
                aria-invalid={problem !== null}
                className="amount"
                value={choices.funding[id] ?? ''}
                onChange={(e) =>
                  update({ funding: { ...choices.funding, [id]: e.target.value.trim() } })
                }
              />
              {problem !== null && (
                <span className="error" role="alert" data-testid={`funding-problem-${id}`}>
                  {problem}
                </span>
              )}
            </label>
          );
        })}
        <p data-testid="approved-total">
          {t('chair.total', { total: fmtMoney(decision.approvedTotal) })}
        </p>
      </div>
    </>
  );
}
