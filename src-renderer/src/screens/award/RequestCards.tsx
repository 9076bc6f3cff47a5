/**
 * The solver's requests, each signed by its author (揭榜方): a change (第十八条; the parties never
 * change, 第十七条) and an extension (第十九条: once, at most a year, at least 30 calendar days
 * before the end).
 */
import { FIELD_LABELS } from '../../../../src-shared/model/labels';
import { formatDateZh } from '../../../../src-shared/text/date';
import { DateInput } from '../../components/DateInput';
import { useState } from 'react';
import { checkAwardDocument, ProjectFormSchema } from '../../../../src-shared/award';
import { ChangeRequestSchema, type TaskBook } from '../../../../src-shared/model';
import { useT } from '../../i18n';
import { useAward } from '../../stores/award';
import { parseForm } from './issues';
import { Field, FindingsList, SignBar, today, useOnTimeline, useShownIssues } from './parts';

const KINDS = ChangeRequestSchema.shape.kind.options;
type Kind = (typeof KINDS)[number];

function useFormCount(form: string): number {
  return useAward(
    (s) =>
      s.awards.filter((a) => a.document.type === 'form' && a.document.doc.form === form).length,
  );
}

export function ChangeCard({ tb }: { tb: TaskBook }) {
  const t = useT();
  const onTimeline = useOnTimeline();
  const n = useFormCount('change');
  const [kind, setKind] = useState<Kind>('unit-name');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [requestedOn, setRequestedOn] = useState(today());
  const [approvedOn, setApprovedOn] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const parsed = parseForm(
    ProjectFormSchema,
    {
      formatVersion: 1,
      formId: `CHG-${n + 1}`,
      taskBookId: tb.taskBookId,
      form: 'change',
      kind,
      requestedOn,
      from,
      to,
      reason,
      ...(approvedOn ? { approved: true, approvedOn } : {}),
      ...(effectiveOn ? { effectiveOn } : {}),
    },
    FIELD_LABELS['project-form'],
  );
  const issues = useShownIssues(parsed);
  const document = parsed.ok ? { type: 'form' as const, doc: parsed.value } : null;
  const findings = document ? checkAwardDocument(document, tb, undefined, onTimeline) : [];
  return (
    <div className="card" data-testid="award-change" {...issues.card}>
      <h2>{t('award.change')}</h2>
      <Field label={t('award.changeKind')} path="kind">
        <select
          value={kind}
          onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'unit-name')}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`award.change.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('award.from')} path="from">
        <input value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field label={t('award.to')} path="to">
        <input value={to} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <Field label={t('award.reason')} path="reason">
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Field label={t('award.requestedOn')} path="requestedOn">
        <DateInput label={t('award.requestedOn')} value={requestedOn} onCommit={setRequestedOn} />
      </Field>
      <Field label={t('award.approvedOn')} path="approvedOn">
        <DateInput label={t('award.approvedOn')} value={approvedOn} onCommit={setApprovedOn} />
      </Field>
      <Field label={t('award.effectiveOn')} path="effectiveOn">
        <DateInput label={t('award.effectiveOn')} value={effectiveOn} onCommit={setEffectiveOn} />
      </Field>
      <FindingsList findings={findings} issues={issues.shown} hidden={issues.hidden} />
      <SignBar
        need={['solver']}
        document={document}
        findings={findings}
        onAttempt={issues.attempt}
        testId="sign-change"
      />
    </div>
  );
}

export function ExtensionCard({ tb, periodEnd }: { tb: TaskBook; periodEnd: string }) {
  const t = useT();
  const onTimeline = useOnTimeline();
  const n = useFormCount('extension');
  const previous = useAward(
    (s) =>
      s.awards.filter(
        (a) =>
          a.document.type === 'form' &&
          a.document.doc.form === 'extension' &&
          a.document.doc.approvedOn !== undefined,
      ).length,
  );
  const [requestedOn, setRequestedOn] = useState(today());
  const [newEnd, setNewEnd] = useState('');
  const [reason, setReason] = useState('');
  const [objectiveCause, setObjectiveCause] = useState(true);
  const [approvedOn, setApprovedOn] = useState('');
  const parsed = parseForm(
    ProjectFormSchema,
    {
      formatVersion: 1,
      formId: `EXT-${n + 1}`,
      taskBookId: tb.taskBookId,
      form: 'extension',
      requestedOn,
      currentEnd: periodEnd,
      newEnd,
      reason,
      objectiveCause,
      previousExtensions: previous,
      ...(approvedOn ? { approvedOn } : {}),
    },
    FIELD_LABELS['project-form'],
  );
  const issues = useShownIssues(parsed);
  const document = parsed.ok ? { type: 'form' as const, doc: parsed.value } : null;
  const findings = document ? checkAwardDocument(document, tb, periodEnd, onTimeline) : [];
  return (
    <div className="card" data-testid="award-extension" {...issues.card}>
      <h2>{t('award.extension')}</h2>
      <p>
        {[
          t('common.labelled', { label: t('award.currentEnd'), text: formatDateZh(periodEnd) }),
          t('common.labelled', { label: t('award.previousExtensions'), text: String(previous) }),
        ].join(t('common.clauseSep'))}
      </p>
      <Field label={t('award.requestedOn')} path="requestedOn">
        <DateInput label={t('award.requestedOn')} value={requestedOn} onCommit={setRequestedOn} />
      </Field>
      <Field label={t('award.newEnd')} path="newEnd">
        <DateInput label={t('award.newEnd')} value={newEnd} onCommit={setNewEnd} />
      </Field>
      <Field label={t('award.reason')} path="reason">
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <label className="inline" data-field="objectiveCause">
        <input
          type="checkbox"
          checked={objectiveCause}
          onChange={(e) => setObjectiveCause(e.target.checked)}
        />
        {t('award.objectiveCause')}
      </label>
      <Field label={t('award.approvedOn')} path="approvedOn">
        <DateInput label={t('award.approvedOn')} value={approvedOn} onCommit={setApprovedOn} />
      </Field>
      <FindingsList findings={findings} issues={issues.shown} hidden={issues.hidden} />
      <SignBar
        need={['solver']}
        document={document}
        findings={findings}
        periodEnd={periodEnd}
        onAttempt={issues.attempt}
        testId="sign-extension"
      />
    </div>
  );
}
