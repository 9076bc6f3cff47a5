import { fmtMoney } from '../../../../src-shared/money';
import { RECUSAL_LABEL, type ReviewPackage, type ScoreSheet } from '../../../../src-shared/model';
import { scoreOf, type SheetEdit } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';
import { RecusalForm } from './RecusalForm';
import { ScoreForm } from './ScoreForm';

/** One applicant on the sheet: who, the route and funds asked, then the score or the recusal. */
export function SheetPanel({
  pkg,
  sheet,
  applicantId,
  onEdit,
  onHeld,
}: {
  pkg: ReviewPackage;
  sheet: ScoreSheet;
  applicantId: string;
  onEdit: (edit: SheetEdit) => void;
  onHeld: (field: string, why: string | null, text?: string) => void;
}) {
  const t = useT();
  const applicant = pkg.applicants.find((a) => a.id === applicantId);
  if (!applicant) return null;
  const score = scoreOf(sheet, applicantId);
  const locked = sheet.status !== 'draft';
  return (
    <div className="sheet">
      <h2>
        {applicant.id} {applicant.name}
      </h2>
      <p className="note">
        {t('review.route', { route: applicant.technicalRoute.label })} ·{' '}
        {t('review.requested', { amount: fmtMoney(applicant.requestedFunding) })}
      </p>
      {score.recusal ? (
        <div className="card">
          <p className="warn">{t('review.recused')}</p>
          <p>
            {t('review.recusalShown', {
              kind: RECUSAL_LABEL[score.recusal.kind],
              reason: score.recusal.reason,
            })}
          </p>
          {!locked && (
            <button type="button" onClick={() => onEdit({ type: 'withdraw-recusal', applicantId })}>
              {t('review.recusal.cancel')}
            </button>
          )}
        </div>
      ) : (
        <>
          {!locked && (
            <RecusalForm
              onRecuse={(kind, reason) => onEdit({ type: 'recuse', applicantId, kind, reason })}
            />
          )}
          <ScoreForm pkg={pkg} score={score} locked={locked} onEdit={onEdit} onHeld={onHeld} />
        </>
      )}
    </div>
  );
}
