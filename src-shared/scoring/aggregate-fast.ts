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
import type { AggregationMethod, ApplicantScore, ReviewPackage, ScoreSheet } from '../model';
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
  private kept: Record<string, Dec> | null = null;

  constructor(
    readonly expertId: string,
    readonly total: Dec,
    private readonly scores: SheetScores,
    private readonly offset: number,
    /** Always set, `undefined` where the expert gave none: every total is of one shape. */
    readonly deviationReason: string | undefined,
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
  /** 10^places. */
  scale: number;
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
      // Places as `decimalPlaces` reads them, which is needed only when more than seen so far.
      const seen = scan.scale;
      if (!(v >= 0 && v <= 1e6 && Math.round(v * seen) / seen === v && (v !== 0 || 1 / v > 0))) {
        const d = decimalPlaces(v);
        if (d < 0) return false;
        if (d > scan.places) {
          scan.places = d;
          scan.scale = pow10(d);
        }
      }
      if (v > scan.maxPoints) scan.maxPoints = v;
      scan.lastValue = v;
    }
    raw[offset + j] = v;
  }
  return true;
}

/**
 * One expert's total for one applicant at scale 10^(p+w), adding each criterion's scaled score to
 * the applicant's `columnSums` at `row` (for the criterion means). Per cell, for the same reason
 * as `scanCell`.
 */
function addCell(
  raw: Float64Array,
  base: number,
  K: number,
  pointScale: number,
  weights: readonly number[],
  columnSums: Float64Array,
  row: number,
): number {
  let total = 0;
  for (let j = 0; j < K; j++) {
    const scaled = Math.round((raw[base + j] ?? 0) * pointScale);
    total += scaled * (weights[j] ?? 1);
    columnSums[row + j] = (columnSums[row + j] ?? 0) + scaled;
  }
  return total;
}

/**
 * What pass 2 shares from applicant to applicant: the panel's scales, the decimals made so far
 * (each distinct total once), the criterion sums of every applicant, and scratch arrays reused
 * from applicant to applicant (issue 22: no per-applicant arrays or closures for the collector).
 */
class PanelFigures {
  /** Σ scaled score per (applicant, criterion), for the criterion means and the tie-break. */
  readonly columnSums: Float64Array;
  /** One applicant's expert totals (scale 10^s, integers: exact in a double), and a copy to sort. */
  readonly totals: Float64Array;
  readonly sorting: Float64Array;
  private readonly totalDecs = new Map<number, Dec>();

  constructor(
    readonly settings: ReviewPackage['aggregation'],
    readonly criteria: readonly { id: string }[],
    readonly weights: readonly number[],
    /** 10^s: the scale of a total. */
    readonly unit: number,
    /** 10^p: the scale of a score. */
    readonly pointScale: number,
    /** 10^t and the deviation threshold at that scale. */
    readonly thresholdScale: number,
    readonly threshold: number,
    readonly sheetScores: SheetScores,
    readonly applicants: number,
    experts: number,
  ) {
    this.columnSums = new Float64Array(applicants * criteria.length);
    this.totals = new Float64Array(experts);
    this.sorting = new Float64Array(experts);
  }

  /** A total at scale 10^s as a decimal (exact), made once per distinct total. */
  totalDec(n: number): Dec {
    let d = this.totalDecs.get(n);
    if (d === undefined) {
      d = this.unit === 1 ? dec(n) : dec(n).div(this.unit);
      this.totalDecs.set(n, d);
    }
    return d;
  }
}

/** n / d as a decimal: the reference's quotient, correctly rounded to 40 digits. */
const quotient = (n: number, d: number): Dec => dec(n).div(d);

/**
 * One applicant's result. The figures the ranking does not need (mean, trimmed mean, median of an
 * even count, criterion means) are kept as integer fractions and become decimals on first read;
 * the getters live on the class, so a result is one object of one shape, with no closures.
 */
class FastApplicantResult implements ApplicantResult {
  rank: number | null = null;
  tiedWith: string[] = [];
  private meanKept: Dec | undefined = undefined;
  private trimmedKept: Dec | null | undefined = undefined;
  private medianKept: Dec | undefined = undefined;
  private meansKept: Record<string, Dec> | undefined = undefined;

