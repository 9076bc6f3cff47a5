import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import { ChecksList } from '../../components/ChecksList';
import { message, useSay, useT } from '../../i18n';
import { useReview } from '../../stores/review';

/** The bureau's review package: verified step by step, imported once the fingerprint is compared. */
export function ImportPanel() {
  const t = useT();
  const say = useSay();
  const { checks, candidate, importProblem, openPackage, openSample, confirmImport } = useReview();
  return (
    <div className="card">
      <h2>{t('review.import.heading')}</h2>
      <p className="note">{t('review.import.help')}</p>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => void openPackage(message('review.import.open'))}
        >
          {t('review.import.open')}
        </button>
        <button type="button" onClick={() => void openSample()}>
          {t('review.import.sample')}
        </button>
      </div>
      {checks.length > 0 && (
        <ChecksList
          checks={checks}
          testId="import-checks"
          {...(importProblem ? { saidBelow: say(importProblem) } : {})}
        />
      )}
      {importProblem && (
        <p role="alert" className="error">
          {say(importProblem)}
        </p>
      )}
      {candidate && (
        <>
          <p>
            <strong>{candidate.document.title}</strong>
          </p>
          <p className="fingerprint mono" data-testid="bureau-fingerprint">
            {t('review.import.fingerprint', {
              fp: formatFingerprint(candidate.manifest.signers[0].fingerprint),
            })}
          </p>
          <button type="button" className="primary" onClick={() => void confirmImport()}>
            {t('review.import.confirm')}
          </button>
        </>
      )}
    </div>
  );
}
