/**
 * 任务书 (军令状): drafted from the signed panel decision, edited with the rules of the measures
 * checked on every keystroke (第十二条（七）（八）, 第十三条, 第十五条, 第十七条), autosaved, then
 * rendered in main (pages drawn here), saved, printed and signed as a task-book bundle.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { fmtMoney } from '../../../src-shared/money';
import {
  PROJECT_TYPE_LABEL,
  type PanelDecision,
  type ReviewPackage,
} from '../../../src-shared/model';
import { checkTaskBook, type Finding } from '../../../src-shared/rules';
import {
  checkDraft,
  solverIdsOf,
  taskBookCode,
  type TaskBookDraft,
} from '../../../src-shared/taskbook';
import { describeCodePoint } from '../../../src-shared/text/normalize';
import { api } from '../bridge';
import { PdfViewer } from '../components/PdfViewer';
import { useT, type StringKey } from '../i18n';
import { withProgress } from '../stores/progress';
import { useReview } from '../stores/review';
import { useDb, useProfile, useSession } from '../stores/session';
import { useTaskBook } from '../stores/taskbook';

type Milestone = TaskBookDraft['milestones'][number];
type Party = TaskBookDraft['parties'][number];

const ROLE_LABEL: Record<Party['role'], string> = {
  bureau: '甲方（市科技局）',
  issuer: '乙方（发榜方）',
  solver: '丙方（揭榜方）',
};

/** The funding inputs (万元); the contract amount only for 企业出题 (第十三条（二）). */
const FUNDING_FIELDS = [
  ['city', 'taskbook.fCity'],
  ['issuer', 'taskbook.fIssuer'],
  ['selfRaised', 'taskbook.fSelf'],
  ['contractAmount', 'taskbook.fContract'],
] as const satisfies readonly (readonly [keyof TaskBookDraft['funding'], StringKey])[];

const CHIEF_EXPERT_FIELDS = [
  ['name', 'taskbook.ceName'],
  ['title', 'taskbook.ceTitle'],
  ['organisation', 'taskbook.ceOrg'],
] as const satisfies readonly (readonly [keyof NonNullable<Party['chiefExpert']>, StringKey])[];

/** A list field edited as lines of a textarea (empty lines are spare rows, dropped on check). */
const lines = (text: string) => text.split('\n');

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'block tb-wide' : 'block'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

function Findings({ findings, issues }: { findings: Finding[]; issues: string[] }) {
  const t = useT();
  if (issues.length === 0 && findings.length === 0)
    return <p className="ok">✓ {t('taskbook.noFindings')}</p>;
  return (
    <ul className="checks" data-testid="tb-findings">
      {issues.map((m) => (
        <li key={m} className="error">
          ✗ {m}
        </li>
      ))}
      {findings.map((f, i) => (
        <li key={`${f.rule}${i}`} className={f.severity === 'blocking' ? 'error' : 'warn'}>
          {f.severity === 'blocking' ? '✗' : '!'} {f.message}
        </li>
      ))}
    </ul>
  );
}

function Start({ pkg, decision }: { pkg: ReviewPackage; decision: PanelDecision }) {
  const t = useT();
  const db = useDb();
  const profile = useProfile();
  const create = useTaskBook((s) => s.create);
  const name = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  return (
    <div className="card">
      <h2>{t('taskbook.fromDecision')}</h2>
      <dl className="facts">
        <dt>{t('taskbook.solvers')}</dt>
        <dd>{solverIdsOf(decision).map(name).join('、')}</dd>
        <dt>{t('taskbook.mode')}</dt>
        <dd>{decision.horseRace ? t('taskbook.raceJoint') : t('taskbook.single')}</dd>
        <dt>{t('taskbook.approvedTotal')}</dt>
        <dd>{fmtMoney(decision.approvedTotal)}</dd>
      </dl>
      <p className="note">{t('taskbook.draftNote')}</p>
      <button
        type="button"
        className="primary"
        onClick={() => void create(db, pkg, decision, profile?.label ?? '')}
      >
        {t('taskbook.create')}
      </button>
    </div>
  );
}

