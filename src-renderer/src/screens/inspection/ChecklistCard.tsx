/**
 * The checklist of this visit: the date and site, a finding for each item (符合 / 基本符合 /
 * 不符合 / 未检查 / 不适用) with its note, other observations and the conclusion. Every edit is
 * shown at once and saved; the checks against the assignment are listed in the sign card.
 */
import { FINDING_LABEL, FINDINGS } from '../../../../src-shared/inspection';
import { InspectionFindingSchema, type InspectionReport } from '../../../../src-shared/model';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { useSay, useT } from '../../i18n';
import { useInspection } from '../../stores/inspection';
import { useLang } from '../../stores/ui';

type Row = InspectionReport['checklist'][number];

export function ChecklistCard({ report }: { report: InspectionReport }) {
  const t = useT();
  const say = useSay();
  const edit = useInspection((s) => s.edit);
  const dateRefused = useInspection((s) => s.dateRefused);
  const set = (patch: Partial<InspectionReport>) => edit({ ...report, ...patch });
  const setRow = (at: number, patch: Partial<Row>) =>
    set({ checklist: report.checklist.map((r, i) => (i === at ? { ...r, ...patch } : r)) });
  return (
    <div className="card" data-testid="inspection-checklist">
      <h2>{t('inspection.report', { id: report.reportId })}</h2>
      <div className="field-grid">
        <Field label={t('inspection.date')}>
          <DateInput
            label={t('inspection.date')}
            value={report.date}
            required
            refusal={dateRefused && say(dateRefused)}
            onCommit={(date) => set({ date })}
          />
        </Field>
        <Field label={t('inspection.site')}>
          <input value={report.site} onChange={(e) => set({ site: e.target.value })} />
        </Field>
      </div>
      <h3>{t('inspection.checklist')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('inspection.item')}</th>
            <th scope="col">{t('inspection.finding')}</th>
            <th scope="col">{t('inspection.note')}</th>
          </tr>
        </thead>
        <tbody>
          {report.checklist.map((row, i) => (
            <ChecklistRow key={i} n={i + 1} row={row} onChange={(p) => setRow(i, p)} />
          ))}
        </tbody>
      </table>
      <Field label={t('inspection.notes')} wide>
        <textarea value={report.notes} rows={3} onChange={(e) => set({ notes: e.target.value })} />
      </Field>
      <Field label={t('inspection.conclusion')} wide>
        <textarea
          value={report.conclusion}
          rows={3}
          onChange={(e) => set({ conclusion: e.target.value })}
        />
      </Field>
    </div>
  );
}

function ChecklistRow({
  n,
  row,
  onChange,
}: {
  n: number;
  row: Row;
  onChange: (patch: Partial<Row>) => void;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <tr>
      <th scope="row">{t('inspection.itemLabel', { n, item: row.item })}</th>
      <td>
        <select
          aria-label={t('inspection.itemLabel', { n, item: row.item })}
          value={row.result}
          onChange={(e) => {
            const result = InspectionFindingSchema.safeParse(e.target.value);
            if (result.success) onChange({ result: result.data });
          }}
        >
          {FINDINGS.map((f) => (
            <option key={f} value={f}>
              {FINDING_LABEL[f][lang]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <textarea
          aria-label={t('inspection.noteOf', { n })}
          rows={1}
          value={row.note}
          onChange={(e) => onChange({ note: e.target.value })}
        />
      </td>
    </tr>
  );
}
