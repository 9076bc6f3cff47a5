/**
 * 里程碑考核 (第十二条（八）3, 第十四条): per milestone, each indicator's target and result, evidence,
 * pass/fail per indicator and overall, the effect on the tranche; signed by the assessors, the
 * 发榜方's technical manager and the bureau.
 */
import { FIELD_LABELS } from '../../../../src-shared/model/labels';
import { DateInput } from '../../components/DateInput';
import { useState } from 'react';
import {
  checkAwardDocument,
  MilestoneAssessmentFormSchema,
  type IndicatorResult,
  type TrancheEffect,
} from '../../../../src-shared/award';
import { sha256Hex } from '../../../../src-shared/crypto/keys';
import type { TaskBook } from '../../../../src-shared/model';
import { dayParam, useT } from '../../i18n';
import { INDICATOR_SEPARATOR } from '../../i18n/award';
import { useAward } from '../../stores/award';
import { EvidenceFiles, type Evidence } from './EvidenceFiles';
import { fieldKey, parseForm } from './issues';
import {
  Field,
  FindingsList,
  moneyOf,
  SignBar,
  today,
  useOnTimeline,
  useShownIssues,
} from './parts';

/** 「出水含油量 ≤ 5 mg/L」 or 「名称：目标」 as an indicator and its target. */
function rowOf(text: string): IndicatorResult {
  const [name, ...rest] = text.split(INDICATOR_SEPARATOR);
  return rest.length > 0
    ? { indicator: name ?? text, target: rest.join(INDICATOR_SEPARATOR), result: '', passed: false }
    : { indicator: text, target: text, result: '', passed: false };
}

const EFFECTS: readonly TrancheEffect[] = ['released', 'held', 'reduced'];

/** The evidence a re-opened assessment registered, with the bytes kept on the device. */
function keptEvidence(kept: Kept | null): Evidence[] {
  if (!kept) return [];
  return kept.doc.evidence.flatMap((e) => {
    const bytes = kept.files.get(e.path);
    return bytes ? [{ name: e.name, path: e.path, bytes }] : [];
  });
}

type Kept = NonNullable<ReturnType<typeof useAward.getState>['reopened']>;

/**
 * A new assessment, or `kept`: a signed one re-opened with its evidence (the store's `reopened`),
 * amended and signed again under its own id.
 */