function MilestoneEditor({
  m,
  index,
  solvers,
  race,
  locked,
  onChange,
  onRemove,
}: {
  m: Milestone;
  index: number;
  solvers: Party[];
  race: boolean;
  locked: boolean;
  onChange: (m: Milestone) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const n = index + 1;
  return (
    <fieldset className="tb-milestone" disabled={locked} data-testid={`milestone-${n}`}>
      <legend>
        {t('taskbook.milestone')} {n}
      </legend>
      <div className="tb-grid">
        <Field label={t('taskbook.mTitle')} wide>
          <input value={m.title} onChange={(e) => onChange({ ...m, title: e.target.value })} />
        </Field>
        <Field label={t('taskbook.mDue')}>
          <input
            type="date"
            value={m.due}
            onChange={(e) => onChange({ ...m, due: e.target.value })}
          />
        </Field>
        <Field label={t('taskbook.mTranche')}>
          <input
            inputMode="decimal"
            value={m.tranche}
            onChange={(e) => onChange({ ...m, tranche: e.target.value.trim() })}
          />
        </Field>
        {race && (
          <Field label={t('taskbook.mSolver')}>
            <select
              value={m.applicantId ?? ''}
              onChange={(e) => {
                const { applicantId: _omit, ...rest } = m;
                onChange(e.target.value ? { ...rest, applicantId: e.target.value } : rest);
              }}
            >
              <option value="">{t('taskbook.allSolvers')}</option>
              {solvers.map((p) => (
                <option key={p.applicantId} value={p.applicantId}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('taskbook.mDeliverables')} wide>
          <textarea
            rows={2}
            value={m.deliverables.join('\n')}
            onChange={(e) => onChange({ ...m, deliverables: lines(e.target.value) })}
          />
        </Field>
        <Field label={t('taskbook.mIndicators')} wide>
          <textarea
            rows={2}
            value={m.indicators.join('\n')}
            onChange={(e) => onChange({ ...m, indicators: lines(e.target.value) })}
          />
        </Field>
      </div>
      <button type="button" onClick={onRemove}>
        {t('taskbook.removeMilestone', { n })}
      </button>
    </fieldset>
  );
}

function Editor({ decision, draft }: { decision: PanelDecision; draft: TaskBookDraft }) {
  const t = useT();
  const db = useDb();
  const edit = useTaskBook((s) => s.edit);
  const locked = draft.status === 'final';
  const set = (change: (d: TaskBookDraft) => TaskBookDraft) => edit(db, change);
  const solvers = draft.parties.filter((p) => p.role === 'solver');
  const setMilestone = (i: number, m: Milestone) =>
    set((d) => ({ ...d, milestones: d.milestones.map((x, k) => (k === i ? m : x)) }));
  const setParty = (i: number, p: Party) =>
    set((d) => ({ ...d, parties: d.parties.map((x, k) => (k === i ? p : x)) }));
  return (
    <div className="tb-form">
      <fieldset disabled={locked}>
        <legend>{t('taskbook.basics')}</legend>
        <div className="tb-grid">
          <Field label={t('taskbook.id')}>
            <input value={draft.taskBookId} readOnly />
          </Field>
          <Field label={t('taskbook.contractNumber')}>
            <input
              value={draft.contractNumber}
              onChange={(e) => set((d) => ({ ...d, contractNumber: e.target.value }))}
            />
          </Field>
          <Field label={t('taskbook.title')} wide>
            <input
              value={draft.title}
              onChange={(e) => set((d) => ({ ...d, title: e.target.value }))}
            />
          </Field>
          <Field label={t('taskbook.type')}>
            <input
              value={`${PROJECT_TYPE_LABEL[draft.projectType]}${draft.isHorseRace ? '（赛马制联合项目）' : ''}`}
              readOnly
            />
          </Field>
          <Field label={t('taskbook.start')}>
            <input
              type="date"
              value={draft.period.start}
              onChange={(e) =>
                set((d) => ({ ...d, period: { ...d.period, start: e.target.value } }))
              }
            />
          </Field>
          <Field label={t('taskbook.end')}>
            <input
              type="date"
              value={draft.period.end}
              onChange={(e) => set((d) => ({ ...d, period: { ...d.period, end: e.target.value } }))}
            />
          </Field>
          <Field label={t('taskbook.objectives')} wide>
            <textarea
              rows={4}
              value={draft.objectives}
              onChange={(e) => set((d) => ({ ...d, objectives: e.target.value }))}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t('taskbook.parties')}</legend>
        {draft.parties.map((p, i) => (
          <div key={`${p.role}${p.applicantId ?? i}`} className="tb-grid tb-party">
            <Field label={ROLE_LABEL[p.role]} wide>
              <input value={p.name} onChange={(e) => setParty(i, { ...p, name: e.target.value })} />
            </Field>
            <Field label={t('taskbook.representative')}>
              <input
                value={p.representative}
                onChange={(e) => setParty(i, { ...p, representative: e.target.value })}
              />
            </Field>
            <Field label={t('taskbook.address')}>
              <input
                value={p.address}
                onChange={(e) => setParty(i, { ...p, address: e.target.value })}
              />
            </Field>
          </div>
        ))}
        <p className="note">{t('taskbook.partiesNote')}</p>
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t('taskbook.chiefExpert')}</legend>
        {draft.parties.map((p, i) =>
          p.role !== 'solver' ? null : (
            <div key={p.applicantId ?? i} className="tb-grid">
              {CHIEF_EXPERT_FIELDS.map(([key, label]) => (
                <Field key={key} label={`${p.name} · ${t(label)}`} wide={key === 'organisation'}>
                  <input
                    value={p.chiefExpert?.[key] ?? ''}
                    onChange={(e) =>
                      setParty(i, {
                        ...p,
                        chiefExpert: {
                          name: '',
                          title: '',
                          organisation: '',
                          ...p.chiefExpert,
                          [key]: e.target.value,
                        },
                      })
                    }
                  />
                </Field>
              ))}
            </div>
          ),
        )}
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t('taskbook.milestones')}</legend>
        {draft.milestones.map((m, i) => (
          <MilestoneEditor
            key={m.id}
            m={m}
            index={i}
            solvers={solvers}
            race={draft.isHorseRace}
            locked={locked}
            onChange={(next) => setMilestone(i, next)}
            onRemove={() =>
              set((d) => ({ ...d, milestones: d.milestones.filter((_, k) => k !== i) }))
            }
          />
        ))}
        <button
          type="button"
          onClick={() =>
            set((d) => ({
              ...d,
              milestones: [
                ...d.milestones,
                {
                  id: nextMilestoneId(d.milestones),
                  title: '',
                  due: d.period.end,
                  deliverables: [''],
                  indicators: [],
                  tranche: '0',
                },
              ],
            }))
          }
        >
          {t('taskbook.addMilestone')}
        </button>
      </fieldset>

      {draft.isHorseRace && (
        <fieldset disabled={locked}>
          <legend>{t('taskbook.raceTargets')}</legend>
          {solvers.map((p) => {
            const current = draft.raceStageTargets.find((r) => r.applicantId === p.applicantId);
            return (
              <Field key={p.applicantId} label={p.name} wide>
                <textarea
                  rows={3}
                  value={current?.targets.join('\n') ?? ''}
                  onChange={(e) =>
                    set((d) => ({
                      ...d,
                      raceStageTargets: [
                        ...d.raceStageTargets.filter((r) => r.applicantId !== p.applicantId),
                        { applicantId: p.applicantId ?? '', targets: lines(e.target.value) },
                      ].sort((a, b) => a.applicantId.localeCompare(b.applicantId)),
                    }))
                  }
                />
              </Field>
            );
          })}
          <p className="note">
            {t('taskbook.raceNote', { share: decision.horseRace?.raceStageShare ?? '' })}
          </p>
        </fieldset>
      )}

      <fieldset disabled={locked}>
        <legend>{t('taskbook.ip')}</legend>
        <Field label={t('taskbook.ipOwnership')} wide>
          <textarea
            rows={3}
            value={draft.intellectualProperty.ownership}
            onChange={(e) =>
              set((d) => ({
                ...d,
                intellectualProperty: { ...d.intellectualProperty, ownership: e.target.value },
              }))
            }
          />
        </Field>
        <Field label={t('taskbook.ipSharing')} wide>
          <textarea
            rows={3}
            value={draft.intellectualProperty.benefitSharing}
            onChange={(e) =>
              set((d) => ({
                ...d,
                intellectualProperty: {
                  ...d.intellectualProperty,
                  benefitSharing: e.target.value,
                },
              }))
            }
          />
        </Field>
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t('taskbook.funding')}</legend>
        <div className="tb-grid">
          {FUNDING_FIELDS.filter(
            ([key]) => key !== 'contractAmount' || draft.projectType === 'enterprise',
          ).map(([key, label]) => (
            <Field key={key} label={t(label)}>
              <input
                inputMode="decimal"
                value={draft.funding[key] ?? ''}
                onChange={(e) =>
                  set((d) => ({ ...d, funding: { ...d.funding, [key]: e.target.value.trim() } }))
                }
              />
            </Field>
          ))}
        </div>
        <p className="note">
          {t('taskbook.fundingNote', { total: fmtMoney(decision.approvedTotal) })}
        </p>
      </fieldset>
    </div>
  );
}

function nextMilestoneId(ms: readonly Milestone[]): string {
  let n = ms.length + 1;
  while (ms.some((m) => m.id === `M${n}`)) n++;
  return `M${n}`;
}

function Actions({
  pkg,
  decision,
  draft,
}: {
  pkg: ReviewPackage;
  decision: PanelDecision;
  draft: TaskBookDraft;
}) {
  const t = useT();
  const db = useDb();
  const profile = useProfile();
  const host = useSession((s) => s.host);
  const enrolment = useReview((s) => s.enrolment);
  const loadReview = useReview((s) => s.load);
  const { finalise, reopen, exportBundle } = useTaskBook();
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const findings = useMemo(
    () => (checked.ok ? checkTaskBook(checked.tb, pkg, decision) : []),
    [checked, pkg, decision],
  );
  const issues = checked.ok ? [] : checked.issues.map((i) => i.message);
  const blocking = !checked.ok || findings.some((f) => f.severity === 'blocking');
  const [pdf, setPdf] = useState<{ bytes: Uint8Array; missing: string[]; code: string } | null>(
    null,
  );
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A preview belongs to the content it was made from: every edit makes it stale.
  const code = checked.ok ? taskBookCode(checked.tb) : null;
  const current = pdf && pdf.code === code ? pdf : null;

  const render = async () => {
    if (!checked.ok) return null;
    setError(null);
    const tb = checked.tb;
    try {
      const out = await withProgress(t('taskbook.rendering'), () => api['taskbook:pdf']({ tb }));
      const made = { ...out, code: taskBookCode(tb) };
      setPdf(made);
      return made;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  /** Runs what a button asked for; a failure (printing, saving) is shown, never dropped. */
  const attempt = (action: () => Promise<void>) => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  /** The current preview's PDF, or a fresh one when there is none for this content. */
  const pdfNow = () => (current ? Promise.resolve(current) : render());
  const fileName = `${draft.taskBookId}${draft.status === 'draft' ? '-草稿' : ''}.pdf`;
  const save = async (bytes: Uint8Array) => {
    const r = await withProgress(t('taskbook.savePdf'), (task) =>
      api['file:save']({
        bytes,
        suggestedName: fileName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        task,
      }),
    );
    if (!r.canceled) setMessage(t('taskbook.saved', { name: r.name }));
  };

  return (
    <aside className="tb-side">
      <div className="card">
        <h2>{t('taskbook.checks')}</h2>
        <Findings findings={findings} issues={issues} />
      </div>
      <div className="card">
        <h2>
          {t('taskbook.document')}（{draft.status === 'final' ? '定稿' : '草稿'}）
        </h2>
        {code && (
          <p className="mono" data-testid="tb-code">
            {t('taskbook.code')}：{code}
          </p>
        )}
        <div className="row">
          <button type="button" disabled={!checked.ok} onClick={() => void render()}>
            {t('taskbook.preview')}
          </button>
          <button
            type="button"
            disabled={!checked.ok}
            onClick={() =>
              attempt(async () => {
                const p = await pdfNow();
                if (p) await save(p.bytes);
              })
            }
          >
            {t('taskbook.savePdf')}
          </button>
          <button
            type="button"
            disabled={!checked.ok}
            onClick={() =>
              attempt(async () => {
                const p = await pdfNow();
                if (!p) return;
                if (host === 'web') {
                  await save(p.bytes);
                  setMessage(t('taskbook.printWeb'));
                  return;
                }
                setMessage(null);
                const r = await api['pdf:print']({
                  bytes: p.bytes,
                  title: draft.title || draft.taskBookId,
                });
                setMessage(r.printed ? t('taskbook.printed') : t('taskbook.printCanceled'));
              })
            }
          >
            {t('taskbook.print')}
          </button>
        </div>
        <div className="row">
          {draft.status === 'draft' ? (
            <button
              type="button"
              className="primary"
              disabled={blocking || !checked.ok}
              onClick={() => {
                if (!checked.ok) return;
                if (!window.confirm(t('taskbook.finaliseConfirm'))) return;
                void finalise(db, checked.tb, profile?.label ?? '');
              }}
            >
              {t('taskbook.finalise')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="primary"
                disabled={!enrolment || !checked.ok}
                onClick={() => {
                  if (!enrolment || !checked.ok) return;
                  const tb = checked.tb;
                  const signer =
                    pkg.panel.experts.find((e) => e.id === enrolment.expertId)?.name ??
                    enrolment.expertId;
                  void pdfNow()
                    .then(async (p) => {
                      if (!p) return;
                      const bytes = await withProgress(t('taskbook.export'), () =>
                        exportBundle(db, tb, p.bytes, enrolment, signer),
                      );
                      await loadReview(db);
                      const r = await withProgress(t('taskbook.export'), (task) =>
                        api['file:save']({
                          bytes,
                          suggestedName: `${tb.taskBookId}-taskbook.jbx`,
                          task,
                        }),
                      );
                      if (!r.canceled) setMessage(t('taskbook.exported', { name: r.name }));
                    })
                    .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
                }}
              >
                {t('taskbook.export')}
              </button>
              <button type="button" onClick={() => void reopen(db, profile?.label ?? '')}>
                {t('taskbook.reopen')}
              </button>
            </>
          )}
        </div>
        {blocking && draft.status === 'draft' && (
          <p className="note">{t('taskbook.blockingNote')}</p>
        )}
        {message && <p role="status">{message}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {current && current.missing.length > 0 && (
          <p role="alert" className="error" data-testid="tb-missing">
            {t('taskbook.missingGlyphs', {
              chars: current.missing.map(describeCodePoint).join('、'),
            })}
          </p>
        )}
      </div>
      {current && (
        <div className="card tb-preview" data-testid="tb-preview">
          <PdfViewer bytes={current.bytes} name={fileName} initialZoom={0.75} />
        </div>
      )}
    </aside>
  );
}

export function TaskBookScreen() {
  const t = useT();
  const db = useDb();
  const pkg = useReview((s) => s.pkg);
  const loadReview = useReview((s) => s.load);
  const { loaded, decision, draft, load } = useTaskBook();
  useEffect(() => {
    void loadReview(db);
  }, [db, loadReview]);
  useEffect(() => {
    if (pkg) void load(db, pkg.packageId);
  }, [db, pkg, load]);
  if (!pkg || !loaded) {
    return (
      <section className="screen">
        <h1>{t('taskbook.heading')}</h1>
        <p className="note">{t('taskbook.needPackage')}</p>
      </section>
    );
  }
  if (!decision) {
    return (
      <section className="screen">
        <h1>{t('taskbook.heading')}</h1>
        <p className="note">{t('taskbook.needDecision')}</p>
      </section>
    );
  }
  return (
    <section className="screen wide">
      <h1>{t('taskbook.heading')}</h1>
      <p className="lead">{t('taskbook.lead')}</p>
      {draft ? (
        <div className="tb-layout">
          <Editor decision={decision} draft={draft} />
          <Actions pkg={pkg} decision={decision} draft={draft} />
        </div>
      ) : (
        <Start pkg={pkg} decision={decision} />
      )}
    </section>
  );
}
