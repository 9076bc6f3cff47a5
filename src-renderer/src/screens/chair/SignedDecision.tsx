import { checkDecidedAfterReview, formatShare } from '../../../../src-shared/decision';
import { fmtMoney } from '../../../../src-shared/money';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import { formatDateTimeZh } from '../../../../src-shared/text/date';
import { NoticeLine } from '../../components/NoticeLine';
import { useT } from '../../i18n';
import { useChair } from '../../stores/chair';
import { RaceSelection } from './RaceSelection';
import { Signatures } from './Signatures';

/**
 * The panel result as signed on this device (第十二条（五）): read-only, with its date; signing is
 * not offered again (workflows/chair.ts refuses it), the file as exported can be saved again.
 */
export function SignedDecision({ pkg, decision }: { pkg: ReviewPackage; decision: PanelDecision }) {
  const t = useT();
  const { notice, unsaved, signed, saveAgain } = useChair();
  const sep = t('common.listSep');
  const applicant = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  const expert = (id: string) => `${id} ${pkg.panel.experts.find((e) => e.id === id)?.name ?? ''}`;
  const race = decision.horseRace;
  const recorded = [
    ...decision.absences.map((a) =>
      t('chair.recordedAbsence', { expert: expert(a.expertId), reason: a.reason }),
    ),
    ...decision.tieBreaks.map((b) =>
      t('chair.recordedTie', { order: b.order.join(' > '), reason: b.reason }),
    ),
    ...decision.deviationReasons.map((d) =>
      t('chair.recordedDeviation', {
        expert: d.expertId,
        applicant: d.applicantId,
        reason: d.reason,
      }),
    ),
    ...(decision.belowMinValidSheetsReason
      ? [t('chair.recordedBelowMin', { reason: decision.belowMinValidSheetsReason })]
      : []),
  ];
  return (
    <div className="card decide" data-testid="signed-decision">
      <h2>{t('chair.signedHeading')}</h2>
      <p className="ok" data-testid="signed-at">
        {t('chair.signedAt', {
          date: formatDateTimeZh(decision.decidedAt),
          chair: expert(decision.chairExpertId),
        })}
      </p>
      {/* Signed before the review date: said here too, as the checks before signing said it. */}
      {checkDecidedAfterReview(decision, pkg).map((f) => (
        <p key={f.rule} className="warn" data-testid="signed-warning">
          ! {f.message}
        </p>
      ))}
      <p className="note">{t('chair.signedFinal')}</p>
      <h3>{t('chair.recommended')}</h3>
      <ul data-testid="signed-funding">
        {decision.approvedFunding.map((f) => (
          <li key={f.applicantId}>
            {t('chair.signedFunding', {
              id: f.applicantId,
              name: applicant(f.applicantId),
              amount: fmtMoney(f.amount),
            })}
          </li>
        ))}
      </ul>
      <p data-testid="approved-total">
        {t('chair.total', { total: fmtMoney(decision.approvedTotal) })}
      </p>
      <p>
        {race
          ? t('chair.signedRace', {
              ids: race.solverIds.join(sep),
              share: formatShare(race.raceStageShare),
            })
          : t('chair.signedNoRace')}
      </p>
      {race?.overrideReason && <p>{t('chair.signedOverride', { reason: race.overrideReason })}</p>}
      <h3>{t('chair.opinion')}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="signed-opinion">
        {decision.opinion}
      </p>
      {recorded.length > 0 && (
        <>
          <h3>{t('chair.recorded')}</h3>
          <ul>
            {recorded.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('chair.dissent')}</h3>
      {decision.dissent.length === 0 ? (
        <p>{t('chair.noDissent')}</p>
      ) : (
        <ul>
          {decision.dissent.map((d, i) => (
            <li key={i}>
              {t('chair.dissentLine', { expert: expert(d.expertId), reason: d.reason })}
            </li>
          ))}
        </ul>
      )}
      {(unsaved ?? signed?.file) && (
        <div className="row">
          <button type="button" onClick={() => void saveAgain()}>
            {t('chair.saveSignedAgain')}
          </button>
        </div>
      )}
      <NoticeLine notice={notice} testId="chair-notice" />
      {race && <RaceSelection solverIds={race.solverIds} />}
      <Signatures pkg={pkg} decision={decision} />
    </div>
  );
}