  constructor(
    readonly applicantId: string,
    readonly experts: ExpertTotal[],
    readonly recusedExpertIds: string[],
    readonly validSheets: number,
    readonly belowMinValidSheets: boolean,
    readonly min: Dec | null,
    readonly max: Dec | null,
    readonly spread: Dec | null,
    readonly method: AggregationMethod | null,
    readonly methodNote: string | null,
    private readonly figures: PanelFigures,
    /** This applicant's row in `figures.columnSums`. */
    private readonly row: number,
    /** Σ totals, and without the dropped two (when `trims`), at scale 10^s. */
    private readonly sum: number,
    private readonly trimmedSum: number,
    private readonly trims: boolean,
    /** The median as the fraction num / den. */
    private readonly medianNum: number,
    private readonly medianDen: number,
  ) {}

  get mean(): Dec | null {
    if (this.validSheets === 0) return null;
    return (this.meanKept ??= quotient(this.sum, this.validSheets * this.figures.unit));
  }

  get trimmedMean(): Dec | null {
    if (this.validSheets === 0) return null;
    if (this.trimmedKept === undefined)
      this.trimmedKept = this.trims
        ? quotient(this.trimmedSum, (this.validSheets - 2) * this.figures.unit)
        : null;
    return this.trimmedKept;
  }

  get median(): Dec | null {
    if (this.validSheets === 0) return null;
    return (this.medianKept ??=
      this.medianDen === this.figures.unit
        ? this.figures.totalDec(this.medianNum)
        : quotient(this.medianNum, this.medianDen));
  }

  get criterionMeans(): Record<string, Dec> {
    if (this.meansKept === undefined) {
      const record: Record<string, Dec> = {};
      const { criteria, columnSums, pointScale } = this.figures;
      if (this.validSheets > 0)
        for (let j = 0; j < criteria.length; j++) {
          const c = criteria[j];
          if (c)
            record[c.id] = quotient(columnSums[this.row + j] ?? 0, this.validSheets * pointScale);
        }
      this.meansKept = record;
    }
    return this.meansKept;
  }

  get final(): Dec | null {
    if (this.method === 'median') return this.median;
    if (this.method === 'trimmed-mean') return this.trimmedMean ?? this.mean;
    return this.mean;
  }
}

/**
 * One sheet's scores into its expert's row of the grid, which starts at `row`; the last entry per
 * applicant wins. The grid is expert by expert, as the sheets are: pass 1 then reads the scores in
 * the order they were made, and writes `raw` in order.
 */
function placeSheet(
  scores: readonly ApplicantScore[],
  applicantIndex: ReadonlyMap<string, number>,
  cells: (ApplicantScore | undefined)[],
  row: number,
): void {
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    if (!score) continue;
    const a = applicantIndex.get(score.applicantId);
    if (a !== undefined) cells[row + a] = score;
  }
}

/**
 * Pass 1 over the grid: every counted cell's points into `raw`, with the most decimal places and
 * the largest score; null when a score does not fit the integer scheme.
 */
function scanPanel(
  cells: readonly (ApplicantScore | undefined)[],
  criteria: readonly { id: string }[],
  column: ReadonlyMap<string, number>,
  raw: Float64Array,
): Scan | null {
  const K = criteria.length;
  const scan: Scan = { places: 0, scale: 1, maxPoints: 0, lastValue: 0 };
  for (let cell = 0; cell < cells.length; cell++) {
    const score = cells[cell];
    if (!score || score.recusal) continue;
    if (!scanCell(score.criteria, criteria, column, raw, cell * K, scan)) return null;
  }
  return scan;
}

/**
 * Pass 2 for one applicant: its experts' totals, the trimmed-mean and deviation marks, the
 * figures as integer fractions, and the ranking's keys into `keys` at `keyRow` (final score's
 * hundredths, then each tie-break criterion mean's).
 */
