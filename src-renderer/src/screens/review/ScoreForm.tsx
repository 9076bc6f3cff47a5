import { useState } from 'react';
import { fmt2 } from '../../../../src-shared/money';
import {
  SHEET_TEXT_MAX,
  type ApplicantScore,
  type ReviewPackage,
} from '../../../../src-shared/model';
import {
  countedTotal,
  maxTotal,
  needsScoreReason,
  suggestedFundingFindings,
  type SheetEdit,
} from '../../../../src-shared/scoring';
import { AmountInput } from '../../components/AmountInput';
import { TextInput } from '../../components/TextInput';
import { listParam, useT } from '../../i18n';
import { useReview } from '../../stores/review';
import { CriterionField } from './CriterionField';

/** The applicant's score: every criterion, the total, a reason under the pass score, opinion. */
export function ScoreForm({
  pkg,
  score,
  locked,
  onEdit,
  onHeld,
}: {
  pkg: ReviewPackage;
  score: ApplicantScore;
  locked: boolean;
  onEdit: (edit: SheetEdit) => void;
  /** A field shows text the sheet does not hold (its sentence), or (null) no longer. */
  onHeld: (field: string, why: string | null, text?: string) => void;
}) {
  const t = useT();
  const heldText = useReview((s) => s.heldText);
  const applicantId = score.applicantId;
  // Points fields showing text the reader refused: their earlier value is left out of the total.
  const [refused, setRefused] = useState<Readonly<Record<string, string>>>({});
  // 建议经费 shows text not saved (unreadable, or an amount the measures refuse): the findings
  // below, about the amount saved before, are not what is shown and are not said.
  const [fundingHeld, setFundingHeld] = useState(() => heldText(`funding-${applicantId}`) !== null);
  const { total, notCounted } = countedTotal(score, pkg.rubric, refused);
  const refuse = (criterionId: string, why: string | null, text: string) => {
    setRefused(({ [criterionId]: _was, ...rest }) =>
      why === null ? rest : { ...rest, [criterionId]: why },
    );
    const name = pkg.rubric.criteria.find((c) => c.id === criterionId)?.name ?? criterionId;
    onHeld(
      `points-${applicantId}-${criterionId}`,
      why === null ? null : t('common.labelled', { label: name, text: why }),
      text,
    );
  };
  return (
    <fieldset className="score-form" disabled={locked}>
      {pkg.rubric.criteria.map((c) => (
        <CriterionField
          key={c.id}
          criterion={c}
          score={score}
          rubric={pkg.rubric}
          onEdit={onEdit}
          onRefused={(why, text) => refuse(c.id, why, text)}
        />
      ))}
      <p className="total" data-testid="sheet-total">
        {t('review.total', { total: fmt2(total), max: fmt2(maxTotal(pkg.rubric)) })}
      </p>
      {notCounted.length > 0 && (
        <p className="note" data-testid="sheet-total-pending">
          {t('review.totalPending', {
            list: listParam(
              notCounted.map((n) =>
                t(n.problem === null ? 'review.notScored' : 'review.notValid', { name: n.name }),
              ),
            ),
          })}
        </p>
      )}
      {needsScoreReason(score, pkg) && (
        <TextInput
          label={t('review.deviationReason')}
          rows={2}
          maxLength={SHEET_TEXT_MAX.deviationReason}
          value={score.deviationReason ?? ''}
          onCommit={(text) => onEdit({ type: 'deviation-reason', applicantId, text })}
        />
      )}
      <TextInput
        label={t('review.opinion')}
        rows={3}
        maxLength={SHEET_TEXT_MAX.overallOpinion}
        value={score.overallOpinion}
        onCommit={(text) => onEdit({ type: 'opinion', applicantId, text })}
      />
      <label className="block">
        <span>{t('review.funding')}</span>
        <AmountInput
          label={t('review.funding')}
          value={score.suggestedFunding ?? ''}
          onCommit={(amount) => onEdit({ type: 'suggested-funding', applicantId, amount })}
          // An amount the measures refuse (0, over a cap: 第十二条（五）, 第十三条), as the sheet's
          // check says it, is not saved: held at the field with that sentence, as unreadable text is.
          refuse={(amount) =>
            suggestedFundingFindings({ ...score, suggestedFunding: amount }, pkg).find(
              (f) => f.severity === 'blocking',
            )?.message ?? null
          }
          // A refused amount is 未保存 (the top bar; leaving asks), as the task book's amounts are.
          onHeld={(why, text) => {
            setFundingHeld(why !== null);
            onHeld(`funding-${applicantId}`, why, text);
          }}
          held={heldText(`funding-${applicantId}`)}
        />
      </label>
      {/* The measures' warnings on the amount saved (a blocking one is refused at the field). */}
      {(fundingHeld ? [] : suggestedFundingFindings(score, pkg)).map((f) => (
        <p
          key={f.rule}
          className={f.severity === 'blocking' ? 'error' : 'warn'}
          role={f.severity === 'blocking' ? 'alert' : 'status'}
        >
          {f.message}
        </p>
      ))}
    </fieldset>
  );
}
