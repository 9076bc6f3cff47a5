/**
 * Before the bundle leaves: the checks against the assignment, the report PDF previewed as it
 * will be printed, then every member types their own passphrase and the team signs together;
 * the bundle is encrypted to the bureau and offered to save.
 */
import { useRef, useState } from 'react';
import type { InspectionReport } from '../../../../src-shared/model';
import { hasBlocking } from '../../../../src-shared/rules';
import { Field } from '../../components/Field';
import { FindingsList } from '../../components/FindingsList';
import { PdfViewer } from '../../components/PdfViewer';
import { useSay, useT } from '../../i18n';
import { useInspection } from '../../stores/inspection';

export function SignCard({ report, to }: { report: InspectionReport; to: string }) {
  const t = useT();
  const say = useSay();
  const findings = useInspection((s) => s.findings);
  const unsaved = useInspection((s) => s.unsaved);
  const preview = useInspection((s) => s.preview);
  const previewPdf = useInspection((s) => s.previewPdf);
  const sign = useInspection((s) => s.sign);
  const refused = useInspection((s) => s.passphraseRefused);
  const [passphrases, setPassphrases] = useState<Record<string, string>>({});
  const fields = useRef(new Map<string, HTMLInputElement>());
  const ready =
    unsaved === null &&
    !hasBlocking(findings) &&
    report.inspectors.every((m) => (passphrases[m.id] ?? '') !== '');
  return (
    <div className="card" data-testid="inspection-sign">
      <h2>{t('inspection.sign')}</h2>
      {(findings.length > 0 || unsaved) && <h3>{t('inspection.problems')}</h3>}
      {unsaved && (
        <p className="error" role="alert" data-testid="inspection-unsaved">
          {t('inspection.unsaved', { why: say(unsaved) })}
        </p>
      )}
      {findings.length > 0 && <FindingsList findings={findings} testId="inspection-findings" />}
      <button type="button" disabled={unsaved !== null} onClick={() => void previewPdf()}>
        {t('inspection.preview')}
      </button>
      {preview && (
        <>
          {preview.unprintable.map((line) => (
            <p key={line} className="warn" data-testid="inspection-unprintable">
              {line}
            </p>
          ))}
          <PdfViewer bytes={preview.bytes} name={`${report.reportId}.pdf`} initialZoom={0.75} />
        </>
      )}
      <p className="note">{t('inspection.signIntro', { to })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          void sign(passphrases).then((signed) => {
            if (signed) return setPassphrases({});
            // A member's passphrase refused: only theirs is cleared (the others stay typed), and
            // the keyboard goes to it, the reason beside it.
            const wrong = useInspection.getState().passphraseRefused?.member;
            if (wrong === undefined) return;
            setPassphrases((typed) => ({ ...typed, [wrong]: '' }));
            fields.current.get(wrong)?.focus();
          });
        }}
      >
        {report.inspectors.map((m) => {
          const why = refused?.member === m.id ? refused.why : null;
          const errorId = `inspection-passphrase-error-${m.id}`;
          return (
            <div key={m.id}>
              <Field label={t('inspection.signPassphrase', { name: m.name, id: m.id })}>
                <input
                  ref={(el) => {
                    if (el) fields.current.set(m.id, el);
                    else fields.current.delete(m.id);
                  }}
                  type="password"
                  autoComplete="off"
                  value={passphrases[m.id] ?? ''}
                  aria-invalid={why !== null}
                  aria-describedby={why ? errorId : undefined}
                  onChange={(e) => setPassphrases({ ...passphrases, [m.id]: e.target.value })}
                />
              </Field>
              {why && (
                <p className="error" role="alert" id={errorId} data-testid="passphrase-refused">
                  {say(why)}
                </p>
              )}
            </div>
          );
        })}
        <button type="submit" disabled={!ready}>
          {t('inspection.signAll')}
        </button>
      </form>
    </div>
  );
}
