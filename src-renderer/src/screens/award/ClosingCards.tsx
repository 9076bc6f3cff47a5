/**
 * How a project ends, signed by the bureau and the 发榜方 together: termination or revocation with
 * the city funds to recover (第十七条), and acceptance (第十二条（九）) with, on a non-objective
 * failure, 第二十条's recovery and integrity investigation.
 */
import { FIELD_LABELS } from '../../../../src-shared/model/labels';
import { DateInput } from '../../components/DateInput';
import { useState } from 'react';
import {
  acceptanceRecovery,
  AcceptanceFormSchema,
  checkAwardDocument,
  ProjectFormSchema,
  terminationRecovery,
  type Recovery,
} from '../../../../src-shared/award';
import type { TaskBook } from '../../../../src-shared/model';
import { useT } from '../../i18n';
import { parseForm } from './issues';
import {
  Field,
  FindingsList,
  moneyOf,
  SignBar,
  today,
  useOnTimeline,
  useShownIssues,
} from './parts';

function RecoveryLine({ recovery }: { recovery: Recovery | null }) {
  const t = useT();
  if (!recovery) return null;
  return (
    <p className="error" data-testid="award-recovery">
      {t('award.recovery', { ...recovery })}
    </p>
  );
}

export function TerminationCard({ tb, paid }: { tb: TaskBook; paid: string }) {
  const t = useT();
  const onTimeline = useOnTimeline();
  const [decision, setDecision] = useState<'terminate' | 'revoke'>('terminate');
  const [decidedOn, setDecidedOn] = useState(today());
  const [reason, setReason] = useState('');
  const [disbursed, setDisbursed] = useState(paid);
  const [spent, setSpent] = useState('');
  const [bureauApproved, setBureauApproved] = useState(false);
  const [issuerApproved, setIssuerApproved] = useState(false);
  const parsed = parseForm(
    ProjectFormSchema,
    {
      formatVersion: 1,
      formId: 'TRM-1',
      taskBookId: tb.taskBookId,
      form: 'termination',
      decision,
      decidedOn,
      reason,
      cityDisbursed: moneyOf(disbursed),
      citySpent: decision === 'revoke' && spent.trim() === '' ? '0' : moneyOf(spent),
      bureauApproved,
      issuerApproved,
    },
    FIELD_LABELS['project-form'],
  );
  const issues = useShownIssues(parsed);
  const document = parsed.ok ? { type: 'form' as const, doc: parsed.value } : null;
  const findings = document ? checkAwardDocument(document, tb, undefined, onTimeline) : [];
  const doc = document?.doc;
  return (
    <div className="card" data-testid="award-termination" {...issues.card}>
      <h2>{t('award.termination')}</h2>
      <fieldset data-field="decision">
        <legend>{t('award.decision')}</legend>
        {(['terminate', 'revoke'] as const).map((d) => (
          <label key={d} className="inline">
            <input type="radio" checked={decision === d} onChange={() => setDecision(d)} />
            {t(`award.${d}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('award.decidedOn')} path="decidedOn">
        <DateInput label={t('award.decidedOn')} value={decidedOn} onCommit={setDecidedOn} />
      </Field>
      <Field label={t('award.reason')} path="reason">
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Field label={t('award.cityDisbursed')} path="cityDisbursed">
        <input value={disbursed} onChange={(e) => setDisbursed(e.target.value)} />
      </Field>
      <Field label={t('award.citySpent')} path="citySpent">
        <input value={spent} onChange={(e) => setSpent(e.target.value)} />
      </Field>
      <label className="inline" data-field="bureauApproved">
        <input
          type="checkbox"
          checked={bureauApproved}
          onChange={(e) => setBureauApproved(e.target.checked)}
        />
        {t('award.bureauApproved')}
      </label>
      <label className="inline" data-field="issuerApproved">
        <input
          type="checkbox"
          checked={issuerApproved}
          onChange={(e) => setIssuerApproved(e.target.checked)}
        />
        {t('award.issuerApproved')}
      </label>
      <RecoveryLine recovery={doc?.form === 'termination' ? terminationRecovery(doc) : null} />
      <FindingsList findings={findings} issues={issues.shown} hidden={issues.hidden} />
      <SignBar
        need={['bureau', 'issuer']}
        document={document}
        findings={findings}
        onAttempt={issues.attempt}
        testId="sign-termination"
      />
    </div>
  );
}

const MATERIALS = AcceptanceFormSchema.shape.materials.element.options;
const OUTCOMES = ['pass', 'concluded', 'fail'] as const;

export function AcceptanceCard({
  tb,
  paid,
  periodEnd,
}: {
  tb: TaskBook;
  paid: string;
  periodEnd: string;
}) {
  const t = useT();
  const onTimeline = useOnTimeline();
  const [appliedOn, setAppliedOn] = useState(today());
  const [evaluatedOn, setEvaluatedOn] = useState('');
  const [materials, setMaterials] = useState<string[]>([]);
  const [userEvaluation, setUserEvaluation] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [cause, setCause] = useState('');
  const [opinion, setOpinion] = useState('');
  const [disbursed, setDisbursed] = useState(paid);
  const parsed = parseForm(
    ProjectFormSchema,
    {
      formatVersion: 1,
      formId: 'ACC-1',
      taskBookId: tb.taskBookId,
      form: 'acceptance',
      appliedOn,
      ...(evaluatedOn ? { evaluatedOn } : {}),
      hasUserTechnicalEvaluation: userEvaluation,
      materials,
      ...(outcome ? { outcome } : {}),
      ...(outcome === 'fail' && cause ? { failureCause: cause } : {}),
      opinion,
      cityDisbursed: moneyOf(disbursed),
    },
    FIELD_LABELS['project-form'],
  );
  const issues = useShownIssues(parsed);
  const document = parsed.ok ? { type: 'form' as const, doc: parsed.value } : null;
  const findings = document ? checkAwardDocument(document, tb, periodEnd, onTimeline) : [];
  const doc = document?.doc;
  return (
    <div className="card" data-testid="award-acceptance" {...issues.card}>
      <h2>{t('award.acceptance')}</h2>
      <Field label={t('award.appliedOn')} path="appliedOn">
        <DateInput label={t('award.appliedOn')} value={appliedOn} onCommit={setAppliedOn} />
      </Field>
      <fieldset data-field="materials">
        <legend>{t('award.materials')}</legend>
        {MATERIALS.map((m) => (
          <label key={m} className="inline">
            <input
              type="checkbox"
              checked={materials.includes(m)}
              onChange={(e) =>
                setMaterials(
                  e.target.checked ? [...materials, m] : materials.filter((x) => x !== m),
                )
              }
            />
            {t(`award.material.${m}`)}
          </label>
        ))}
      </fieldset>
      <label className="inline" data-field="hasUserTechnicalEvaluation">
        <input
          type="checkbox"
          checked={userEvaluation}
          onChange={(e) => setUserEvaluation(e.target.checked)}
        />
        {t('award.userEvaluation')}
      </label>
      <Field label={t('award.evaluatedOn')} path="evaluatedOn">
        <DateInput label={t('award.evaluatedOn')} value={evaluatedOn} onCommit={setEvaluatedOn} />
      </Field>
      <Field label={t('award.outcome')} path="outcome">
        <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">{t('award.outcome.none')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`award.outcome.${o}`)}
            </option>
          ))}
        </select>
      </Field>
      {outcome === 'fail' && (
        <Field label={t('award.failureCause')} path="failureCause">
          <select value={cause} onChange={(e) => setCause(e.target.value)}>
            <option value="" />
            <option value="objective">{t('award.cause.objective')}</option>
            <option value="not-objective">{t('award.cause.not-objective')}</option>
          </select>
        </Field>
      )}
      <Field label={t('award.opinion')} path="opinion">
        <textarea value={opinion} onChange={(e) => setOpinion(e.target.value)} />
      </Field>
      <Field label={t('award.cityDisbursed')} path="cityDisbursed">
        <input value={disbursed} onChange={(e) => setDisbursed(e.target.value)} />
      </Field>
      <RecoveryLine recovery={doc?.form === 'acceptance' ? acceptanceRecovery(doc) : null} />
      <FindingsList findings={findings} issues={issues.shown} hidden={issues.hidden} />
      <SignBar
        need={['bureau', 'issuer']}
        document={document}
        findings={findings}
        periodEnd={periodEnd}
        onAttempt={issues.attempt}
        testId="sign-acceptance"
      />
    </div>
  );
}
