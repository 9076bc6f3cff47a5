import { useEffect, useMemo, useState } from 'react';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  deviationsNeedingReason,
  differsFromProposal,
  methodSentence,
  tieGroupKey,
  tieGroups,
  type DecisionChoices,
} from '../../../src-shared/decision';
import { fmt2, fmtMoney, type Dec } from '../../../src-shared/money';
import type { ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import { METHOD_SHORT, NO_VALID_SHEETS, type AggregateResult } from '../../../src-shared/scoring';
import { HorseRaceComparison } from '../components/HorseRaceComparison';
import { RaceSelection } from '../components/RaceSelection';
import { LocalProfileImport } from '../components/LocalProfileImport';
import { MeetingPrint } from './meeting/MeetingPrint';
import { api } from '../bridge';
import { useT } from '../i18n';
import { useChair } from '../stores/chair';
import { withProgress } from '../stores/progress';
import { useReview } from '../stores/review';
import { useDb, useProfile } from '../stores/session';
import { chairDesk, deskSheets, type Desk } from '../workflows/chair';

const nameOf = (pkg: ReviewPackage, id: string) =>
  pkg.applicants.find((a) => a.id === id)?.name ?? id;

type SortKey = 'rank' | 'mean' | 'median' | 'spread';

/** Descending by a figure; no figure (无有效评分) last. */
const byFigure = (a: Dec | null, b: Dec | null): number =>
  a === null || b === null ? (a === null ? -1 : 0) - (b === null ? -1 : 0) : a.comparedTo(b);
const fig = (v: Dec | null): string => (v === null ? '—' : fmt2(v));

function RankingTable({ pkg, agg }: { pkg: ReviewPackage; agg: AggregateResult }) {
  const t = useT();
  const [sort, setSort] = useState<SortKey>('rank');
  const rows =
    sort === 'rank' ? agg.results : [...agg.results].sort((a, b) => byFigure(b[sort], a[sort]));
  const experts = pkg.panel.experts;
  const th = (key: SortKey, label: string) => (
    <th className="num">
      <button
        type="button"
        className="link"
        onClick={() => setSort(key)}
        aria-pressed={sort === key}
      >
        {label}
      </button>
    </th>
  );
  return (
    <div className="table-wrap">
      <table data-testid="ranking">
        <thead>
          <tr>
            {th('rank', '名次')}
            <th>揭榜方</th>
            {experts.map((e) => (
              <th key={e.id} className="num" title={e.name}>
                {e.id}
              </th>
            ))}
            {th('mean', '平均')}
            <th className="num">去极值平均</th>
            {th('median', '中位数')}
            {th('spread', '极差')}
            {pkg.rubric.criteria.map((c) => (
              <th key={c.id} className="num" title={c.name}>
                {c.id}均分
              </th>
            ))}
            <th className="num">有效</th>
            <th>汇总方法</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.applicantId} data-applicant={r.applicantId}>
              <td className="num">
                {r.rank ?? '—'}
                {r.tiedWith.length > 0 ? '=' : ''}
              </td>
              <td className="name">{nameOf(pkg, r.applicantId)}</td>
              {experts.map((e) => {
                if (r.recusedExpertIds.includes(e.id))
                  return (
                    <td key={e.id} className="num note">
                      回避
                    </td>
                  );
                const x = r.experts.find((y) => y.expertId === e.id);
                if (!x)
                  return (
                    <td key={e.id} className="num note">
                      —
                    </td>
                  );
                return (
                  <td
                    key={e.id}
                    className={`num ${x.deviation ? 'error' : ''}`}
                    title={
                      x.deviation
                        ? `偏离 ${fmt2(x.deviation)} 分：${x.deviationReason ?? '未说明理由'}`
                        : undefined
                    }
                  >
                    {x.dropped ? `(${fmt2(x.total)})` : fmt2(x.total)}
                    {x.deviation ? '!' : ''}
                  </td>
                );
              })}
              <td className="num">{fig(r.mean)}</td>
              <td className="num">
                <strong>{fig(r.trimmedMean)}</strong>
              </td>
              <td className="num">{fig(r.median)}</td>
              <td className="num">{fig(r.spread)}</td>
              {pkg.rubric.criteria.map((c) => (
                <td key={c.id} className="num">
                  {fig(r.criterionMeans[c.id] ?? null)}
                </td>
              ))}
              <td
                className={`num ${r.belowMinValidSheets ? 'warn' : ''}`}
                title={
                  r.belowMinValidSheets
                    ? `少于 ${pkg.aggregation.minValidSheets} 份（aggregation.minValidSheets）`
                    : undefined
                }
              >
                {r.validSheets}
                {r.belowMinValidSheets ? '*' : ''}
              </td>
              <td className="method" title={r.methodNote ?? undefined}>
                {r.method === null ? NO_VALID_SHEETS : METHOD_SHORT[r.method]}
                {r.methodNote ? `（${r.methodNote}）` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note" data-testid="method-statement">
        {t('chair.method', { method: methodSentence(pkg, agg) })}
      </p>
      <p className="note">{t('chair.legend', { min: pkg.aggregation.minValidSheets })}</p>
    </div>
  );
}

function Distribution({ pkg, agg }: { pkg: ReviewPackage; agg: AggregateResult }) {
  const points = agg.results.flatMap((r) =>
    r.experts.map((e) => ({
      x: pkg.applicants.findIndex((a) => a.id === r.applicantId) + 1,
      y: Number(fmt2(e.total)),
      expert: e.expertId,
    })),
  );
  return (
    <div style={{ width: '100%', height: 240 }} data-testid="distribution">
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, pkg.applicants.length + 1]}
            ticks={pkg.applicants.map((_, i) => i + 1)}
            tickFormatter={(v: number) => pkg.applicants[v - 1]?.id ?? ''}
          />
          <YAxis type="number" dataKey="y" domain={[0, 100]} />
          <Tooltip />
          <Scatter data={points} fill="#9e1b1b" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A text field of the decision: what the chair types goes straight into the choices. */
function ReasonField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <label className="block">
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}

