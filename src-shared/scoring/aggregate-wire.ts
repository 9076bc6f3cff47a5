/**
 * An `AggregateResult` as plain data, for a message between threads (issue 22: the chair's desk
 * aggregates in its Web Worker and the page reads the result). An `AggregateResult` holds
 * decimal.js values and getters, which a structured clone does not carry; its wire form holds
 * every decimal as decimal.js's own full-precision string and every expert's scores as given
 * (one `Float64Array`, transferable), and `fromAggregateWire` makes the decimals again when first
 * read. Nothing is rounded or recomputed on either side: `project()` of the result read back
 * equals `project()` of the result sent (aggregate-wire.test.ts, on the sample and random panels).
 * The page validates the wire form with `AggregateWireSchema` before it believes it.
 */
import { z } from 'zod';
import { dec, type Dec } from '../money';
import { AggregationMethodSchema } from '../model';
import type { AggregateResult, ApplicantResult, ExpertTotal } from './aggregate';
import { FastExpertTotal } from './aggregate-fast';

/** decimal.js's `toString()`: plain or exponential notation, never NaN or Infinity. */
const DecimalTextSchema = z.string().regex(/^-?\d+(\.\d+)?(e[+-]\d+)?$/, 'not a decimal');
const OptionalDecimalSchema = DecimalTextSchema.nullable();

/** One result's experts, column by column (few objects: a structured clone and zod read it fast). */
const ExpertsWireSchema = z
  .object({
    expertIds: z.array(z.string()),
    totals: z.array(DecimalTextSchema),
    dropped: z.array(z.enum(['high', 'low']).nullable()),
    deviations: z.array(OptionalDecimalSchema),
    /** `deviationReason`, null where the expert gave none. */
    reasons: z.array(z.string().nullable()),
  })
  .refine(
    (e) =>
      [e.totals, e.dropped, e.deviations, e.reasons].every((c) => c.length === e.expertIds.length),
    { message: 'the experts’ columns differ in length' },
  );

const ResultWireSchema = z.object({
  applicantId: z.string(),
  experts: ExpertsWireSchema,
  recusedExpertIds: z.array(z.string()),
  validSheets: z.number().int().nonnegative(),
  /** final, mean, trimmed mean, median, min, max, spread. */
  figures: z.tuple([
    OptionalDecimalSchema,
    OptionalDecimalSchema,
    OptionalDecimalSchema,
    OptionalDecimalSchema,
    OptionalDecimalSchema,
    OptionalDecimalSchema,
    OptionalDecimalSchema,
  ]),
  criterionMeans: z.array(z.tuple([z.string(), DecimalTextSchema])),
  method: AggregationMethodSchema.nullable(),
  methodNote: z.string().nullable(),
  belowMinValidSheets: z.boolean(),
  rank: z.number().int().positive().nullable(),
  tiedWith: z.array(z.string()),
});

export const AggregateWireSchema = z
  .object({
    method: AggregationMethodSchema,
    submittedExpertIds: z.array(z.string()),
    missingExpertIds: z.array(z.string()),
    /** The keys of every expert's `perCriterion`, in order. */
    criteria: z.array(z.string()),
    results: z.array(ResultWireSchema),
    /** Every expert's `perCriterion` as numbers, result by result, expert by expert, `criteria` order. */
    points: z.custom<Float64Array>((v) => v instanceof Float64Array, 'not a Float64Array'),
  })
  .refine(
    (w) =>
      w.points.length ===
      w.results.reduce((n, r) => n + r.experts.expertIds.length, 0) * w.criteria.length,
    { message: 'points do not match the experts and criteria', path: ['points'] },
  );
export type AggregateWire = z.infer<typeof AggregateWireSchema>;

const text = (d: Dec | null): string | null => (d === null ? null : d.toString());

/**
 * The wire form of `agg`. Reads every figure (a fast result makes its lazy decimals here, in the
 * thread that aggregated). `points` is the buffer to transfer with the message.
 */
