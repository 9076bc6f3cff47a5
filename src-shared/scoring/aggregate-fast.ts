/**
 * The fast path of `aggregate` (issue 22): the same result as the exact decimal reference
 * (`aggregateExact`), figure for figure, computed on integers.
 *
 * A score on a rubric is a short decimal (a multiple of the criterion's step: 17.5, 7.25), so
 * scaled by 10^p — p the most decimal places any counted score has — it is an integer; a weight
 * likewise by 10^w. An expert's total is then the integer Σ points × weight at scale 10^(p+w), a
 * mean the fraction N / (n·10^(p+w)), and every decision the reference takes on decimals — the
 * lowest and highest total, whether a distance passes the deviation threshold, the two-place
 * half-up figures the ranking compares — is taken on integers, exactly. Decimals (decimal.js,
 * precision 40, half-up) are made by the operations the reference makes: a total, a minimum or a
 * spread is exact, a mean is the same quotient correctly rounded to 40 digits. Each distinct total
 * or score becomes a decimal once; a mean, a median of an even count and the criterion means
 * become decimals when first read (the ranking does not need them).
 *
 * Where a panel does not fit — a score or weight with more than 6 decimal places (0.1 + 0.2), a
 * negative or non-finite number, products that could pass 2^51, a rubric naming one criterion
 * twice — `aggregateFast` returns null and `aggregate` takes the reference: the result is the same
 * either way (`aggregate-fast.test.ts` compares the two on random panels).
 */
import { dec, type Dec } from '../money';
import type { ApplicantScore, ReviewPackage, ScoreSheet } from '../model';
import type { AggregateResult, ApplicantResult, ExpertTotal } from './aggregate';
import { appliedMethod } from './method';

