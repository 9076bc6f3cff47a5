/**
 * The meeting's paper on the chair's desk (issue 19): a button per form — every form
 * `jiebang print` prints (`FormKindSchema`), the 专家评审费签收表 with the fee the secretary types
 * for each expert (blank: written by hand) — each through the print path (Electron's dialog; the
 * web host downloads), and its verification code is shown.
 */
import { useState } from 'react';
import {
  FormKindSchema,
  readFee,
  sameFeeForAll,
  type FormInputs,
  type FormKind,
} from '../../../../src-shared/meeting';
import { api } from '../../bridge';
import { message, useT } from '../../i18n';
import { withProgress } from '../../stores/progress';
import { useSession } from '../../stores/session';
import { printMeetingForm } from '../../workflows/meeting';

const FORMS: readonly FormKind[] = FormKindSchema.options;

export function MeetingPrint({
  input,
  waiting = false,
}: {
  input: FormInputs;
  /** The figures are not stored yet (an import being saved): the forms wait. */
  waiting?: boolean;
}) {
  const t = useT();
  const host = useSession((s) => s.host);
  const [status, setStatus] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fee, setFee] = useState('');
  const print = (form: FormKind) => {
    const name = t(`meeting.form.${form}`);
    setError(null);
    const read = readFee(fee);
    if (form === 'fees' && !read.ok) {
      setError(read.message);
      return;
    }
    const fees = sameFeeForAll(input.pkg, read.ok ? read.value : null);
    withProgress(message('meeting.rendering', { form: name }), (task) =>
      printMeetingForm(api, host, form, form === 'fees' ? { ...input, fees } : input, task),
    )
      .then((r) => {
        const lines = [t('meeting.code', { form: name, code: r.code })];
        if (r.kind === 'saved') lines.unshift(t('meeting.saved', { name: r.name }));
        if (r.kind === 'printed') lines.unshift(t('meeting.printed', { form: name }));
        if (r.kind === 'canceled') lines.unshift(t('meeting.canceled', { form: name }));
        lines.push(...r.unprintable);
        setStatus(lines);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="card" data-testid="meeting-print">
      <h2>{t('meeting.heading')}</h2>
      <p className="note">{t('meeting.intro')}</p>
      <label className="row">
        {t('meeting.fee')}
        <input
          type="text"
          inputMode="decimal"
          value={fee}
          onChange={(e) => setFee(e.target.value)}
          placeholder={t('meeting.feePlaceholder')}
        />
      </label>
      <div className="row">
        {FORMS.map((form) => (
          <button key={form} type="button" disabled={waiting} onClick={() => print(form)}>
            {t('meeting.print', { form: t(`meeting.form.${form}`) })}
          </button>
        ))}
      </div>
      {status.map((line) => (
        <p key={line} role="status" className="mono">
          {line}
        </p>
      ))}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
