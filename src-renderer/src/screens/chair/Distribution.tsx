import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { fmt2 } from '../../../../src-shared/money';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { AggregateResult } from '../../../../src-shared/scoring';

/** Every expert's total per applicant, as dots: spread and outliers at a glance. */
export function Distribution({ pkg, agg }: { pkg: ReviewPackage; agg: AggregateResult }) {
  const points = agg.results.flatMap((r) =>
    r.experts.map((e) => ({
      x: pkg.applicants.findIndex((a) => a.id === r.applicantId) + 1,
      y: Number(fmt2(e.total)),
      expert: e.expertId,
    })),
  );
  return (
    <div className="chart" data-testid="distribution">
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