export function toAggregateWire(agg: AggregateResult): AggregateWire {
  const first = agg.results.find((r) => r.experts.length > 0)?.experts[0];
  const criteria = first ? Object.keys(first.perCriterion) : [];
  const count = agg.results.reduce((n, r) => n + r.experts.length, 0);
  const points = new Float64Array(count * criteria.length);
  let at = 0;
  const results = agg.results.map((r): AggregateWire['results'][number] => {
    const experts: AggregateWire['results'][number]['experts'] = {
      expertIds: [],
      totals: [],
      dropped: [],
      deviations: [],
      reasons: [],
    };
    for (const e of r.experts) {
      const per = e instanceof FastExpertTotal ? null : e.perCriterion;
      if (per !== null && Object.keys(per).length !== criteria.length)
        throw new Error(`perCriterion of ${e.expertId} on ${r.applicantId} has other criteria`);
      if (e instanceof FastExpertTotal) for (const v of e.criterionPoints()) points[at++] = v;
      else for (const id of criteria) points[at++] = (per?.[id] ?? dec(0)).toNumber();
      experts.expertIds.push(e.expertId);
      experts.totals.push(e.total.toString());
      experts.dropped.push(e.dropped);
      experts.deviations.push(text(e.deviation));
      experts.reasons.push(e.deviationReason ?? null);
    }
    return {
      applicantId: r.applicantId,
      experts,
      recusedExpertIds: r.recusedExpertIds,
      validSheets: r.validSheets,
      figures: [
        text(r.final),
        text(r.mean),
        text(r.trimmedMean),
        text(r.median),
        text(r.min),
        text(r.max),
        text(r.spread),
      ],
      criterionMeans: Object.entries(r.criterionMeans).map(([id, d]): [string, string] => [
        id,
        d.toString(),
      ]),
      method: r.method,
      methodNote: r.methodNote,
      belowMinValidSheets: r.belowMinValidSheets,
      rank: r.rank,
      tiedWith: r.tiedWith,
    };
  });
  return {
    method: agg.method,
    submittedExpertIds: agg.submittedExpertIds,
    missingExpertIds: agg.missingExpertIds,
    criteria,
    results,
    points,
  };
}

/** A value made on first read, then kept. */
function lazy<T>(make: () => T): () => T {
  let kept: { value: T } | null = null;
  return () => (kept ??= { value: make() }).value;
}

const lazyDec = (t: string | null): (() => Dec | null) => lazy(() => (t === null ? null : dec(t)));

/** An expert's total read back: decimals made on first read. */
class WireExpertTotal implements ExpertTotal {
  readonly expertId: string;
  dropped: 'high' | 'low' | null;
  declare deviationReason?: string;
  readonly #total: () => Dec;
  readonly #deviation: () => Dec | null;
  readonly #perCriterion: () => Record<string, Dec>;

  constructor(
    e: AggregateWire['results'][number]['experts'],
    i: number,
    criteria: readonly string[],
    points: Float64Array,
    offset: number,
  ) {
    this.expertId = e.expertIds[i] ?? '';
    this.dropped = e.dropped[i] ?? null;
    const reason = e.reasons[i];
    if (reason !== null && reason !== undefined) this.deviationReason = reason;
    const total = e.totals[i] ?? '0';
    this.#total = lazy(() => dec(total));
    this.#deviation = lazyDec(e.deviations[i] ?? null);
    this.#perCriterion = lazy(() => {
      const record: Record<string, Dec> = {};
      criteria.forEach((id, j) => {
        record[id] = dec(points[offset + j] ?? 0);
      });
      return record;
    });
  }

  get total(): Dec {
    return this.#total();
  }
  get deviation(): Dec | null {
    return this.#deviation();
  }
  get perCriterion(): Record<string, Dec> {
    return this.#perCriterion();
  }
}

/** The `AggregateResult` a wire form stands for (validate it with `AggregateWireSchema` first). */
export function fromAggregateWire(wire: AggregateWire): AggregateResult {
  const K = wire.criteria.length;
  let at = 0;
  const results = wire.results.map((r): ApplicantResult => {
    const experts: ExpertTotal[] = r.experts.expertIds.map((_, i) => {
      const expert = new WireExpertTotal(r.experts, i, wire.criteria, wire.points, at);
      at += K;
      return expert;
    });
    const [final, mean, trimmedMean, median, min, max, spread] = r.figures.map(lazyDec);
    const criterionMeans = lazy(() => {
      const record: Record<string, Dec> = {};
      for (const [id, t] of r.criterionMeans) record[id] = dec(t);
      return record;
    });
    const read = (f: (() => Dec | null) | undefined): Dec | null => (f ? f() : null);
    return {
      applicantId: r.applicantId,
      experts,
      recusedExpertIds: r.recusedExpertIds,
      validSheets: r.validSheets,
      get mean() {
        return read(mean);
      },
      get trimmedMean() {
        return read(trimmedMean);
      },
      get median() {
        return read(median);
      },
      get min() {
        return read(min);
      },
      get max() {
        return read(max);
      },
      get spread() {
        return read(spread);
      },
      get criterionMeans() {
        return criterionMeans();
      },
      method: r.method,
      methodNote: r.methodNote,
      belowMinValidSheets: r.belowMinValidSheets,
      get final() {
        return read(final);
      },
      rank: r.rank,
      tiedWith: r.tiedWith,
    };
  });
  return {
    method: wire.method,
    results,
    submittedExpertIds: wire.submittedExpertIds,
    missingExpertIds: wire.missingExpertIds,
  };
}