const MAX_PLACES = 6;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** Bound on every integer formed (below 2^53, with room for the estimates' float rounding). */
export const LIMIT = 2 ** 51;

const pow10 = (n: number): number => POW10[n] ?? 10 ** n;

/**
 * Decimal places of `x` as decimal.js reads it (its shortest round-trip form), or -1 when `x` is
 * negative, -0, not finite, above 10^6 or has more than MAX_PLACES places.
 */
export function decimalPlaces(x: number): number {
  if (!(x >= 0 && x <= 1e6) || (x === 0 && 1 / x < 0)) return -1;
  for (let d = 0; d <= MAX_PLACES; d++) {
    const scale = pow10(d);
    if (Math.round(x * scale) / scale === x) return d;
  }
  return -1;
}

/** ⌊n / d⌋ for non-negative safe integers, exact (a float quotient can round up across an integer). */
function floorDiv(n: number, d: number): number {
  let q = Math.floor(n / d);
  if (q * d > n) q -= 1;
  else if ((q + 1) * d <= n) q += 1;
  return q;
}

/** n / d rounded half-up to two places, in hundredths: what `fmt2` shows, as an integer. */
function hundredths(n: number, d: number): number {
  return floorDiv(200 * n + d, 2 * d);
}

/** A value computed on first read, then kept. */
function once<T>(make: () => T): () => T {
  let kept: { value: T } | null = null;
  return () => (kept ??= { value: make() }).value;
}

/** The counted scores of a panel, as given, for the experts' `perCriterion`. */
interface SheetScores {
  /** Points per (applicant, expert, criterion), rubric order; 0 where a criterion has none. */
  raw: Float64Array;
  criteria: readonly { id: string }[];
  pointDec: (points: number) => Dec;
}

/**
 * An expert's total for one applicant. `perCriterion` (the scores as decimals, which no table of
 * the ranking needs) is made on first read: one panel of 50 × 200 × 10 has 100,000 of them.
 */
export class FastExpertTotal implements ExpertTotal {
  dropped: 'high' | 'low' | null = null;
  deviation: Dec | null = null;
  declare deviationReason?: string;
  private kept: Record<string, Dec> | null = null;

  constructor(
    readonly expertId: string,
    readonly total: Dec,
    private readonly scores: SheetScores,
    private readonly offset: number,
  ) {}

  /** The scores as given, rubric order (what `perCriterion` holds, without making decimals). */
  criterionPoints(): number[] {
    return this.scores.criteria.map((_, j) => this.scores.raw[this.offset + j] ?? 0);
  }

  get perCriterion(): Record<string, Dec> {
    if (this.kept === null) {
      const record: Record<string, Dec> = {};
      this.scores.criteria.forEach((c, j) => {
        record[c.id] = this.scores.pointDec(this.scores.raw[this.offset + j] ?? 0);
      });
      this.kept = record;
    }
    return this.kept;
  }
}

/** What pass 1 has seen so far: the most decimal places, the largest score, the last value read. */
interface Scan {
  places: number;
  maxPoints: number;
  lastValue: number;
}

/**
 * One counted cell's scores into `raw` at `offset` (rubric order; the last entry for a criterion
 * wins, as in the reference), noting places and the largest score in `scan`; false when a score
 * does not fit the integer scheme. A function of its own, called per cell, so that V8 optimises it
 * within the first aggregation rather than waiting to replace a long-running loop (issue 22).
 */
function scanCell(
  list: ApplicantScore['criteria'],
  criteria: readonly { id: string }[],
  column: ReadonlyMap<string, number>,
  raw: Float64Array,
  offset: number,
  scan: Scan,
): boolean {
  for (let k = 0; k < list.length; k++) {
    const entry = list[k];
    if (!entry) continue;
    const j = criteria[k]?.id === entry.criterionId ? k : column.get(entry.criterionId);
    if (j === undefined) continue;
    const v = entry.points;
    if (v !== scan.lastValue || (v === 0 && 1 / v < 0)) {
      const d = decimalPlaces(v);
      if (d < 0) return false;
      if (d > scan.places) scan.places = d;
      if (v > scan.maxPoints) scan.maxPoints = v;
      scan.lastValue = v;
    }
    raw[offset + j] = v;
  }
  return true;
}

/**
 * One expert's total for one applicant at scale 10^(p+w), adding each criterion's scaled score to
 * `columnSums` (for the criterion means). Per cell, for the same reason as `scanCell`.
 */
function addCell(
  raw: Float64Array,
  base: number,
  K: number,
  pointScale: number,
  weights: readonly number[],
  columnSums: Float64Array,
): number {
  let total = 0;
  for (let j = 0; j < K; j++) {
    const scaled = Math.round((raw[base + j] ?? 0) * pointScale);
    total += scaled * (weights[j] ?? 1);
    columnSums[j] = (columnSums[j] ?? 0) + scaled;
  }
  return total;
}

/** One applicant's figures in integers, for the ranking. */
interface Keys {
  /** Final score's hundredths, then each tie-break criterion mean's; empty when unranked. */
  figures: number[];
}

/**
 * `aggregate` on integers, or null when the panel does not fit the integer scheme (see the module
 * comment). Same inputs, same `AggregateResult` as `aggregateExact`.
 */
export function aggregateFast(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[],
): AggregateResult | null {
  const settings = pkg.aggregation;
  const criteria = pkg.rubric.criteria;
  const K = criteria.length;
  const column = new Map<string, number>();
  criteria.forEach((c, j) => column.set(c.id, j));
  if (column.size !== K) return null;

  // Weights as integers at scale 10^w; the deviation threshold at 10^t.
  let w = 0;
  for (const c of criteria) {
    const d = decimalPlaces(c.weight ?? 1);
    if (d < 0) return null;
    w = Math.max(w, d);
  }
  const weights = criteria.map((c) => Math.round((c.weight ?? 1) * pow10(w)));
  const t = decimalPlaces(settings.deviationThreshold);
  if (t < 0) return null;
  const threshold = Math.round(settings.deviationThreshold * pow10(t));

  const submitted = sheets.filter((s) => s.packageId === pkg.packageId && s.status === 'submitted');
  // One sheet per expert, the last one given wins; within it, the last entry per applicant.
  const byExpert = new Map(submitted.map((s) => [s.expertId, s]));
  const panelIds = pkg.panel.experts.map((e) => e.id);
  const applicantIndex = new Map(pkg.applicants.map((a, i) => [a.id, i]));
  const E = panelIds.length;
  const A = pkg.applicants.length;
  if (new Set(panelIds).size !== E || applicantIndex.size !== A) return null;
  const cells: (ApplicantScore | undefined)[] = new Array<ApplicantScore | undefined>(A * E);
  panelIds.forEach((id, e) => {
    for (const score of byExpert.get(id)?.scores ?? []) {
      const a = applicantIndex.get(score.applicantId);
      if (a !== undefined) cells[a * E + e] = score;
    }
  });

  // Pass 1: every counted cell's points as given; the most decimal places; the largest score.
  const raw = new Float64Array(A * E * K);
  const scan: Scan = { places: 0, maxPoints: 0, lastValue: 0 };
  for (let cell = 0; cell < A * E; cell++) {
    const score = cells[cell];
    if (!score || score.recusal) continue;
    if (!scanCell(score.criteria, criteria, column, raw, cell * K, scan)) return null;
  }
  const p = scan.places;
  const maxPoints = scan.maxPoints;
  const s = p + w;
  const unit = pow10(s);
  const pointScale = pow10(p);
  // Largest total at scale 10^s; every integer below is bounded by these estimates.
  const maxTotal = maxPoints * pointScale * weights.reduce((x, y) => x + y, 0);
  if (
    E * maxTotal * 200 + (E + 2) * unit * 2 >= LIMIT ||
    E * maxTotal * pow10(t) >= LIMIT ||
    threshold * E * unit >= LIMIT ||
    E * maxPoints * pointScale * 200 + (E + 2) * pointScale * 2 >= LIMIT
  )
    return null;

  // Decimals, each made once: a score as given; a total (exact, scale 10^s); a quotient.
  const pointDecs = new Map<number, Dec>();
  const pointDec = (v: number): Dec => {
    let d = pointDecs.get(v);
    if (d === undefined) {
      d = dec(v);
      pointDecs.set(v, d);
    }
    return d;
  };
  const totalDecs = new Map<number, Dec>();
  const totalDec = (n: number): Dec => {
    let d = totalDecs.get(n);
    if (d === undefined) {
      d = unit === 1 ? dec(n) : dec(n).div(unit);
      totalDecs.set(n, d);
    }
    return d;
  };
  const quotient = (n: number, d: number): Dec => dec(n).div(d);
  const sheetScores: SheetScores = { raw, criteria, pointDec };

  const order =
    settings.tieBreakOrder.length > 0 ? settings.tieBreakOrder : criteria.map((c) => c.id);
  const orderColumns = order.map((id) => column.get(id));
  const keys: Keys[] = [];
  // One applicant's expert totals (scale 10^s, integers: exact in a double), and a copy to sort;
  // reused from applicant to applicant (issue 22: no per-applicant arrays for the collector).
  const totals = new Float64Array(E);
  const sorting = new Float64Array(E);

  // Pass 2: totals, figures and keys per applicant.
  const results: ApplicantResult[] = pkg.applicants.map((applicant, a) => {
    const experts: ExpertTotal[] = [];
    const recusedIds: string[] = [];
    let n = 0;
    const columnSums = new Float64Array(K);
    for (let e = 0; e < E; e++) {
      const cell = a * E + e;
      const expertId = panelIds[e] ?? '';
      const score = cells[cell];
      if (!score) continue;
      if (score.recusal) {
        recusedIds.push(expertId);
        continue;
      }
      const base = cell * K;
      const total = addCell(raw, base, K, pointScale, weights, columnSums);
      totals[n++] = total;
      const expert = new FastExpertTotal(expertId, totalDec(total), sheetScores, base);
      if (score.deviationReason) expert.deviationReason = score.deviationReason;
      experts.push(expert);
    }
    const applied = appliedMethod(settings, n);
    const common = {
      applicantId: applicant.id,
      experts,
      recusedExpertIds: recusedIds,
      validSheets: n,
      belowMinValidSheets: n < settings.minValidSheets,
      rank: null,
      tiedWith: [],
    };
    if (n === 0) {
      keys.push({ figures: [] });
      return {
        ...common,
        criterionMeans: {},
        mean: null,
        trimmedMean: null,
        median: null,
        min: null,
        max: null,
        spread: null,
        method: null,
        methodNote: null,
        final: null,
      };
    }
    let sum = 0;
    let low = 0;
    let high = 0;
    for (let i = 0; i < n; i++) {
      const v = totals[i] ?? 0;
      sum += v;
      if (v < (totals[low] ?? v)) low = i;
      if (v > (totals[high] ?? v)) high = i;
    }
    const minTotal = totals[low] ?? 0;
    const maxTotalHere = totals[high] ?? 0;
    // Trimmed mean: one lowest and one highest dropped (the first of equals; two of all-equal).
    const trims = n >= settings.trimMinSheets && n >= 3;
    if (trims) {
      if (low === high) high = low === 0 ? 1 : 0;
      const lowExpert = experts[low];
      const highExpert = experts[high];
      if (lowExpert) lowExpert.dropped = 'low';
      if (highExpert) highExpert.dropped = 'high';
    }
    const trimmedSum = sum - (totals[low] ?? 0) - (totals[high] ?? 0);
    // Deviation from the mean of the other experts: |n·T − S| / (n − 1) > threshold.
    if (n >= 2) {
      const bound = threshold * (n - 1) * unit;
      experts.forEach((expert, i) => {
        const v = totals[i] ?? 0;
        if (Math.abs(n * v - sum) * pow10(t) > bound)
          expert.deviation = totalDec(v).minus(quotient(sum - v, (n - 1) * unit));
      });
    }
    sorting.set(totals);
    const sorted = sorting.subarray(0, n).sort();
    const mid = Math.floor(n / 2);
    const medianFraction: [number, number] =
      n % 2 === 1
        ? [sorted[mid] ?? 0, unit]
        : [(sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0), 2 * unit];
    const meanDec = once(() => quotient(sum, n * unit));
    const trimmedDec = once(() => (trims ? quotient(trimmedSum, (n - 2) * unit) : null));
    const medianDec = once(() =>
      medianFraction[1] === unit ? totalDec(medianFraction[0]) : quotient(...medianFraction),
    );
    const criterionMeans = once(() => {
      const record: Record<string, Dec> = {};
      criteria.forEach((c, j) => {
        record[c.id] = quotient(columnSums[j] ?? 0, n * pointScale);
      });
      return record;
    });
    const finalFraction: [number, number] =
      applied.method === 'median'
        ? medianFraction
        : applied.method === 'trimmed-mean' && trims
          ? [trimmedSum, (n - 2) * unit]
          : [sum, n * unit];
    const finalDec = (): Dec =>
      applied.method === 'median'
        ? medianDec()
        : applied.method === 'trimmed-mean'
          ? (trimmedDec() ?? meanDec())
          : meanDec();
    keys.push({
      figures: [
        hundredths(...finalFraction),
        ...orderColumns.map((j) =>
          j === undefined ? 0 : hundredths(columnSums[j] ?? 0, n * pointScale),
        ),
      ],
    });
    return {
      ...common,
      get criterionMeans() {
        return criterionMeans();
      },
      get mean() {
        return meanDec();
      },
      get trimmedMean() {
        return trimmedDec();
      },
      get median() {
        return medianDec();
      },
      min: totalDec(minTotal),
      max: totalDec(maxTotalHere),
      spread: totalDec(maxTotalHere - minTotal),
      method: applied.method,
      methodNote: applied.note,
      get final() {
        return finalDec();
      },
    };
  });

  // Ranking: final score, then the tie-break criteria means, at display precision; unranked last.
  const compare = (x: number, y: number): number => {
    const a = keys[x]?.figures ?? [];
    const b = keys[y]?.figures ?? [];
    if (a.length === 0 || b.length === 0)
      return (a.length === 0 ? 1 : 0) - (b.length === 0 ? 1 : 0);
    for (let i = 0; i < a.length; i++) {
      const diff = (b[i] ?? 0) - (a[i] ?? 0);
      if (diff !== 0) return diff > 0 ? 1 : -1;
    }
    return 0;
  };
  const indexes = results.map((_, i) => i);
  indexes.sort(
    (x, y) =>
      compare(x, y) || (results[x]?.applicantId ?? '').localeCompare(results[y]?.applicantId ?? ''),
  );
  const ranked: ApplicantResult[] = [];
  let groupStart = 0;
  indexes.forEach((index, i) => {
    const r = results[index];
    if (!r) return;
    ranked.push(r);
    if (keys[index]?.figures.length === 0) return;
    const prevIndex = indexes[i - 1];
    const prev = ranked[i - 1];
    if (prev && prev.rank !== null && prevIndex !== undefined && compare(prevIndex, index) === 0) {
      r.rank = prev.rank;
    } else {
      r.rank = i + 1;
      groupStart = i;
    }
    // Ties sit side by side: each member of the group lists the others.
    if (r.rank === prev?.rank) {
      for (let g = groupStart; g < i; g++) {
        const other = ranked[g];
        if (!other) continue;
        other.tiedWith.push(r.applicantId);
        r.tiedWith.push(other.applicantId);
      }
    }
  });
  return {
    method: settings.method,
    results: ranked,
    submittedExpertIds: panelIds.filter((id) => byExpert.has(id)),
    missingExpertIds: panelIds.filter((id) => !byExpert.has(id)),
  };
}

/**
 * Every figure of a result at full precision (decimal.js's own string), every list in order: what
 * two aggregations are compared by (the property test, the bench).
 */
export function project(agg: AggregateResult) {
  const full = (d: Dec | null) => (d === null ? null : d.toString());
  const record = (r: Record<string, Dec>) =>
    Object.entries(r).map(([k, v]) => [k, v.toString()] as const);
  return {
    method: agg.method,
    submitted: agg.submittedExpertIds,
    missing: agg.missingExpertIds,
    results: agg.results.map((r) => ({
      applicantId: r.applicantId,
      rank: r.rank,
      tiedWith: r.tiedWith,
      validSheets: r.validSheets,
      recused: r.recusedExpertIds,
      below: r.belowMinValidSheets,
      method: r.method,
      methodNote: r.methodNote,
      figures: [r.final, r.mean, r.trimmedMean, r.median, r.min, r.max, r.spread].map(full),
      criterionMeans: record(r.criterionMeans),
      experts: r.experts.map((e) => ({
        expertId: e.expertId,
        total: full(e.total),
        dropped: e.dropped,
        deviation: full(e.deviation),
        deviationReason: e.deviationReason ?? null,
        perCriterion: record(e.perCriterion),
      })),
    })),
  };
}