function Decision({
  pkg,
  desk,
  sheets,
}: {
  pkg: ReviewPackage;
  desk: Desk;
  sheets: readonly ScoreSheet[];
}) {
  const t = useT();
  const db = useDb();
  const enrolment = useReview((s) => s.enrolment);
  const own = useReview((s) => s.sheet);
  const reload = useReview((s) => s.load);
  const signAndBuild = useChair((s) => s.signAndBuild);
  const setChoices = useChair((s) => s.setChoices);
  const [message, setMessage] = useState<string | null>(null);
  const { analysis, choices, decision, findings, canSign } = desk;
  const { agg, proposal } = analysis;
  const update = (patch: Partial<DecisionChoices>) => setChoices({ ...choices, ...patch });
  const recommended = choices.recommendedIds;
  const race = choices.isHorseRace;
  const thin = agg.results.filter((r) => r.belowMinValidSheets);
  return (
    <div className="card decide">
      <h2>{t('chair.decide')}</h2>
      {agg.missingExpertIds.length > 0 && (
        <fieldset data-testid="absences">
          <legend>{t('chair.absences', { size: pkg.panel.experts.length })}</legend>
          {agg.missingExpertIds.map((id) => (
            <ReasonField
              key={id}
              label={t('chair.absence', {
                expert: `${id} ${pkg.panel.experts.find((e) => e.id === id)?.name ?? ''}`,
              })}
              value={choices.absences[id] ?? ''}
              onChange={(v) => update({ absences: { ...choices.absences, [id]: v } })}
            />
          ))}
        </fieldset>
      )}
      {thin.length > 0 && (
        <ReasonField
          label={t('chair.belowMin', {
            min: pkg.aggregation.minValidSheets,
            list: thin.map((r) => `${r.applicantId}（${r.validSheets} 份）`).join('、'),
          })}
          value={choices.belowMinValidSheetsReason}
          onChange={(v) => update({ belowMinValidSheetsReason: v })}
        />
      )}
      <fieldset>
        <legend>{t('chair.recommended')}</legend>
        {agg.results.map((r) => (
          <label key={r.applicantId} className="row">
            <input
              type="checkbox"
              checked={recommended.includes(r.applicantId)}
              onChange={(e) =>
                update({
                  recommendedIds: e.target.checked
                    ? [...recommended, r.applicantId]
                    : recommended.filter((x) => x !== r.applicantId),
                })
              }
            />
            {r.rank ?? '—'}. {nameOf(pkg, r.applicantId)}（
            {r.final === null ? NO_VALID_SHEETS : `${fmt2(r.final)} 分`}，
            {pkg.applicants.find((a) => a.id === r.applicantId)?.technicalRoute.label}）
          </label>
        ))}
      </fieldset>
      <label className="row">
        <input
          type="checkbox"
          checked={race}
          onChange={(e) => update({ isHorseRace: e.target.checked })}
        />
        {t('chair.race')}
      </label>
      <details open>
        <summary>{t('chair.raceReasons')}</summary>
        <ul data-testid="race-reasons">
          {proposal.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
      {differsFromProposal(choices, proposal) && (
        <label className="block">
          {t('chair.override')}
          <textarea
            rows={2}
            value={choices.overrideReason}
            onChange={(e) => update({ overrideReason: e.target.value })}
          />
        </label>
      )}
      {race && (
        <label className="row">
          {t('chair.share')}
          <input
            value={choices.raceStageShare}
            onChange={(e) => update({ raceStageShare: e.target.value })}
            style={{ width: '5em' }}
          />
        </label>
      )}
      <div className="funding">
        {recommended.map((id) => (
          <label key={id} className="row">
            {t('chair.funding')} · {nameOf(pkg, id)}
            <input
              aria-label={`${t('chair.funding')} ${id}`}
              value={choices.funding[id] ?? ''}
              onChange={(e) =>
                update({ funding: { ...choices.funding, [id]: e.target.value.trim() } })
              }
              style={{ width: '8em' }}
            />
          </label>
        ))}
        <p data-testid="approved-total">
          {t('chair.total', { total: fmtMoney(decision.approvedTotal) })}
        </p>
      </div>
      {deviationsNeedingReason(agg).map((d) => {
        const key = `${d.applicantId}/${d.expertId}`;
        return (
          <ReasonField
            key={key}
            label={t('chair.deviationReason', { expert: d.expertId, applicant: d.applicantId })}
            value={choices.deviationReasons[key] ?? ''}
            onChange={(v) =>
              update({ deviationReasons: { ...choices.deviationReasons, [key]: v } })
            }
          />
        );
      })}
      {tieGroups(agg).map((g) => {
        const key = tieGroupKey(g);
        return (
          <ReasonField
            key={key}
            label={`并列：${g.map((id) => nameOf(pkg, id)).join('、')}——组长排序（按列出顺序）及理由`}
            value={choices.tieReasons[key] ?? ''}
            onChange={(v) => update({ tieReasons: { ...choices.tieReasons, [key]: v } })}
          />
        );
      })}
      <label className="block">
        {t('chair.opinion')}
        <textarea
          rows={5}
          value={decision.opinion}
          onChange={(e) => update({ opinion: e.target.value })}
          data-testid="opinion"
        />
      </label>
      <fieldset>
        <legend>{t('chair.dissent')}</legend>
        {choices.dissent.map((d, i) => (
          <div key={i} className="row">
            <select
              value={d.expertId}
              onChange={(e) =>
                update({
                  dissent: choices.dissent.map((x, k) =>
                    k === i ? { ...x, expertId: e.target.value } : x,
                  ),
                })
              }
            >
              {pkg.panel.experts.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.id} {e.name}
                </option>
              ))}
            </select>
            <input
              value={d.reason}
              onChange={(e) =>
                update({
                  dissent: choices.dissent.map((x, k) =>
                    k === i ? { ...x, reason: e.target.value } : x,
                  ),
                })
              }
              style={{ flex: 1 }}
            />
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            update({
              dissent: [
                ...choices.dissent,
                { expertId: pkg.panel.experts[0]?.id ?? '', reason: '' },
              ],
            })
          }
        >
          {t('chair.addDissent')}
        </button>
      </fieldset>
      {race && recommended.length >= 2 && (
        <HorseRaceComparison pkg={pkg} agg={agg} sheets={sheets} solverIds={recommended} />
      )}
      <h3>{t('chair.findings')}</h3>
      {findings.length === 0 ? (
        <p className="ok">{t('chair.noFindings')}</p>
      ) : (
        <ul data-testid="findings">
          {findings.map((f, i) => (
            <li key={i} className={f.severity === 'blocking' ? 'error' : 'warn'}>
              {f.severity === 'blocking' ? '✗' : '!'} {f.message}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="primary"
        disabled={!canSign || !enrolment}
        onClick={() => {
          if (!enrolment) return;
          void signAndBuild(db, enrolment, {
            pkg,
            decision: { ...decision, decidedAt: new Date().toISOString() },
            own,
          })
            .then(async (bytes) => {
              await reload(db);
              return withProgress(t('chair.sign'), (task) =>
                api['file:save']({ bytes, suggestedName: `${pkg.packageId}-panel.jbx`, task }),
              );
            })
            .then((r) => !r.canceled && setMessage(t('chair.exported', { name: r.name })));
        }}
      >
        {t('chair.sign')}
      </button>
      {message && <p role="status">{message}</p>}
      {race && recommended.length >= 2 && enrolment && (
        <RaceSelection pkg={pkg} solverIds={recommended} actor={enrolment.expertId} />
      )}
      <section className="signatures" data-testid="signatures">
        <div className="row">
          <h3>专家组成员签字</h3>
          <span className="spacer" />
          <button type="button" className="no-print" onClick={() => window.print()}>
            打印专家组评审结果
          </button>
        </div>
        <table>
          <tbody>
            {pkg.panel.experts.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.role === 'chair' ? '组长' : '成员'} {e.name}（{e.organisation}）
                  {decision.absences.some((a) => a.expertId === e.id) ? '（缺席）' : ''}
                </td>
                <td className="sign-line">签字：</td>
                <td className="sign-line">日期：</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

export function ChairScreen() {
  const t = useT();
  const db = useDb();
  const profile = useProfile();
  const pkg = useReview((s) => s.pkg);
  const enrolment = useReview((s) => s.enrolment);
  const own = useReview((s) => s.sheet);
  const loadReview = useReview((s) => s.load);
  const gathered = useChair((s) => s.gathered);
  const outcomes = useChair((s) => s.outcomes);
  const choices = useChair((s) => s.choices);
  const load = useChair((s) => s.load);
  const importSheets = useChair((s) => s.importSheets);
  useEffect(() => {
    void loadReview(db).then(() => load(db));
  }, [db, load, loadReview]);
  const isChair =
    pkg &&
    enrolment &&
    pkg.panel.experts.find((e) => e.id === enrolment.expertId)?.role === 'chair';
  // The imported sheets and the chair's own submitted sheet, as every door gathers them.
  const sheets = useMemo(() => (pkg ? deskSheets(pkg, gathered, own) : []), [pkg, gathered, own]);
  const desk = useMemo(
    () =>
      pkg && enrolment
        ? chairDesk(pkg, sheets, choices, enrolment.expertId, new Date().toISOString())
        : null,
    [pkg, sheets, choices, enrolment],
  );
  if (!pkg || !isChair || !desk) {
    return (
      <section className="screen">
        <h1>{t('chair.heading')}</h1>
        <p className="note">{t('chair.onlyChair')}</p>
      </section>
    );
  }
  const { agg } = desk.analysis;
  return (
    <section className="screen wide">
      <h1>{t('chair.heading')}</h1>
      <div className="card">
        <h2>{t('chair.gather')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() =>
            void withProgress(t('chair.import'), (task) =>
              api['file:open']({
                filters: [{ name: '评分表', extensions: ['jbx'] }],
                multiple: true,
                task,
              }),
            ).then(async (r) => {
              if (!r.canceled) await importSheets(db, profile?.label ?? '', pkg, r.files);
            })
          }
        >
          {t('chair.import')}
        </button>
        <LocalProfileImport
          onBundle={(file) => importSheets(db, profile?.label ?? '', pkg, [file])}
        />
        {outcomes.length > 0 && (
          <ul className="checks" data-testid="import-outcomes">
            {outcomes.map((o) => (
              <li key={o.file} className={o.ok ? 'ok' : 'error'}>
                {o.ok ? '✓' : '✗'} {o.file}：{o.message}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('chair.board')}</h3>
        <ul className="plain board" data-testid="board">
          {pkg.panel.experts.map((e) => {
            const sheet = sheets.find((x) => x.expertId === e.id);
            const recused = sheet?.scores.filter((s) => s.recusal).map((s) => s.applicantId) ?? [];
            const status = !sheet
              ? t('chair.missing')
              : e.id === enrolment?.expertId && !gathered.some((g) => g.expertId === e.id)
                ? t('chair.ownSheet')
                : t('chair.submitted');
            return (
              <li key={e.id}>
                {e.id} {e.name}：{status}
                {recused.length > 0 ? `（回避 ${recused.join('、')}）` : ''}
              </li>
            );
          })}
        </ul>
      </div>
      <h2>{t('chair.ranking')}</h2>
      <RankingTable pkg={pkg} agg={agg} />
      <h3>{t('chair.distribution')}</h3>
      <Distribution pkg={pkg} agg={agg} />
      {sheets.length > 0 && <Decision pkg={pkg} desk={desk} sheets={sheets} />}
      <MeetingPrint input={sheets.length > 0 ? { pkg, agg, decision: desk.decision } : { pkg }} />
    </section>
  );
}
