import { useEffect, useMemo, useState } from 'react';
import { openBundle, type Check, type OpenedBundle } from '../../../src-shared/bundle';
import { formatFingerprint } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { fmt2, fmtMoney, MONEY_PATTERN } from '../../../src-shared/money';
import {
  RECUSAL_LABEL,
  RecusalKindSchema,
  SHEET_TEXT_MAX,
  type ApplicantScore,
  type ReviewPackage,
  type ScoreSheet,
} from '../../../src-shared/model';
import {
  applicantTotal,
  criterionIssues,
  maxTotal,
  validateSheet,
} from '../../../src-shared/scoring';
import { api } from '../bridge';
import { ChecksList } from '../components/ChecksList';
import { PdfViewer } from '../components/PdfViewer';
import { PointsInput } from '../components/PointsInput';
import { TextInput } from '../components/TextInput';
import { getAttachment } from '../db/repo';
import { useT } from '../i18n';
import { withProgress } from '../stores/progress';
import { useReview } from '../stores/review';
import { useDb, useProfile } from '../stores/session';

function ImportPanel() {
  const t = useT();
  const db = useDb();
  const profile = useProfile();
  const importPackage = useReview((s) => s.importPackage);
  const [opened, setOpened] = useState<OpenedBundle | null>(null);
  const [checks, setChecks] = useState<Check[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const verify = async (name: string, bytes: Uint8Array) => {
    setProblem(null);
    setOpened(null);
    const r = await withProgress(name, (_task, report) =>
      openBundle(bytes, {
        crypto: nobleCrypto,
        onProgress: (p) => report(p.phase, p.done, p.total),
      }),
    );
    setChecks(r.ok ? r.bundle.checks : r.checks);
    if (!r.ok) return setProblem(r.error.message);
    if (r.bundle.kind !== 'review-package') return setProblem('这不是评审包');
    setOpened(r.bundle);
  };

  return (
    <div className="card">
      <h2>{t('review.import.heading')}</h2>
      <p className="note">{t('review.import.help')}</p>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void withProgress(t('review.import.open'), (task) =>
              api['file:open']({ filters: [{ name: '评审包', extensions: ['jbx'] }], task }),
            ).then(async (r) => {
              if (!r.canceled) await verify(r.files[0].name, r.files[0].bytes);
            })
          }
        >
          {t('review.import.open')}
        </button>
        <button
          type="button"
          onClick={() => void api['sample:package']().then((r) => verify(r.name, r.bytes))}
        >
          {t('review.import.sample')}
        </button>
      </div>
      {checks.length > 0 && <ChecksList checks={checks} testId="import-checks" />}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {opened && opened.kind === 'review-package' && (
        <>
          <p>
            <strong>{opened.document.title}</strong>
          </p>
          <p className="fingerprint mono" data-testid="bureau-fingerprint">
            {t('review.import.fingerprint', {
              fp: formatFingerprint(opened.manifest.signers[0].fingerprint),
            })}
          </p>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void importPackage(db, profile?.label ?? '', opened).then((r) => {
                if (!r.ok) setProblem(r.reason);
              })
            }
          >
            {t('review.import.confirm')}
          </button>
        </>
      )}
    </div>
  );
}

function EnrolPanel({ pkg }: { pkg: ReviewPackage }) {
  const t = useT();
  const db = useDb();
  const enrol = useReview((s) => s.enrol);
  const [expertId, setExpertId] = useState('');
  const [pledge, setPledge] = useState(false);
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void enrol(db, expertId);
      }}
    >
      <h2>{t('review.enrol.heading')}</h2>
      <p className="note">{t('review.enrol.help')}</p>
      <div className="profile-list" role="radiogroup" aria-label={t('review.enrol.heading')}>
        {pkg.panel.experts.map((e) => (
          <label key={e.id} className="row">
            <input
              type="radio"
              name="expert"
              value={e.id}
              checked={expertId === e.id}
              onChange={() => setExpertId(e.id)}
            />
            {e.id} {e.name}（{e.organisation}，{e.title}）
            {e.role === 'chair' ? ' · 专家组组长' : ''}
          </label>
        ))}
      </div>
      <label className="row">
        <input type="checkbox" checked={pledge} onChange={(e) => setPledge(e.target.checked)} />
        {t('review.enrol.pledge')}
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!expertId || !pledge}>
          {t('review.enrol.confirm')}
        </button>
      </div>
    </form>
  );
}

