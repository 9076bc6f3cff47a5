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
import { dec, fmt2, fmtMoney, MONEY_PATTERN, sum } from '../../../src-shared/money';
import type { PanelDecision, ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import { HorseRaceComparison } from '../components/HorseRaceComparison';
import { RaceSelection } from '../components/RaceSelection';
import { LocalProfileImport } from '../components/LocalProfileImport';
import { checkPanelDecision, type Finding } from '../../../src-shared/rules';
import { aggregate, proposeHorseRace, type AggregateResult } from '../../../src-shared/scoring';
import { api } from '../bridge';
import { useT } from '../i18n';
import { sheetsOf, useChair } from '../stores/chair';
import { withProgress } from '../stores/progress';
import { useReview } from '../stores/review';
import { useDb, useProfile } from '../stores/session';

const nameOf = (pkg: ReviewPackage, id: string) =>
  pkg.applicants.find((a) => a.id === id)?.name ?? id;

type SortKey = 'rank' | 'mean' | 'median' | 'spread';

function RankingTable({ pkg, agg }: { pkg: ReviewPackage; agg: AggregateResult }) {
  const t = useT();
  const [sort, setSort] = useState<SortKey>('rank');
  const rows = [...agg.results].sort((a, b) =>
    sort === 'rank' ? a.rank - b.rank : b[sort].comparedTo(a[sort]),
  );
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
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.applicantId} data-applicant={r.applicantId}>
              <td className="num">
                {r.rank}
                {r.tiedWith.length > 0 ? '=' : ''}
              </td>
              <td>{nameOf(pkg, r.applicantId)}</td>
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
              <td className="num">{fmt2(r.mean)}</td>
              <td className="num">
                <strong>{r.trimmedMean ? fmt2(r.trimmedMean) : '—'}</strong>
              </td>
              <td className="num">{fmt2(r.median)}</td>
              <td className="num">{fmt2(r.spread)}</td>
              {pkg.rubric.criteria.map((c) => (
                <td key={c.id} className="num">
                  {fmt2(r.criterionMeans[c.id] ?? 0)}
                </td>
              ))}
              <td className="num">{r.validSheets}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('chair.legend')}</p>
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

function opinionTemplate(
  pkg: ReviewPackage,
  agg: AggregateResult,
  recommended: string[],
  race: boolean,
  total: string,
): string {
  const method = {
    mean: '算术平均',
    'trimmed-mean': '去掉一个最高分和一个最低分后平均',
    median: '中位数',
  }[agg.method];
  const list = recommended
    .map(
      (id) =>
        `${nameOf(pkg, id)}（${fmt2(agg.results.find((r) => r.applicantId === id)?.final ?? 0)} 分）`,
    )
    .join('、');
  return `专家组于 ${pkg.schedule.reviewDate} 对“${pkg.demand.title}”的 ${pkg.applicants.length} 家揭榜方的资质条件、揭榜方案可行性和经费合理性进行了评审（第十二条（五）），收到有效评分表 ${agg.submittedExpertIds.length} 份，按${method}汇总。建议揭榜方：${list}${race ? '，以“赛马制”揭榜，先平行立项、后择优支持' : ''}；核定项目经费总额 ${total} 万元。`;
}

