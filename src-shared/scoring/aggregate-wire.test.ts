/**
 * The wire form of an aggregation (the chair's desk worker → the page): read back through its
 * schema after a structured clone, every figure equals the result computed in place — on the
 * sample panel, on the exact reference's result, and on random synthetic panels — and a forged
 * or damaged wire form is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePackage, sampleSheets } from '../sample-fixture';
import { generatePanel } from '../sample/generate';
import { summaryTable } from '../summary';
import { SummaryTableSchema } from '../summary/wire';
import { aggregate, aggregateExact, type AggregateResult } from './aggregate';
import { project } from './aggregate-fast';
import { AggregateWireSchema, fromAggregateWire, toAggregateWire } from './aggregate-wire';

/** Through the wire as the page reads it: cloned (as postMessage does), validated, read back. */
const roundTrip = (agg: AggregateResult): AggregateResult =>
  fromAggregateWire(AggregateWireSchema.parse(structuredClone(toAggregateWire(agg))));

describe('the aggregation wire form', () => {
  it('reads back to the same figures on the sample panel (fast path and exact reference)', () => {
    const pkg = samplePackage();
    for (const agg of [aggregate(pkg, sampleSheets()), aggregateExact(pkg, sampleSheets())]) {
      const back = roundTrip(agg);
      expect(project(back)).toEqual(project(agg));
      // The 评分汇总表 made from the result read back is the one made in place.
      expect(summaryTable(pkg, back)).toEqual(summaryTable(pkg, agg));
    }
  });

  it('reads back to the same figures on random panels', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 10_000 }),
        (experts, applicants, criteria, seed) => {
          const { pkg, sheets } = generatePanel({ experts, applicants, criteria, seed });
          const agg = aggregate(pkg, sheets);
          const back = roundTrip(agg);
          expect(project(back)).toEqual(project(agg));
          expect(summaryTable(pkg, back)).toEqual(summaryTable(pkg, agg));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps an empty panel (no sheet: no figure, no rank)', () => {
    const pkg = samplePackage();
    const agg = aggregate(pkg, []);
    expect(project(roundTrip(agg))).toEqual(project(agg));
  });

  it('refuses a wire form that is not a decimal, or whose scores do not fit its experts', () => {
    const wire = toAggregateWire(aggregate(samplePackage(), sampleSheets()));
    const first = wire.results[0];
    if (!first) throw new Error('no result');
    const badFigure = {
      ...wire,
      results: [{ ...first, figures: ['NaN', ...first.figures.slice(1)] }, ...wire.results],
    };
    expect(AggregateWireSchema.safeParse(badFigure).success).toBe(false);
    const short = { ...wire, points: wire.points.slice(1) };
    expect(AggregateWireSchema.safeParse(short).success).toBe(false);
    expect(AggregateWireSchema.safeParse({ ...wire, points: [...wire.points] }).success).toBe(
      false,
    );
  });

  it('reads the 评分汇总表 through its schema, and refuses a cell that is not one', () => {
    const pkg = samplePackage();
    const table = summaryTable(pkg, aggregate(pkg, sampleSheets()));
    expect(SummaryTableSchema.parse(structuredClone(table))).toEqual(table);
    const [row, ...rest] = table.rows;
    if (!row) throw new Error('no row');
    for (const cell of [
      { kind: 'total', value: '90.00', dropped: 'middle', deviation: null, reason: null },
      { kind: 'rank', rank: 0, tied: false },
      { kind: 'mark', text: 'x' },
      { kind: 'count', value: 1.5, isBelowMin: false },
      { kind: 'chart' },
    ]) {
      const forged = { ...table, rows: [{ ...row, cells: [...row.cells, cell] }, ...rest] };
      expect(SummaryTableSchema.safeParse(forged).success).toBe(false);
    }
  });
});
