import { useState } from 'react';
import { SHEET_TEXT_MAX, type ApplicantScore, type Rubric } from '../../../../src-shared/model';
import { criterionIssues, readTypedPoints, type SheetEdit } from '../../../../src-shared/scoring';
import { PointsInput } from '../../components/PointsInput';
import { TextInput } from '../../components/TextInput';
import { useT } from '../../i18n';

type Criterion = Rubric['criteria'][number];

/** One criterion of the rubric: points (keyboard first), its guidance bands, a comment. */
export function CriterionField({
  criterion: c,
  score,
  rubric,
  onEdit,
  onRefused,
}: {
  criterion: Criterion;
  score: ApplicantScore;
  rubric: Rubric;
  onEdit: (edit: SheetEdit) => void;
  /** The points field shows text the reader refused (its sentence), or (null) no longer. */
  onRefused: (why: string | null, text: string) => void;
}) {
  const t = useT();
  const entry = score.criteria.find((x) => x.criterionId === c.id);
  // The points field shows text its reader refused: the value saved before is not what is shown,
  // so what the sheet's check says of that value (off-step, out of range, or a comment it would
  // need: 「得分低于满分的 60%」 of the 1 saved before 1e1) is not said — only the field's own
  // sentence about what is shown, and a comment the criterion always requires.
  const [refused, setRefused] = useState(false);
  const issues = (
    entry ? criterionIssues(score.applicantId, c, entry.points, entry.comment, rubric) : []
  ).filter(
    (i) => !(refused && (i.field === 'points' || (i.field === 'comment' && !c.requiresComment))),
  );
  const label = t('review.points', { name: c.name, max: c.maxPoints });
  const target = { applicantId: score.applicantId, criterionId: c.id };
  return (
    <div className="criterion">
      <label>
        <span aria-hidden="true">{label}</span>
        <PointsInput
          label={label}
          value={entry?.points}
          step={c.step}
          max={c.maxPoints}
          invalid={issues.some((i) => i.field === 'points')}
          read={(typed) => readTypedPoints(c, typed)}
          onCommit={(points) => onEdit({ type: 'points', ...target, points })}
          onHeld={(why, text) => {
            setRefused(why !== null);
            onRefused(why, text);
          }}
        />
      </label>
      <ul className="bands note">
        {c.guidanceBands.map((b) => (
          <li key={b.label}>{t('review.band', { min: b.min, max: b.max, label: b.label })}</li>
        ))}
      </ul>
      <TextInput
        label={t('review.comment', { name: c.name })}
        hideLabel
        rows={2}
        maxLength={SHEET_TEXT_MAX.comment}
        value={entry?.comment ?? ''}
        onCommit={(comment) => onEdit({ type: 'comment', ...target, comment })}
      />
      {issues.map((i) => (
        <p key={i.field} className="error" role="alert">
          {i.message}
        </p>
      ))}
    </div>
  );
}
