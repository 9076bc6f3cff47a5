import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { fmt2, fmtMoney } from '../../../src-shared/money';
import type { ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import { NO_VALID_SHEETS, type AggregateResult } from '../../../src-shared/scoring';

const COLORS = ['#9e1b1b', '#0969da', '#1a7f37'];

/** Strengths and risks as the experts wrote them: comments on criteria scored high or low. */
function comments(pkg: ReviewPackage, sheets: readonly ScoreSheet[], applicantId: string) {
  const strengths: string[] = [];
  const risks: string[] = [];
  for (const sheet of sheets) {
    const score = sheet.scores.find((s) => s.applicantId === applicantId);
    if (!score || score.recusal) continue;
    for (const c of score.criteria) {
      const criterion = pkg.rubric.criteria.find((x) => x.id === c.criterionId);
      if (!criterion || c.comment.trim() === '') continue;
      const ratio = c.points / criterion.maxPoints;
      const line = `${criterion.name}：${c.comment}（${sheet.expertId}）`;
      if (ratio >= 0.85) strengths.push(line);
      else if (ratio < 0.75) risks.push(line);
    }
    if (score.deviationReason) risks.push(`${score.deviationReason}（${sheet.expertId}）`);
  }
  return { strengths: [...new Set(strengths)].slice(0, 4), risks: [...new Set(risks)].slice(0, 4) };
}

/** Two or three horse-race solvers side by side (第十二条（五）), printable. */
export function HorseRaceComparison({
  pkg,
  agg,
  sheets,
  solverIds,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  sheets: readonly ScoreSheet[];
  solverIds: readonly string[];
}) {
  const data = pkg.rubric.criteria.map((c) => ({
    criterion: c.name,
    ...Object.fromEntries(
      solverIds.map((id) => [
        id,
        Number(fmt2(agg.results.find((r) => r.applicantId === id)?.criterionMeans[c.id] ?? 0)),
      ]),
    ),
  }));
  return (
    <section className="card comparison" data-testid="comparison">
      <div className="row">
        <h2>赛马揭榜方对比</h2>
        <span className="spacer" />
        <button type="button" className="no-print" onClick={() => window.print()}>
          打印
        </button>
      </div>
      <div style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="criterion" />
            <YAxis />
            <Tooltip />
            <Legend />
            {solverIds.map((id, i) => (
              <Bar
                key={id}
                dataKey={id}
                name={pkg.applicants.find((a) => a.id === id)?.name ?? id}
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div
        className="compare-grid"
        style={{ gridTemplateColumns: `repeat(${solverIds.length}, minmax(0, 1fr))` }}
      >
        {solverIds.map((id) => {
          const a = pkg.applicants.find((x) => x.id === id);
          const r = agg.results.find((x) => x.applicantId === id);
          if (!a || !r) return null;
          const { strengths, risks } = comments(pkg, sheets, id);
          return (
            <div key={id} className="compare-col">
              <h3>
                {a.id} {a.name}
              </h3>
              <p>
                <strong>技术路线：</strong>
                {a.technicalRoute.label}
              </p>
              <p className="note">{a.technicalRoute.summary}</p>
              <p>
                <strong>得分：</strong>
                {r.final === null
                  ? NO_VALID_SHEETS
                  : `${fmt2(r.final)}（第 ${r.rank ?? '—'} 名，有效评分表 ${r.validSheets} 份）`}
              </p>
              <p>
                <strong>申请经费：</strong>
                {fmtMoney(a.requestedFunding)}
              </p>
              <p>
                <strong>首席专家：</strong>
                {a.chiefExpert.name}（{a.chiefExpert.title}）
              </p>
              <h4>优势</h4>
              <ul>
                {strengths.length > 0 ? (
                  strengths.map((s) => <li key={s}>{s}</li>)
                ) : (
                  <li className="note">—</li>
                )}
              </ul>
              <h4>风险</h4>
              <ul>
                {risks.length > 0 ? (
                  risks.map((s) => <li key={s}>{s}</li>)
                ) : (
                  <li className="note">—</li>
                )}
              </ul>
              <h4>里程碑与“赛马”阶段目标（拟）</h4>
              <ul>
                {a.milestones.map((m) => (
                  <li key={m.id}>
                    第 {m.month} 个月：{m.title}（{m.deliverables.join('、')}；指标{' '}
                    {m.indicatorIds
                      .map((i) => pkg.demand.indicators.find((x) => x.id === i)?.target ?? i)
                      .join('，')}
                    ）
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
