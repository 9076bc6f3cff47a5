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
import { fmt2 } from '../../../../src-shared/money';
import type { ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import type { AggregateResult } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';
import { SolverColumn } from './SolverColumn';

const COLORS = ['#9e1b1b', '#0969da', '#1a7f37'];

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
  const t = useT();
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
        <h2>{t('compare.heading')}</h2>
        <span className="spacer" />
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('compare.print')}
        </button>
      </div>
      <div className="chart small">
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
      <div className={`compare-grid cols-${solverIds.length}`}>
        {solverIds.map((id) => (
          <SolverColumn key={id} pkg={pkg} agg={agg} sheets={sheets} applicantId={id} />
        ))}
      </div>
    </section>
  );
}
