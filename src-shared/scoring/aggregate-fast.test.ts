import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion, ReviewPackage, ScoreSheet } from '../model';
import { samplePackage, sampleSheets } from '../sample-fixture';
import { generatePanel } from '../sample/generate';
import { aggregate, aggregateExact } from './aggregate';
import { aggregateFast, decimalPlaces, project } from './aggregate-fast';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('sample value missing');
  return value;
}

const STEPS = [0.5, 1, 0.1, 0.25, 0.2, 0.05, 2];
const WEIGHTS = [undefined, 1, 2, 1.5, 0.3, 0.25, 0.125];

/**
 * A random panel: 1–5 criteria (steps 0.05–2, weights or none), 1–9 experts, 1–7 applicants;
 * scores drawn from a few step multiples (so ties happen), some recusals, absent entries,
 * missing or repeated criteria, drafts, sheets of another package, a second sheet of one expert;
 * now and then a score as the float product k × step (0.30000000000000004), which the integer
 * scheme refuses and the reference takes.
 */
const arbPanel = fc
  .record({
    criteria: fc.array(
      fc.record({
        step: fc.constantFrom(...STEPS),
        multiples: fc.integer({ min: 2, max: 40 }),
        weight: fc.constantFrom(...WEIGHTS),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    experts: fc.integer({ min: 1, max: 9 }),
    applicants: fc.integer({ min: 1, max: 7 }),
    method: fc.constantFrom('mean', 'trimmed-mean', 'median'),
    trimMinSheets: fc.integer({ min: 3, max: 6 }),
    minValidSheets: fc.integer({ min: 1, max: 6 }),
    deviationThreshold: fc.constantFrom(0.5, 2.25, 5, 15),
    tieBreak: fc.array(fc.constantFrom('C0', 'C1', 'C2', 'C3', 'CX'), { maxLength: 3 }),
    spread: fc.integer({ min: 0, max: 6 }),
    floatProducts: fc.boolean(),
    draws: fc.array(fc.nat({ max: 999 }), { minLength: 64, maxLength: 64 }),
  })
  .map((spec) => {
    let k = 0;
    const next = (n: number) => (spec.draws[k++ % spec.draws.length] ?? 0) % n;
    const base = samplePackage();
    const criteria: Criterion[] = spec.criteria.map((c, i) => ({
      id: `C${i}`,
      name: `指标${i}`,
      description: '',
      maxPoints: Number((c.step * c.multiples).toFixed(2)),
      step: c.step,
      guidanceBands: [],
      ...(c.weight === undefined ? {} : { weight: c.weight }),
      requiresComment: false,
    }));
    const pkg: ReviewPackage = {
      ...base,
      applicants: Array.from({ length: spec.applicants }, (_, i) => ({
        ...structuredClone(must(base.applicants[0])),
        id: `X${i}`,
        name: `X${i}`,
      })),
      panel: {
        minSize: 1,
        experts: Array.from({ length: spec.experts }, (_, i) => ({
          ...structuredClone(must(base.panel.experts[0])),
          id: `P${i}`,
        })),
      },
      rubric: { criteria, commentBelowFraction: 0.6 },
      aggregation: {
        ...base.aggregation,
        method: spec.method,
        trimMinSheets: spec.trimMinSheets,
        minValidSheets: spec.minValidSheets,
        deviationThreshold: spec.deviationThreshold,
        tieBreakOrder: spec.tieBreak,
      },
    };
    const points = (c: (typeof spec.criteria)[number]) => {
      const m = Math.max(0, Math.min(c.multiples, c.multiples - next(spec.spread + 1)));
      return spec.floatProducts && next(4) === 0 ? m * c.step : Number((m * c.step).toFixed(2));
    };
    const sheetOf = (expertId: string, packageId: string): ScoreSheet => ({
      formatVersion: 1,
      packageId,
      expertId,
      status: next(10) === 0 ? 'draft' : 'submitted',
      scores: pkg.applicants.flatMap((a): ScoreSheet['scores'] => {
        const roll = next(20);
        if (roll === 0) return [];
        if (roll === 1)
          return [
            {
              applicantId: a.id,
              recusal: { kind: 'kinship', reason: '亲属关系' },
              criteria: [],
              overallOpinion: '',
            },
          ];
        const entries = spec.criteria.map((c, i) => ({
          criterionId: `C${i}`,
          points: points(c),
          comment: '',
        }));
        if (roll === 2) entries.pop(); // a criterion without a score counts 0
        if (roll === 3 && entries[0]) entries.push({ ...entries[0], points: 0 }); // repeated: last wins
        if (roll === 4) entries.reverse();
        return [
          {
            applicantId: a.id,
            criteria: entries,
            overallOpinion: 'x',
            // An empty reason counts as none, in both paths.
            ...(roll === 5
              ? { deviationReason: '理由' }
              : roll === 6
                ? { deviationReason: '' }
                : {}),
          },
        ];
      }),
    });
    const sheets = pkg.panel.experts.flatMap((e) =>
      next(8) === 0 ? [] : [sheetOf(e.id, next(20) === 0 ? 'OTHER' : pkg.packageId)],
    );
    if (sheets.length > 0 && next(3) === 0) sheets.push(sheetOf('P0', pkg.packageId));
    return { pkg, sheets };
  });

describe('aggregateFast: the same result as the exact decimal reference', () => {
  it('on random panels, figure for figure at full precision, ranks and ties included', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(arbPanel, ({ pkg, sheets }) => {
        runs++;
        const reference = project(aggregateExact(pkg, sheets));
        const quick = aggregateFast(pkg, sheets);
        if (quick) {
          fast++;
          expect(project(quick)).toEqual(reference);
        }
        expect(project(aggregate(pkg, sheets))).toEqual(reference);
      }),
      { numRuns: 400 },
    );
    // Most random panels take the integer scheme (the rest: float products such as 0.1 × 3).
    expect(fast).toBeGreaterThan(runs / 2);
  });

  it('ranks ties on the displayed figures, as the reference does', () => {
    fc.assert(
      fc.property(arbPanel, ({ pkg, sheets }) => {
        const reference = aggregateExact(pkg, sheets);
        const quick = aggregate(pkg, sheets);
        expect(quick.results.map((r) => [r.applicantId, r.rank, r.tiedWith.join()])).toEqual(
          reference.results.map((r) => [r.applicantId, r.rank, r.tiedWith.join()]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("takes the integer scheme for the e2e's sample panel (7 experts) and for 7 × 20 and 50 × 200", () => {
    const panels = [
      { pkg: samplePackage(), sheets: sampleSheets() },
      generatePanel({ experts: 7, applicants: 20, criteria: 10, seed: 7, recusalRate: 0.05 }),
      generatePanel({ experts: 50, applicants: 200, criteria: 10, seed: 42, recusalRate: 0.02 }),
    ];
    for (const { pkg, sheets } of panels) {
      const quick = aggregateFast(pkg, sheets);
      expect(quick).not.toBeNull();
      if (quick) expect(project(quick)).toEqual(project(aggregateExact(pkg, sheets)));
    }
  });

  it('leaves to the reference what integers cannot hold, with the same result', () => {
    const pkg = samplePackage();
    const sheets = sampleSheets();
    const first = sheets[0]?.scores[0]?.criteria[0];
    if (!first) throw new Error('sample sheet missing');
    first.points = 0.1 + 0.2; // 0.30000000000000004: 17 decimal places
    expect(aggregateFast(pkg, sheets)).toBeNull();
    expect(project(aggregate(pkg, sheets))).toEqual(project(aggregateExact(pkg, sheets)));
    expect(aggregate(pkg, sheets).results[0]?.experts[0]?.total.toString()).toMatch(
      /\.80000000000000004$/, // 70.5 + 0.30000000000000004
    );
  });

  it('reads decimal places as decimal.js does', () => {
    expect([0, 17, 17.5, 7.25, 0.05, 0.000001, 1e6].map(decimalPlaces)).toEqual([
      0, 0, 1, 2, 2, 6, 0,
    ]);
    expect([0.1 + 0.2, 1e-7, -1, -0, Number.NaN, Infinity, 1e6 + 1].map(decimalPlaces)).toEqual([
      -1, -1, -1, -1, -1, -1, -1,
    ]);
  });
});