function Decision({
  pkg,
  agg,
  sheets,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  sheets: readonly ScoreSheet[];
}) {
  const t = useT();
  const db = useDb();
  const enrolment = useReview((s) => s.enrolment);
  const signAndBuild = useChair((s) => s.signAndBuild);
  const proposal = useMemo(() => proposeHorseRace(pkg, agg), [pkg, agg]);
  const [recommended, setRecommended] = useState<string[]>(proposal.candidateIds);
  const [race, setRace] = useState(proposal.isRecommended);
  const [override, setOverride] = useState('');
  const [share, setShare] = useState('0.3');
  const [funding, setFunding] = useState<Record<string, string>>({});
  const [deviationReasons, setDeviationReasons] = useState<Record<string, string>>({});
  const [opinion, setOpinion] = useState<string | null>(null);
  const [dissent, setDissent] = useState<{ expertId: string; reason: string }[]>([]);
  const [tieReasons, setTieReasons] = useState<Record<string, string>>({});
  // Ties still equal after the declared tie-break order: the chair orders them, on the record.
  const tieGroups = [
    ...new Set(
      agg.results
        .filter((r) => r.tiedWith.length > 0)
        .map((r) => [r.applicantId, ...r.tiedWith].sort().join(',')),
    ),
  ].map((k) => k.split(','));
  const [message, setMessage] = useState<string | null>(null);
  const amounts = recommended.map((id) => ({
    applicantId: id,
    amount: MONEY_PATTERN.test(funding[id] ?? '') ? (funding[id] ?? '0') : '0',
  }));
  const total = sum(amounts.map((a) => a.amount)).toFixed();
  const differs =
    race &&
    (recommended.length !== proposal.candidateIds.length ||
      recommended.some((id) => !proposal.candidateIds.includes(id)));
  const shownOpinion = opinion ?? opinionTemplate(pkg, agg, recommended, race, total);
  const decision: PanelDecision = {
    formatVersion: 1,
    packageId: pkg.packageId,
    chairExpertId: enrolment?.expertId ?? '',
    ranking: agg.results.map((r) => ({
      applicantId: r.applicantId,
      rank: r.rank,
      score: fmt2(r.final),
      validSheets: r.validSheets,
    })),
    tieBreaks: tieGroups
      .filter((g) => (tieReasons[g.join(',')] ?? '').trim().length >= 2)
      .map((g) => ({ applicantIds: g, order: g, reason: (tieReasons[g.join(',')] ?? '').trim() })),
    recommendedIds: recommended.length > 0 ? recommended : [''],
    ...(race && recommended.length >= 2
      ? {
          horseRace: {
            solverIds: recommended,
            reason: proposal.reasons.join(''),
            raceStageShare: share,
            ...(differs && override.trim() ? { overrideReason: override.trim() } : {}),
          },
        }
      : {}),
    approvedFunding: amounts,
    approvedTotal: total,
    opinion: shownOpinion,
    dissent: dissent.filter((d) => d.reason.trim().length >= 2),
    decidedAt: new Date().toISOString(),
  };
  const findings: Finding[] = [
    ...checkPanelDecision(decision, pkg, agg, deviationReasons),
    ...(recommended.length === 0
      ? [
          {
            rule: 'decision.recommended',
            article: '第十二条（五）',
            severity: 'blocking' as const,
            message: '须提出揭榜方建议名单（第十二条（五））',
            path: ['recommendedIds'],
          },
        ]
      : []),
    ...(differs && !override.trim()
      ? [
          {
            rule: 'horseRace.override',
            article: '第十二条（五）',
            severity: 'blocking' as const,
            message: '与系统建议不同，须写明理由（第十二条（五））',
            path: ['horseRace'],
          },
        ]
      : []),
    ...amounts
      .filter((a) => dec(a.amount).isZero())
      .map((a) => ({
        rule: 'funding.perSolver',
        article: '第十二条（五）',
        severity: 'blocking' as const,
        message: `请为 ${nameOf(pkg, a.applicantId)} 核定经费（第十二条（五））`,
        path: ['approvedFunding'],
      })),
  ];
  const blocking = findings.some((f) => f.severity === 'blocking');
  const deviations = agg.results.flatMap((r) =>
    r.experts
      .filter((e) => e.deviation && !e.deviationReason)
      .map((e) => ({ applicantId: r.applicantId, expertId: e.expertId })),
  );
  return (
    <div className="card decide">
      <h2>{t('chair.decide')}</h2>
      <fieldset>
        <legend>{t('chair.recommended')}</legend>
        {agg.results.map((r) => (
          <label key={r.applicantId} className="row">
            <input
              type="checkbox"
              checked={recommended.includes(r.applicantId)}
              onChange={(e) =>
                setRecommended((cur) =>
                  e.target.checked
                    ? [...cur, r.applicantId]
                    : cur.filter((x) => x !== r.applicantId),
                )
              }
            />
            {r.rank}. {nameOf(pkg, r.applicantId)}（{fmt2(r.final)} 分，
            {pkg.applicants.find((a) => a.id === r.applicantId)?.technicalRoute.label}）
          </label>
        ))}
      </fieldset>
      <label className="row">
        <input type="checkbox" checked={race} onChange={(e) => setRace(e.target.checked)} />
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
      {differs && (
        <label className="block">
          {t('chair.override')}
          <textarea rows={2} value={override} onChange={(e) => setOverride(e.target.value)} />
        </label>
      )}
      {race && (
        <label className="row">
          {t('chair.share')}
          <input
            value={share}
            onChange={(e) => setShare(e.target.value)}
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
              value={funding[id] ?? ''}
              onChange={(e) => setFunding((f) => ({ ...f, [id]: e.target.value.trim() }))}
              style={{ width: '8em' }}
            />
          </label>
        ))}
        <p data-testid="approved-total">{t('chair.total', { total: fmtMoney(total) })}</p>
      </div>
      {deviations.map((d) => (
        <label key={`${d.applicantId}/${d.expertId}`} className="block">
          {t('chair.deviationReason', { expert: d.expertId, applicant: d.applicantId })}
          <input
            value={deviationReasons[`${d.applicantId}/${d.expertId}`] ?? ''}
            onChange={(e) =>
              setDeviationReasons((r) => ({
                ...r,
                [`${d.applicantId}/${d.expertId}`]: e.target.value,
              }))
            }
          />
        </label>
      ))}
      {tieGroups.map((g) => (
        <label key={g.join(',')} className="block">
          {`并列：${g.map((id) => nameOf(pkg, id)).join('、')}——组长排序（按列出顺序）及理由`}
          <input
            value={tieReasons[g.join(',')] ?? ''}
            onChange={(e) => setTieReasons((r) => ({ ...r, [g.join(',')]: e.target.value }))}
          />
        </label>
      ))}
      <label className="block">
        {t('chair.opinion')}
        <textarea rows={5} value={shownOpinion} onChange={(e) => setOpinion(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('chair.dissent')}</legend>
        {dissent.map((d, i) => (
          <div key={i} className="row">
            <select
              value={d.expertId}
              onChange={(e) =>
                setDissent((all) =>
                  all.map((x, k) => (k === i ? { ...x, expertId: e.target.value } : x)),
                )
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
                setDissent((all) =>
                  all.map((x, k) => (k === i ? { ...x, reason: e.target.value } : x)),
                )
              }
              style={{ flex: 1 }}
            />
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setDissent((all) => [...all, { expertId: pkg.panel.experts[0]?.id ?? '', reason: '' }])
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
        disabled={blocking || !enrolment}
        onClick={() => {
          if (!enrolment) return;
          const chair = pkg.panel.experts.find((e) => e.id === enrolment.expertId);
          void signAndBuild(
            db,
            enrolment,
            decision,
            pkg.bureau.ageRecipient,
            chair?.name ?? enrolment.expertId,
          )
            .then((bytes) =>
              withProgress(t('chair.sign'), (task) =>
                api['file:save']({ bytes, suggestedName: `${pkg.packageId}-panel.jbx`, task }),
              ),
            )
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
  const loadReview = useReview((s) => s.load);
  const gathered = useChair((s) => s.gathered);
  const outcomes = useChair((s) => s.outcomes);
  const load = useChair((s) => s.load);
  const importSheets = useChair((s) => s.importSheets);
  useEffect(() => {
    void loadReview(db).then(() => load(db));
  }, [db, load, loadReview]);
  const agg = useMemo(() => (pkg ? aggregate(pkg, sheetsOf(gathered)) : null), [pkg, gathered]);
  const isChair =
    pkg &&
    enrolment &&
    pkg.panel.experts.find((e) => e.id === enrolment.expertId)?.role === 'chair';
  if (!pkg || !isChair || !agg) {
    return (
      <section className="screen">
        <h1>{t('chair.heading')}</h1>
        <p className="note">{t('chair.onlyChair')}</p>
      </section>
    );
  }
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
              if (!r.canceled) await importSheets(db, profile?.label ?? '', r.files);
            })
          }
        >
          {t('chair.import')}
        </button>
        <LocalProfileImport onBundle={(file) => importSheets(db, profile?.label ?? '', [file])} />
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
            const g = gathered.find((x) => x.expertId === e.id);
            const recused =
              g?.sheet.scores.filter((s) => s.recusal).map((s) => s.applicantId) ?? [];
            return (
              <li key={e.id}>
                {e.id} {e.name}：{g ? t('chair.submitted') : t('chair.missing')}
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
      {gathered.length > 0 && (
        <Decision
          key={gathered.map((g) => g.manifestSha256).join()}
          pkg={pkg}
          agg={agg}
          sheets={sheetsOf(gathered)}
        />
      )}
    </section>
  );
}