type Status = 'todo' | 'doing' | 'done' | 'recused';

function statusOf(pkg: ReviewPackage, sheet: ScoreSheet, applicantId: string): Status {
  const score = sheet.scores.find((s) => s.applicantId === applicantId);
  if (!score) return 'todo';
  if (score.recusal) return 'recused';
  const issues = validateSheet(
    { ...sheet, scores: [score] },
    { ...pkg, applicants: pkg.applicants.filter((a) => a.id === applicantId) },
  );
  return issues.length === 0 ? 'done' : 'doing';
}

function Proposal({ attachmentId }: { attachmentId: string | undefined }) {
  const t = useT();
  const db = useDb();
  const [doc, setDoc] = useState<{ id: string; name: string; bytes: Uint8Array } | null>(null);
  useEffect(() => {
    let live = true;
    if (attachmentId)
      void getAttachment(db, attachmentId).then(
        (a) => live && a && setDoc({ id: attachmentId, name: a.name, bytes: a.bytes }),
      );
    return () => {
      live = false;
    };
  }, [db, attachmentId]);
  if (!attachmentId) return <p className="note">{t('review.noProposal')}</p>;
  if (!doc || doc.id !== attachmentId) return <p aria-busy="true">…</p>;
  return <PdfViewer bytes={doc.bytes} name={doc.name} />;
}

function ScoreForm({
  pkg,
  score,
  locked,
  onChange,
}: {
  pkg: ReviewPackage;
  score: ApplicantScore;
  locked: boolean;
  onChange: (
    change: (s: ApplicantScore) => ApplicantScore,
    audit?: {
      action: string;
      target: string;
      details?: Record<string, string | number | boolean | null>;
    },
  ) => void;
}) {
  const t = useT();
  const total = applicantTotal(score, pkg.rubric);
  const complete = pkg.rubric.criteria.every((c) =>
    score.criteria.some((x) => x.criterionId === c.id),
  );
  const needsReason = complete && total.lt(pkg.aggregation.passScore);
  const setCriterion = (criterionId: string, patch: { points?: number | null; comment?: string }) =>
    onChange(
      (s) => {
        const existing = s.criteria.find((c) => c.criterionId === criterionId);
        const base = existing ?? { criterionId, points: 0, comment: '' };
        const next = {
          ...base,
          ...(patch.points !== undefined && patch.points !== null ? { points: patch.points } : {}),
          ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
        };
        const criteria =
          patch.points === null
            ? s.criteria.filter((c) => c.criterionId !== criterionId)
            : existing
              ? s.criteria.map((c) => (c.criterionId === criterionId ? next : c))
              : [...s.criteria, next];
        return { ...s, criteria };
      },
      patch.points !== undefined
        ? {
            action: 'score.edit',
            target: `${score.applicantId}/${criterionId}`,
            details: { points: patch.points },
          }
        : undefined,
    );
  return (
    <fieldset className="score-form" disabled={locked}>
      {pkg.rubric.criteria.map((c) => {
        const entry = score.criteria.find((x) => x.criterionId === c.id);
        const issues = entry
          ? criterionIssues(score.applicantId, c, entry.points, entry.comment, pkg.rubric)
          : [];
        return (
          <div key={c.id} className="criterion">
            <label>
              <span aria-hidden="true">
                {t('review.points', { name: c.name, max: c.maxPoints })}
              </span>
              <PointsInput
                label={t('review.points', { name: c.name, max: c.maxPoints })}
                value={entry?.points}
                step={c.step}
                max={c.maxPoints}
                invalid={issues.some((i) => i.field === 'points')}
                onCommit={(points) => setCriterion(c.id, { points })}
              />
            </label>
            <ul className="bands note">
              {c.guidanceBands.map((b) => (
                <li key={b.label}>
                  {b.min}–{b.max}：{b.label}
                </li>
              ))}
            </ul>
            <TextInput
              label={t('review.comment', { name: c.name })}
              hideLabel
              rows={2}
              maxLength={SHEET_TEXT_MAX.comment}
              value={entry?.comment ?? ''}
              onCommit={(comment) => setCriterion(c.id, { comment })}
            />
            {issues.map((i) => (
              <p key={i.field} className="error" role="alert">
                {i.message}
              </p>
            ))}
          </div>
        );
      })}
      <p className="total" data-testid="sheet-total">
        {t('review.total', { total: fmt2(total), max: fmt2(maxTotal(pkg.rubric)) })}
      </p>
      {needsReason && (
        <TextInput
          label={t('review.deviationReason')}
          rows={2}
          maxLength={SHEET_TEXT_MAX.deviationReason}
          value={score.deviationReason ?? ''}
          onCommit={(deviationReason) => onChange((s) => ({ ...s, deviationReason }))}
        />
      )}
      <TextInput
        label={t('review.opinion')}
        rows={3}
        maxLength={SHEET_TEXT_MAX.overallOpinion}
        value={score.overallOpinion}
        onCommit={(overallOpinion) => onChange((s) => ({ ...s, overallOpinion }))}
      />
      <label className="block">
        {t('review.funding')}
        <input
          value={score.suggestedFunding ?? ''}
          onChange={(e) => {
            const v = e.target.value.trim();
            onChange((s) => {
              const { suggestedFunding: _old, ...rest } = s;
              return v !== '' && MONEY_PATTERN.test(v) ? { ...rest, suggestedFunding: v } : rest;
            });
          }}
          style={{ width: '10em' }}
        />
      </label>
    </fieldset>
  );
}