export function AssessmentCard({ tb, kept = null }: { tb: TaskBook; kept?: Kept | null }) {
  const t = useT();
  const onTimeline = useOnTimeline();
  const signers = useAward((s) => s.signers);
  const done = useAward((s) => s.awards.filter((a) => a.document.type === 'assessment').length);
  const [milestoneId, setMilestoneId] = useState(
    kept?.doc.milestoneId ?? tb.milestones[0]?.id ?? '',
  );
  const milestone = tb.milestones.find((m) => m.id === milestoneId);
  const [rows, setRows] = useState<IndicatorResult[]>(
    () => kept?.doc.indicators ?? (milestone?.indicators ?? []).map(rowOf),
  );
  const [effect, setEffect] = useState<TrancheEffect>(
    kept && !kept.doc.passed ? kept.doc.effect : 'held',
  );
  const [released, setReleased] = useState(kept?.doc.released ?? '0');
  const [reason, setReason] = useState(kept?.doc.reason ?? '');
  const [assessedOn, setAssessedOn] = useState(kept?.doc.assessedOn ?? today());
  const [approvedOn, setApprovedOn] = useState(kept?.doc.approvedOn ?? today());
  const [evidence, setEvidence] = useState<Evidence[]>(() => keptEvidence(kept));
  const passed = rows.length > 0 && rows.every((r) => r.passed);
  const names = (role: string) => signers.filter((s) => s.role === role).map((s) => s.name);
  const raw = {
    formatVersion: 1,
    assessmentId: kept?.doc.assessmentId ?? `MA-${milestoneId}-${done + 1}`,
    taskBookId: tb.taskBookId,
    milestoneId,
    ...(milestone?.applicantId ? { applicantId: milestone.applicantId } : {}),
    assessedOn,
    indicators: rows,
    evidence: evidence.map((e) => ({
      path: e.path,
      name: e.name,
      sha256: sha256Hex(e.bytes),
      size: e.bytes.byteLength,
    })),
    passed,
    tranche: milestone?.tranche ?? '0',
    effect: passed ? 'released' : effect,
    released: passed ? (milestone?.tranche ?? '0') : effect === 'held' ? '0' : moneyOf(released),
    reason,
    assessors: names('assessor'),
    technicalManager: names('issuer')[0] ?? '',
    ...(approvedOn ? { approvedOn } : {}),
  };
  const parsed = parseForm(
    MilestoneAssessmentFormSchema,
    raw,
    FIELD_LABELS['milestone-assessment'],
  );
  const issues = useShownIssues(parsed);
  const document = parsed.ok ? { type: 'assessment' as const, doc: parsed.value } : null;
  const findings = document ? checkAwardDocument(document, tb, undefined, onTimeline) : [];
  const setRow = (i: number, patch: Partial<IndicatorResult>) =>
    setRows(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  return (
    <div className="card" data-testid="award-assessment" {...issues.card}>
      <h2>{t('award.assessment')}</h2>
      {kept && (
        <p className="note" data-testid="award-reopened">
          {t('award.reopenedNote', { id: kept.doc.assessmentId })}
        </p>
      )}
      <Field label={t('award.milestone')} path="milestoneId">
        <select
          value={milestoneId}
          disabled={kept !== null}
          onChange={(e) => {
            setMilestoneId(e.target.value);
            const m = tb.milestones.find((x) => x.id === e.target.value);
            setRows((m?.indicators ?? []).map(rowOf));
          }}
        >
          {tb.milestones.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id} {t('common.paren', { text: m.title, note: dayParam(m.due) })}
            </option>
          ))}
        </select>
      </Field>
      <p>{t('award.tranche', { amount: milestone?.tranche ?? '0' })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('award.indicator')}</th>
            <th>{t('award.target')}</th>
            <th>{t('award.result')}</th>
            <th>{t('award.passed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid={`indicator-${i + 1}`}>
              <td>{r.indicator}</td>
              <td>{r.target}</td>
              <td>
                <input
                  aria-label={t('award.result')}
                  data-field={fieldKey(['indicators', i, 'result'])}
                  // A re-opened assessment takes the keyboard to its first result to amend.
                  autoFocus={kept !== null && i === 0}
                  value={r.result}
                  onChange={(e) => setRow(i, { result: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('award.passed')}
                  data-field={fieldKey(['indicators', i, 'passed'])}
                  checked={r.passed}
                  onChange={(e) => setRow(i, { passed: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="award-overall">
        {t('common.labelled', {
          label: t('award.overall'),
          text: passed ? t('award.pass') : t('award.fail'),
        })}
      </p>
      {!passed && (
        <fieldset data-field="effect">
          <legend>{t('award.effect')}</legend>
          {EFFECTS.filter((e) => e !== 'released').map((e) => (
            <label key={e} className="inline">
              <input type="radio" checked={effect === e} onChange={() => setEffect(e)} />
              {t(`award.effect.${e}`)}
            </label>
          ))}
          {effect === 'reduced' && (
            <Field label={t('award.released')} path="released">
              <input value={released} onChange={(e) => setReleased(e.target.value)} />
            </Field>
          )}
          <Field label={t('award.reason')} path="reason">
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </fieldset>
      )}
      <Field label={t('award.assessedOn')} path="assessedOn">
        <DateInput label={t('award.assessedOn')} value={assessedOn} onCommit={setAssessedOn} />
      </Field>
      <Field label={t('award.approvedOn')} path="approvedOn">
        <DateInput label={t('award.approvedOn')} value={approvedOn} onCommit={setApprovedOn} />
      </Field>
      <EvidenceFiles evidence={evidence} onChange={setEvidence} />
      <FindingsList findings={findings} issues={issues.shown} hidden={issues.hidden} />
      <SignBar
        need={['assessor', 'issuer', 'bureau']}
        document={document}
        findings={findings}
        files={new Map(evidence.map((e) => [e.path, e.bytes]))}
        onAttempt={issues.attempt}
        testId="sign-assessment"
      />
    </div>
  );
}
