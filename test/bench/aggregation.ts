import { isDeepStrictEqual } from 'node:util';
import { fmt2 } from '../../src-shared/money';
import type { ReviewPackage, ScoreSheet } from '../../src-shared/model';
import {
  aggregate,
  aggregateExact,
  proposeHorseRace,
  type AggregateResult,
} from '../../src-shared/scoring';
import { aggregateFast, project } from '../../src-shared/scoring/aggregate-fast';
import { generatePanel } from '../../src-shared/sample/generate';
import { peakRssMb, timesMs, type BenchSuite } from './harness';

/** Two places, half-up, of a non-negative n / d in integers: the figure a person would write. */
function byHand(n: number, d: number): string {
  const hundredths = Math.floor((200 * n + d) / (2 * d));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * Cells computed by hand from the sheets (every criterion on steps of 0.5, no weights: totals in
 * half points, integers), independently of either aggregation: mean, trimmed mean (one highest,
 * one lowest dropped), median, spread. Throws on the first cell that differs, so the bench fails.
 */
export function checkCellsByHand(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[],
  agg: AggregateResult,
  applicantIds: readonly string[],
): string[] {
  const checked: string[] = [];
  for (const id of applicantIds) {
    const halves: number[] = [];
    for (const expert of pkg.panel.experts) {
      const score = sheets
        .find((s) => s.expertId === expert.id)
        ?.scores.find((x) => x.applicantId === id);
      if (!score || score.recusal) continue;
      halves.push(score.criteria.reduce((sum, c) => sum + Math.round(c.points * 2), 0));
    }
    const n = halves.length;
    const sum = halves.reduce((a, b) => a + b, 0);
    const sorted = [...halves].sort((a, b) => a - b);
    const low = sorted[0] ?? 0;
    const high = sorted[n - 1] ?? 0;
    const median =
      n % 2 === 1
        ? byHand(sorted[(n - 1) / 2] ?? 0, 2)
        : byHand((sorted[n / 2 - 1] ?? 0) + (sorted[n / 2] ?? 0), 4);
    const expected = {
      mean: byHand(sum, 2 * n),
      trimmedMean: byHand(sum - low - high, 2 * (n - 2)),
      median,
      spread: byHand(high - low, 2),
    };
    const r = agg.results.find((x) => x.applicantId === id);
    const got = {
      mean: r?.mean ? fmt2(r.mean) : '—',
      trimmedMean: r?.trimmedMean ? fmt2(r.trimmedMean) : '—',
      median: r?.median ? fmt2(r.median) : '—',
      spread: r?.spread ? fmt2(r.spread) : '—',
    };
    if (!isDeepStrictEqual(got, expected))
      throw new Error(
        `aggregation: ${id} computed by hand ${JSON.stringify(expected)}, aggregated ${JSON.stringify(got)}`,
      );
    checked.push(`${id} ${expected.mean}/${expected.trimmedMean}/${expected.median}`);
  }
  return checked;
}

export const aggregationSuite: BenchSuite = {
  name: 'aggregation',
  run: async () => {
    const { pkg, sheets } = generatePanel({
      experts: 50,
      applicants: 200,
      criteria: 10,
      seed: 42,
      recusalRate: 0.02,
    });
    // Correctness first: the fast path is what `aggregate` takes, and equals the reference.
    if (!aggregateFast(pkg, sheets)) throw new Error('aggregation: the fast path was not taken');
    const fast = aggregate(pkg, sheets);
    if (!isDeepStrictEqual(project(fast), project(aggregateExact(pkg, sheets))))
      throw new Error('aggregation: the fast path differs from the exact decimal reference');
    const cells = checkCellsByHand(pkg, sheets, fast, ['A0001', 'A0077', 'A0200']);

    const quick = await timesMs(() => aggregate(pkg, sheets), 15);
    const withRace = await timesMs(() => proposeHorseRace(pkg, aggregate(pkg, sheets)), 7);
    // Every figure made, as a table showing all 50 × 200 cells would (the per-criterion scores too).
    const everything = await timesMs(() => {
      for (const r of aggregate(pkg, sheets).results) {
        void [r.final, r.mean, r.trimmedMean, r.median, r.criterionMeans];
        for (const e of r.experts) void [e.total, e.perCriterion];
      }
    }, 5);
    const exact = await timesMs(() => aggregateExact(pkg, sheets), 3);
    const { peakMb } = await peakRssMb(() => aggregate(pkg, sheets));
    const peer = `exact decimal reference ${exact.median.toFixed(0)} ms`;
    return [
      {
        suite: 'aggregation',
        name: '50 × 200 × 10: aggregate and rank (median of 15)',
        value: quick.median,
        unit: 'ms',
        target: { max: 20 },
        peer,
        note: `best ${quick.best.toFixed(1)} ms; identical to the reference; by hand: ${cells.join(', ')}`,
      },
      {
        suite: 'aggregation',
        name: '50 × 200 × 10: + horse race (median of 7)',
        value: withRace.median,
        unit: 'ms',
      },
      {
        suite: 'aggregation',
        name: '50 × 200 × 10: + every figure as a decimal (median of 5)',
        value: everything.median,
        unit: 'ms',
        note: 'what a table drawing all 10,000 cells and 100,000 scores would read',
      },
      {
        suite: 'aggregation',
        name: '50 × 200 × 10: exact decimal reference (median of 3)',
        value: exact.median,
        unit: 'ms',
        note: 'aggregateExact: decimal.js for every sum (the path before issue 22)',
      },
      { suite: 'aggregation', name: 'peak RSS growth', value: peakMb, unit: 'MB' },
    ];
  },
};
