/**
 * 核验打印件 for the meeting's forms (issue 19): the code read off a signed 签到表, 专家组意见… checked
 * against the review package and, for the filled forms, the chair's panel bundle — the same
 * comparison as `jiebang verify-print --package …` (src-shared/meeting/verify.ts).
 */
import { parseFormCode } from '../../../../src-shared/meeting';
import { message, useSay, useT } from '../../i18n';
import { usePrintCheck } from '../../stores/inspect';

export function FormPrintCheck() {
  const t = useT();
  const say = useSay();
  const { code, formKey, formVerdict, formProblem, setFormKey, chooseForm } = usePrintCheck();
  const printed = parseFormCode(code);
  return (
    <div className="card" data-testid="verify-form">
      <h2>{t('verify.form.heading')}</h2>
      <p className="note">{t('verify.form.lead')}</p>
      <label className="block">
        <span>{t('verify.form.key')}</span>
        <textarea
          rows={2}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          value={formKey}
          onChange={(e) => setFormKey(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="primary"
        disabled={!printed}
        onClick={() => void chooseForm(message('verify.form.choose'))}
      >
        {t('verify.form.choose')}
      </button>
      {formProblem && (
        <p role="alert" className="error">
          ✗ {say(formProblem)}
        </p>
      )}
      {formVerdict && (
        <p
          role="status"
          data-testid="verify-form-result"
          className={formVerdict.ok && formVerdict.match ? 'ok' : 'error'}
        >
          {formVerdict.line}
        </p>
      )}
    </div>
  );
}
