/**
 * 核验打印件: the code printed on a task book (or its QR code's text) against a task-book bundle
 * (verified first: signature, checksums) or its JSON — the screen twin of `jiebang verify-print`;
 * a meeting form's code against the package and the panel result (FormPrintCheck).
 */
// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/taskbook';
import '../../i18n/meeting';
import '../../i18n/bundles';
import { ROLE_LABEL } from '../../../../src-shared/bundle';
import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import { parseFormCode } from '../../../../src-shared/meeting';
import { parsePrintedCode } from '../../../../src-shared/taskbook';
import { printedCodeRefusal } from '../../../../src-shared/text/normalize';
import { message, useSay, useT } from '../../i18n';
import { usePrintCheck } from '../../stores/inspect';
import { FormPrintCheck } from './FormPrintCheck';

export function VerifyPrintScreen() {
  const t = useT();
  const say = useSay();
  const { code, verdict, setCode, choose } = usePrintCheck();
  const printed = parsePrintedCode(code);
  // A task book's code or a meeting form's (jiebang:form:…): either is accepted here.
  const known = printed !== null || parseFormCode(code) !== null;
  return (
    <section className="screen">
      <h1>{t('verify.heading')}</h1>
      <p className="lead">{t('verify.lead')}</p>
      <div className="card">
        <label className="block">
          <span>{t('verify.code')}</span>
          <textarea
            rows={2}
            className="mono"
            value={code}
            aria-invalid={code.trim() !== '' && !known}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        {code.trim() !== '' && !known && (
          <p className="error">
            {printedCodeRefusal(code, 'jiebang:taskbook:…', 'jiebang:form:…')}
          </p>
        )}
        <button
          type="button"
          className="primary"
          disabled={!printed}
          onClick={() => void choose(message('verify.choose'))}
        >
          {t('verify.choose')}
        </button>
      </div>
      {verdict && !verdict.ok && (
        <p role="alert" className="error">
          ✗ {say(verdict.reason)}
        </p>
      )}
      {verdict?.ok && (
        <div className="card" data-testid="verify-result">
          {verdict.check.match ? (
            <p className="ok" role="status">
              {t('verify.match', {
                id: verdict.check.taskBookId,
                status: t(`taskbook.status.${verdict.check.status}`),
              })}
            </p>
          ) : (
            <>
              <p className="error" role="status">
                {t('verify.noMatch', { reason: verdict.check.reason })}
              </p>
              <p className="note">{t('verify.expected', { id: verdict.check.taskBookId })}</p>
              <p className="mono">{verdict.check.expected}</p>
            </>
          )}
          <p className="note">
            {verdict.file}
            {verdict.signer
              ? t('verify.signer', {
                  name: verdict.signer.name,
                  role: ROLE_LABEL[verdict.signer.role],
                  fp: formatFingerprint(verdict.signer.fingerprint),
                })
              : ''}
          </p>
        </div>
      )}
      <FormPrintCheck />
    </section>
  );
}
