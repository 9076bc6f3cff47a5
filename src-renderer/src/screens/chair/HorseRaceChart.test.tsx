/**
 * The horse race comparison's chart (issue 22: Chart.js on a canvas instead of recharts' SVG)
 * keeps what the user reads: one bar per solver and criterion at the criterion's mean as the
 * exact decimal reference gives it (two places, half-up), and the same figures in the table
 * under the chart for keyboard, screen reader and print.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { fmt2 } from '../../../../src-shared/money';
import { samplePackage, sampleSheets } from '../../../../src-shared/sample-fixture';
import { aggregate, aggregateExact } from '../../../../src-shared/scoring';
import { HorseRaceChart, raceBars } from './HorseRaceChart';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

const cells = (markup: string) =>
  [...markup.matchAll(/<tr><th>([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
    m[1],
    ...[...(m[2] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]),
  ]);

describe('HorseRaceChart', () => {
  const pkg = samplePackage();
  const sheets = sampleSheets();
  const solverIds = ['A01', 'A02'];

  it('draws each solver’s mean per criterion as the exact reference gives it', () => {
    const exact = aggregateExact(pkg, sheets);
    const { criteria, series } = raceBars(pkg, aggregate(pkg, sheets), solverIds);
    expect(criteria.map((c) => c.id)).toEqual(pkg.rubric.criteria.map((c) => c.id));
    expect(series.map((s) => s.id)).toEqual(solverIds);
    for (const s of series) {
      const means = exact.results.find((r) => r.applicantId === s.id)?.criterionMeans ?? {};
      expect(s.figures).toEqual(pkg.rubric.criteria.map((c) => fmt2(means[c.id] ?? 'NaN')));
      expect(s.name).toBe(pkg.applicants.find((a) => a.id === s.id)?.name);
    }
  });

  it('puts the same figures in a table under the canvas, one row per criterion', () => {
    const agg = aggregate(pkg, sheets);
    const markup = renderToString(<HorseRaceChart pkg={pkg} agg={agg} solverIds={solverIds} />);
    expect(markup).toContain('<canvas role="img" tabindex="0"');
    expect(markup).toContain('2 位赛马揭榜方各评分指标平均分的柱状图');
    const { series } = raceBars(pkg, agg, solverIds);
    expect(cells(markup)).toEqual(
      pkg.rubric.criteria.map((c, i) => [c.name, ...series.map((s) => s.figures[i])]),
    );
    for (const s of series) expect(markup).toContain(`${s.id} ${s.name}`);
  });

  it('shows no figure as — for a solver with no valid sheet', () => {
    const agg = aggregate(pkg, []);
    const { series } = raceBars(pkg, agg, ['A01']);
    expect(series[0]?.figures.every((f) => f === null)).toBe(true);
    const markup = renderToString(<HorseRaceChart pkg={pkg} agg={agg} solverIds={['A01']} />);
    expect(cells(markup).map((row) => row[1])).toEqual(pkg.rubric.criteria.map(() => '—'));
  });
});