function applicantResult(
  f: PanelFigures,
  applicantId: string,
  a: number,
  cells: readonly (ApplicantScore | undefined)[],
  panelIds: readonly string[],
  orderColumns: readonly (number | undefined)[],
  keys: Float64Array,
  keyRow: number,
): FastApplicantResult {
  const { settings, totals, unit, pointScale } = f;
  const E = panelIds.length;
  const A = f.applicants;
  const K = f.criteria.length;
  const row = a * K;
  const experts: ExpertTotal[] = [];
  const recusedIds: string[] = [];
  let n = 0;
  for (let e = 0; e < E; e++) {
    const cell = e * A + a;
    const score = cells[cell];
    if (!score) continue;
    const expertId = panelIds[e] ?? '';
    if (score.recusal) {
      recusedIds.push(expertId);
      continue;
    }
    const base = cell * K;
    const total = addCell(f.sheetScores.raw, base, K, pointScale, f.weights, f.columnSums, row);
    totals[n++] = total;
    // An empty reason is no reason, as in the reference.
    const reason = score.deviationReason === '' ? undefined : score.deviationReason;
    experts.push(new FastExpertTotal(expertId, f.totalDec(total), f.sheetScores, base, reason));
  }
  const applied = appliedMethod(settings, n);
  const below = n < settings.minValidSheets;
  if (n === 0)
    return new FastApplicantResult(
      applicantId,
      experts,
      recusedIds,
      0,
      below,
      null,
      null,
      null,
      null,
      null,
      f,
      row,
      0,
      0,
      false,
      0,
      unit,
    );
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
  const maxTotal = totals[high] ?? 0;
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
    const bound = f.threshold * (n - 1) * unit;
    for (let i = 0; i < n; i++) {
      const v = totals[i] ?? 0;
      const expert = experts[i];
      if (expert && Math.abs(n * v - sum) * f.thresholdScale > bound)
        expert.deviation = f.totalDec(v).minus(quotient(sum - v, (n - 1) * unit));
    }
  }
  // The median: this applicant's totals sorted, the tail past n above every total.
  const sorting = f.sorting;
  for (let i = 0; i < sorting.length; i++) sorting[i] = i < n ? (totals[i] ?? 0) : Infinity;
  sorting.sort();
  const mid = Math.floor(n / 2);
  const odd = n % 2 === 1;
  const medianNum = odd ? (sorting[mid] ?? 0) : (sorting[mid - 1] ?? 0) + (sorting[mid] ?? 0);
  const medianDen = odd ? unit : 2 * unit;
  keys[keyRow] =
    applied.method === 'median'
      ? hundredths(medianNum, medianDen)
      : applied.method === 'trimmed-mean' && trims
        ? hundredths(trimmedSum, (n - 2) * unit)
        : hundredths(sum, n * unit);
  for (let i = 0; i < orderColumns.length; i++) {
    const j = orderColumns[i];
    keys[keyRow + 1 + i] =
      j === undefined ? 0 : hundredths(f.columnSums[row + j] ?? 0, n * pointScale);
  }
  return new FastApplicantResult(
    applicantId,
    experts,
    recusedIds,
    n,
    below,
    f.totalDec(minTotal),
    f.totalDec(maxTotal),
    f.totalDec(maxTotal - minTotal),
    applied.method,
    applied.note,
    f,
    row,
    sum,
    trimmedSum,
    trims,
    medianNum,
    medianDen,
  );
}

/**
 * Ranking: final score, then the tie-break criteria means, at display precision (the integer
 * keys, `width` per applicant); unranked (no valid sheet) last; equal keys by applicant id. Ranks
 * and ties are written into the results; the ranked order is returned.
 */
function rank(
  results: readonly FastApplicantResult[],
  keys: Float64Array,
  width: number,
): ApplicantResult[] {
  const compare = (x: number, y: number): number => {
    const a = results[x]?.validSheets ?? 0;
    const b = results[y]?.validSheets ?? 0;
    if (a === 0 || b === 0) return (a === 0 ? 1 : 0) - (b === 0 ? 1 : 0);
    for (let i = 0; i < width; i++) {
      const diff = (keys[y * width + i] ?? 0) - (keys[x * width + i] ?? 0);
      if (diff !== 0) return diff > 0 ? 1 : -1;
    }
    return 0;
  };
  const indexes: number[] = [];
  for (let i = 0; i < results.length; i++) indexes.push(i);
  indexes.sort(
    (x, y) =>
      compare(x, y) || (results[x]?.applicantId ?? '').localeCompare(results[y]?.applicantId ?? ''),
  );
  const ranked: ApplicantResult[] = [];
  let groupStart = 0;
  for (let i = 0; i < indexes.length; i++) {
    const index = indexes[i] ?? 0;
    const r = results[index];
    if (!r) continue;
    ranked.push(r);
    if (r.validSheets === 0) continue;
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
  }
  return ranked;
}

/**
 * `aggregate` on integers, or null when the panel does not fit the integer scheme (see the module
 * comment). Same inputs, same `AggregateResult` as `aggregateExact`. Each pass is a function of its
 * own and each cell a call (issue 22): V8 optimises them within the first aggregations, where one
 * long function would wait for on-stack replacement of its loops.
 */
