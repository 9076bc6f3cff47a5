import {
  approvedFundingRefusal,
  differsFromProposal,
  judgeShare,
  type DecisionChoices,
} from '../../../../src-shared/decision';
import { fmtMoney } from '../../../../src-shared/money';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import { AmountInput } from '../../components/AmountInput';
import { useT } from '../../i18n';
import { useChair } from '../../stores/chair';
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
  const hold = useChair((s) => s.hold);
  const heldText = useChair((s) => s.heldText);
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
        {recommended.map((id) => (
          <label key={id} className="row">
            {t('chair.fundingOf', { name: nameOf(id) })}
            {/* Read by the one money reader; an amount that reads but the rule refuses (0 万元:
                第十二条（五）, `approvedFundingRefusal`, the signing check's rule) is refused here as
                an amount that is none is: said at the field, not saved (the top bar: 未保存).
                An empty field is left to the findings' 「未核定」. */}
            <AmountInput
              label={t('chair.fundingLabel', { id })}
              value={choices.funding[id] ?? ''}
              onCommit={(amount) => update({ funding: { ...choices.funding, [id]: amount } })}
              refuse={(amount) => approvedFundingRefusal(pkg, id, amount)?.message ?? null}
              onHeld={(why, text) => hold(`funding-${id}`, why, text)}
              held={heldText(`funding-${id}`)}
              errorTestId={`funding-problem-${id}`}
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
