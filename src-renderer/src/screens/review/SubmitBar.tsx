import { useRef, useState } from 'react';
import type { ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import { validateSheet } from '../../../../src-shared/scoring';
import { NoticeLine } from '../../components/NoticeLine';
import { message, useSay, useT } from '../../i18n';
import { useReview } from '../../stores/review';
import { afterPaint } from '../../frames';

/**
 * Submit (after every issue is resolved), then sign and export the sheet bundle, and print the
 * paper sheet for the wet signature; what each did is said here, failures as alerts.
 */
export function SubmitBar({
  pkg,
  sheet,
  onGoTo,
}: {
  pkg: ReviewPackage;
  sheet: ScoreSheet;
  onGoTo: (applicantId: string) => void;
}) {
  const t = useT();
  const say = useSay();
  const {
    enrolment,
    notice,
    unsaved,
    panelSigned,
    submit,
    reopen,
    exportSheet,
    saveAgain,
    paperSheet,
  } = useReview();
  const [reviewing, setReviewing] = useState(false);
  const submitButton = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  /** Closes the confirmation; the keyboard's focus goes back to 提交 once it is there again. */
  const close = () => {
    setReviewing(false);
    afterPaint(() => submitButton.current?.focus());
  };
  const issues = validateSheet(sheet, pkg);
  const exported = enrolment?.exportedAt !== undefined;
  return (
    <div className="card submit-bar">
      {sheet.status === 'draft' && panelSigned && (
        // The chair's own sheet, the panel result signed: it no longer joins (第十二条（六）).
        <p className="note" role="status" data-testid="submit-closed">
          {say(panelSigned)}
        </p>
      )}
      {sheet.status === 'draft' && !panelSigned && !reviewing && (
        <button
          ref={submitButton}
          type="button"
          className="primary"
          onClick={() => {
            setReviewing(true);
            // The keyboard goes to the bar's first choice: Enter confirms, Escape closes.
            afterPaint(() => firstChoice.current?.focus());
          }}
        >
          {t('review.submit')}
        </button>
      )}
      {sheet.status === 'draft' && !panelSigned && reviewing && (
        // The confirmation (or what stops it) closes with 返回修改 or Escape, back to 提交.
        <div
          data-testid="submit-confirm"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            close();
          }}
        >
          {issues.length > 0 && (
            <div role="alert">
              <p className="error">{t('review.issues')}</p>
              <ul data-testid="submit-issues">
                {issues.map((i, k) => (
                  <li key={k}>
                    <button type="button" className="link" onClick={() => onGoTo(i.applicantId)}>
                      {i.applicantId}
                    </button>{' '}
                    {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="row">
            {issues.length === 0 && (
              <button
                type="button"
                className="primary"
                ref={firstChoice}
                onClick={() => void submit().then((done) => done && setReviewing(false))}
              >
                {t('review.confirmSubmit')}
              </button>
            )}
            <button type="button" ref={issues.length > 0 ? firstChoice : undefined} onClick={close}>
              {t('review.backToEdit')}
            </button>
          </div>
        </div>
      )}
      {sheet.status === 'submitted' && (
        <p className="ok" role="status">
          {t('review.submitted')}
        </p>
      )}
      {sheet.status === 'submitted' && !exported && (
        <div className="row">
          <button type="button" className="primary" onClick={() => void exportSheet()}>
            {t('review.export')}
          </button>
          <button type="button" onClick={() => void reopen()}>
            {t('review.reopen')}
          </button>
        </div>
      )}
      {exported && <p className="note">{t('review.exportedLocked')}</p>}
      {exported && (
        // The signed file is kept (meta.exportedBundle): saved again byte for byte, after a
        // cancelled save as after a reload, like the chair's panel file.
        <button type="button" onClick={() => void saveAgain()}>
          {t(unsaved ? 'export.saveAgain' : 'review.saveSignedAgain')}
        </button>
      )}
      {sheet.status === 'submitted' && enrolment && (
        <button
          type="button"
          onClick={() =>
            void paperSheet(
              t('review.paperFile', { packageId: pkg.packageId, expertId: enrolment.expertId }),
              message('review.paper'),
            )
          }
        >
          {t('review.paper')}
        </button>
      )}
      <NoticeLine notice={notice} testId="review-notice" />
    </div>
  );
}