export function aggregateFast(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[],
): AggregateResult | null {
  const settings = pkg.aggregation;
  const criteria = pkg.rubric.criteria;
  const K = criteria.length;
  const column = new Map<string, number>();
  for (let j = 0; j < K; j++) column.set(criteria[j]?.id ?? '', j);
  if (column.size !== K) return null;

  // Weights as integers at scale 10^w; the deviation threshold at 10^t.
  let w = 0;
  for (const c of criteria) {
    const d = decimalPlaces(c.weight ?? 1);
    if (d < 0) return null;
    w = Math.max(w, d);
  }
  const weights: number[] = [];
  for (const c of criteria) weights.push(Math.round((c.weight ?? 1) * pow10(w)));
  const t = decimalPlaces(settings.deviationThreshold);
  if (t < 0) return null;
  const threshold = Math.round(settings.deviationThreshold * pow10(t));

  // One sheet per expert, the last one given wins; within it, the last entry per applicant.
  const byExpert = new Map<string, ScoreSheet>();
  for (const s of sheets)
    if (s.packageId === pkg.packageId && s.status === 'submitted') byExpert.set(s.expertId, s);
  const panelIds: string[] = [];
  for (const expert of pkg.panel.experts) panelIds.push(expert.id);
  const applicantIndex = new Map<string, number>();
  for (let a = 0; a < pkg.applicants.length; a++)
    applicantIndex.set(pkg.applicants[a]?.id ?? '', a);
  const E = panelIds.length;
  const A = pkg.applicants.length;
  if (new Set(panelIds).size !== E || applicantIndex.size !== A) return null;
  const cells: (ApplicantScore | undefined)[] = new Array<ApplicantScore | undefined>(A * E);
  for (let e = 0; e < E; e++) {
    const sheet = byExpert.get(panelIds[e] ?? '');
    if (sheet) placeSheet(sheet.scores, applicantIndex, cells, e * A);
  }

  // Pass 1: every counted cell's points as given; the most decimal places; the largest score.
  const raw = new Float64Array(A * E * K);
  const scan = scanPanel(cells, criteria, column, raw);
  if (scan === null) return null;
  const p = scan.places;
  const maxPoints = scan.maxPoints;
  const s = p + w;
  const unit = pow10(s);
  const pointScale = pow10(p);
  // Largest total at scale 10^s; every integer below is bounded by these estimates.
  let weightSum = 0;
  for (const weight of weights) weightSum += weight;
  const maxTotal = maxPoints * pointScale * weightSum;
  if (
    E * maxTotal * 200 + (E + 2) * unit * 2 >= LIMIT ||
    E * maxTotal * pow10(t) >= LIMIT ||
    threshold * E * unit >= LIMIT ||
    E * maxPoints * pointScale * 200 + (E + 2) * pointScale * 2 >= LIMIT
  )
    return null;

  // Decimals, each made once: a score as given (on first read of `perCriterion`); a total.
  const pointDecs = new Map<number, Dec>();
  const pointDec = (v: number): Dec => {
    let d = pointDecs.get(v);
    if (d === undefined) {
      d = dec(v);
      pointDecs.set(v, d);
    }
    return d;
  };
  const figures = new PanelFigures(
    settings,
    criteria,
    weights,
    unit,
    pointScale,
    pow10(t),
    threshold,
    { raw, criteria, pointDec },
    A,
    E,
  );

  const order =
    settings.tieBreakOrder.length > 0 ? settings.tieBreakOrder : criteria.map((c) => c.id);
  const orderColumns: (number | undefined)[] = [];
  for (const id of order) orderColumns.push(column.get(id));
  const width = 1 + orderColumns.length;
  const keys = new Float64Array(A * width);

  // Pass 2: totals, figures and keys per applicant.
  const results: FastApplicantResult[] = [];
  for (let a = 0; a < A; a++)
    results.push(
      applicantResult(
        figures,
        pkg.applicants[a]?.id ?? '',
        a,
        cells,
        panelIds,
        orderColumns,
        keys,
        a * width,
      ),
    );

  const submittedExpertIds: string[] = [];
  const missingExpertIds: string[] = [];
  for (const id of panelIds) (byExpert.has(id) ? submittedExpertIds : missingExpertIds).push(id);
  return {
    method: settings.method,
    results: rank(results, keys, width),
    submittedExpertIds,
    missingExpertIds,
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