function Workspace({ pkg, sheet }: { pkg: ReviewPackage; sheet: ScoreSheet }) {
  const t = useT();
  const db = useDb();
  const enrolment = useReview((s) => s.enrolment);
  const updateScore = useReview((s) => s.updateScore);
  const submit = useReview((s) => s.submit);
  const reopen = useReview((s) => s.reopen);
  const exportBundle = useReview((s) => s.exportBundle);
  const [selected, setSelected] = useState(pkg.applicants[0]?.id ?? '');
  const [reviewing, setReviewing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const applicant = pkg.applicants.find((a) => a.id === selected);
  const score = sheet.scores.find((s) => s.applicantId === selected) ?? {
    applicantId: selected,
    criteria: [],
    overallOpinion: '',
  };
  const statuses = useMemo(
    () => Object.fromEntries(pkg.applicants.map((a) => [a.id, statusOf(pkg, sheet, a.id)])),
    [pkg, sheet],
  );
  const finished = Object.values(statuses).filter((s) => s === 'done' || s === 'recused').length;
  const issues = validateSheet(sheet, pkg);
  const locked = sheet.status !== 'draft';
  const exported = enrolment?.exportedAt !== undefined;
  const change = (
    c: (s: ApplicantScore) => ApplicantScore,
    audit?: {
      action: string;
      target: string;
      details?: Record<string, string | number | boolean | null>;
    },
  ) => updateScore(db, selected, c, audit);
  if (!applicant) return null;
  return (
    <>
      <div className="row">
        <span data-testid="review-progress">
          {t('review.progress', { done: finished, total: pkg.applicants.length })}
        </span>
        <progress max={pkg.applicants.length} value={finished} />
        <span className="spacer" />
        {enrolment && (
          <span className="note mono">
            {t('review.enrol.key', { fp: formatFingerprint(enrolment.fingerprint) })}
          </span>
        )}
      </div>
      <div className="workspace">
        <nav className="applicants" aria-label="揭榜方">
          {pkg.applicants.map((a) => (
            <button
              key={a.id}
              type="button"
              className={a.id === selected ? 'selected' : ''}
              aria-current={a.id === selected}
              onClick={() => setSelected(a.id)}
            >
              <span>
                {a.id} {a.name}
              </span>
              <span className={`badge ${statuses[a.id] ?? 'todo'}`}>
                {t(`review.status.${statuses[a.id] ?? 'todo'}`)}
              </span>
            </button>
          ))}
        </nav>
        <div className="proposal">
          <Proposal attachmentId={applicant.attachments.find((x) => x.role === 'proposal')?.id} />
        </div>
        <div className="sheet">
          <h2>
            {applicant.id} {applicant.name}
          </h2>
          <p className="note">
            {t('review.route', { route: applicant.technicalRoute.label })} ·{' '}
            {t('review.requested', { amount: fmtMoney(applicant.requestedFunding) })}
          </p>
          {score.recusal ? (
            <div className="card">
              <p className="warn">{t('review.recused')}</p>
              <p>
                {RECUSAL_LABEL[score.recusal.kind]}：{score.recusal.reason}
              </p>
              {!locked && (
                <button
                  type="button"
                  onClick={() =>
                    change(() => ({ applicantId: selected, criteria: [], overallOpinion: '' }), {
                      action: 'recusal.withdraw',
                      target: selected,
                    })
                  }
                >
                  {t('review.recusal.cancel')}
                </button>
              )}
            </div>
          ) : (
            <>
              {!locked && (
                <RecusalForm
                  onRecuse={(kind, reason) =>
                    change(
                      () => ({
                        applicantId: selected,
                        recusal: { kind, reason },
                        criteria: [],
                        overallOpinion: '',
                      }),
                      { action: 'recusal.declare', target: selected, details: { kind } },
                    )
                  }
                />
              )}
              <ScoreForm pkg={pkg} score={score} locked={locked} onChange={change} />
            </>
          )}
        </div>
      </div>
      <div className="card submit-bar">
        {sheet.status === 'draft' && !reviewing && (
          <button type="button" className="primary" onClick={() => setReviewing(true)}>
            {t('review.submit')}
          </button>
        )}
        {sheet.status === 'draft' && reviewing && (
          <>
            {issues.length > 0 ? (
              <div role="alert">
                <p className="error">{t('review.issues')}</p>
                <ul data-testid="submit-issues">
                  {issues.map((i, k) => (
                    <li key={k}>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setSelected(i.applicantId)}
                      >
                        {i.applicantId}
                      </button>{' '}
                      {i.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={() => void submit(db).then(() => setReviewing(false))}
              >
                {t('review.confirmSubmit')}
              </button>
            )}
          </>
        )}
        {sheet.status === 'submitted' && (
          <>
            <p className="ok" role="status">
              {t('review.submitted')}
            </p>
            {!exported && (
              <div className="row">
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    void exportBundle(db, async (bytes, name) => {
                      const r = await withProgress(name, (task) =>
                        api['file:save']({ bytes, suggestedName: name, task }),
                      );
                      if (!r.canceled) setMessage(t('review.exported', { name: r.name }));
                      return !r.canceled;
                    })
                  }
                >
                  {t('review.export')}
                </button>
                <button type="button" onClick={() => void reopen(db)}>
                  {t('review.reopen')}
                </button>
              </div>
            )}
            {exported && <p className="note">{t('review.exportedLocked')}</p>}
            {enrolment && (
              <button
                type="button"
                onClick={() =>
                  void withProgress(t('review.paper'), async (task) => {
                    const { bytes } = await api['sheet:pdf']({
                      pkg,
                      sheet,
                      fingerprint: enrolment.fingerprint,
                    });
                    return api['file:save']({
                      bytes,
                      suggestedName: `${pkg.packageId}-${enrolment.expertId}-评分表.pdf`,
                      task,
                    });
                  })
                }
              >
                {t('review.paper')}
              </button>
            )}
          </>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    </>
  );
}

function RecusalForm({
  onRecuse,
}: {
  onRecuse: (kind: (typeof RecusalKindSchema.options)[number], reason: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<(typeof RecusalKindSchema.options)[number]>('employment');
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('review.recuse')}
      </button>
    );
  }
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim().length < 2) return;
        onRecuse(kind, reason.trim());
        setOpen(false);
      }}
    >
      <label>
        {t('review.recusal.kind')}
        <select value={kind} onChange={(e) => setKind(RecusalKindSchema.parse(e.target.value))}>
          {RecusalKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {RECUSAL_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <TextInput
        label={t('review.recusal.reason')}
        maxLength={SHEET_TEXT_MAX.recusalReason}
        value={reason}
        onCommit={setReason}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('review.recuse')}
        </button>
      </div>
    </form>
  );
}

export function ReviewScreen() {
  const t = useT();
  const db = useDb();
  const loaded = useReview((s) => s.loaded);
  const pkg = useReview((s) => s.pkg);
  const enrolment = useReview((s) => s.enrolment);
  const sheet = useReview((s) => s.sheet);
  const load = useReview((s) => s.load);
  useEffect(() => {
    void load(db);
  }, [db, load]);
  if (!loaded) return null;
  return (
    <section className="screen wide">
      <h1>{t('review.heading')}</h1>
      {!pkg && <ImportPanel />}
      {pkg && !enrolment && <EnrolPanel pkg={pkg} />}
      {pkg && enrolment && sheet && <Workspace pkg={pkg} sheet={sheet} />}
    </section>
  );
}
