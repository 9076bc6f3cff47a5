/**
 * Aggregation of a panel's sheets, in the open (docs/domain.md "Scoring"): every expert's total, mean,
 * trimmed mean (highest and lowest dropped at ≥ trimMinSheets valid sheets, the dropped ones
 * marked), median, spread, per-criterion means; recused sheets never count; deviations flagged;
 * ranking with the declared tie-break order, remaining ties left for the chair.
 * All arithmetic is exact; figures are shown rounded half-up to 2 places. `aggregate` computes on
 * integers (`aggregateFast`) and falls back to the decimal reference (`aggregateExact`, decimal.js
 * for every sum) for a panel the integer scheme does not hold; both give the same result.
 */
import { dec, fmt2, sum, ZERO, type Dec } from '../money';
import type { Aggregation, AggregationMethod, ReviewPackage, ScoreSheet } from '../model';
import { aggregateFast } from './aggregate-fast';
import { appliedMethod } from './method';
import { applicantTotal } from './sheet';

export { appliedMethod };

export interface ExpertTotal {
  expertId: string;
  total: Dec;
  /** Dropped by the trimmed mean (one highest, one lowest). */
  dropped: 'high' | 'low' | null;
  /** Deviates from the mean of the other experts by more than the threshold. */
  deviation: Dec | null;
  deviationReason?: string;
  perCriterion: Record<string, Dec>;
}

export interface ApplicantResult {
  applicantId: string;
  experts: ExpertTotal[];
  recusedExpertIds: string[];
  validSheets: number;
  /** null for every figure below: no valid sheet, so no figure and no rank (「无有效评分」). */
  mean: Dec | null;
  trimmedMean: Dec | null;
  median: Dec | null;
  min: Dec | null;
  max: Dec | null;
  spread: Dec | null;
  criterionMeans: Record<string, Dec>;
  /** The method actually applied: the package's, or the plain mean when too few sheets to trim. */
  method: AggregationMethod | null;
  /** Why the applied method is not the package's (null when it is, or with no valid sheet). */
  methodNote: string | null;
  /** Fewer valid sheets than the package's `aggregation.minValidSheets`. */
  belowMinValidSheets: boolean;
  /** The score the ranking uses, by the applied method; null with no valid sheet. */
  final: Dec | null;
  /** null with no valid sheet: never ranked. */
  rank: number | null;
  /** Other applicants still tied after the declared tie-break order (for the chair to break). */
  tiedWith: string[];
}

export interface AggregateResult {
  /** The package's method (each applicant's `method` says what was actually applied). */
  method: Aggregation['method'];
  results: ApplicantResult[];
  /** Submitted sheets per expert; experts with no sheet are missing. */
  submittedExpertIds: string[];
  missingExpertIds: string[];
}

/** How each method is written in tables, opinions and prints. */
export const METHOD_LABEL: Record<AggregationMethod, string> = {
  mean: '算术平均',
  'trimmed-mean': '去掉一个最高分和一个最低分后平均',
  median: '中位数',
};

/** The same, short, for a table's column. */
export const METHOD_SHORT: Record<AggregationMethod, string> = {
  mean: '算术平均',
  'trimmed-mean': '去极值平均',
  median: '中位数',
};

/** 「无有效评分」: what stands where an applicant with no valid sheet would have a figure. */
export const NO_VALID_SHEETS = '无有效评分';

export function median(values: readonly Dec[]): Dec {
  if (values.length === 0) return ZERO;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? ZERO;
  return sorted.length % 2 === 1 ? hi : (sorted[mid - 1] ?? ZERO).plus(hi).div(2);
}

export function mean(values: readonly Dec[]): Dec {
  return values.length === 0 ? ZERO : sum(values).div(values.length);
}

/**
 * Trimmed mean: drops one highest and one lowest value when there are at least `minSheets`;
 * returns the indexes dropped so the UI can mark them.
 */
export function trimmedMean(
  values: readonly Dec[],
  minSheets: number,
): { value: Dec; low: number; high: number } | null {
  if (values.length < minSheets || values.length < 3) return null;
  let low = 0;
  let high = 0;
  values.forEach((v, i) => {
    if (v.lt(values[low] ?? v)) low = i;
    if (v.gt(values[high] ?? v)) high = i;
  });
  if (low === high) high = low === 0 ? 1 : 0; // all equal: drop two of them
  const kept = values.filter((_, i) => i !== low && i !== high);
  return { value: mean(kept), low, high };
}

function finalScore(
  r: { mean: Dec; trimmedMean: Dec | null; median: Dec },
  method: AggregationMethod,
): Dec {
  if (method === 'median') return r.median;
  if (method === 'trimmed-mean') return r.trimmedMean ?? r.mean;
  return r.mean;
}

/** Compares for ranking: final score, then the tie-break criteria means in order (display precision). */
function compareResults(a: ApplicantResult, b: ApplicantResult, order: readonly string[]): number {
  // Unranked (no valid sheet) after every ranked applicant.
  if (a.final === null || b.final === null)
    return (a.final === null ? 1 : 0) - (b.final === null ? 1 : 0);
  const byFinal = dec(fmt2(b.final)).comparedTo(dec(fmt2(a.final)));
  if (byFinal !== 0) return byFinal;
  for (const id of order) {
    const diff = dec(fmt2(b.criterionMeans[id] ?? ZERO)).comparedTo(
      dec(fmt2(a.criterionMeans[id] ?? ZERO)),
    );
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The panel's aggregation: every door (the chair's desk, `jiebang score` and `jiebang check`, the
 * decision's check) calls this. Integers where the panel allows (every real rubric does), the
 * decimal reference otherwise; the same result either way.
 */
export function aggregate(pkg: ReviewPackage, sheets: readonly ScoreSheet[]): AggregateResult {
  return aggregateFast(pkg, sheets) ?? aggregateExact(pkg, sheets);
}

/** The exact decimal reference (decimal.js for every sum): what the fast path must equal. */
export function aggregateExact(pkg: ReviewPackage, sheets: readonly ScoreSheet[]): AggregateResult {
  const settings = pkg.aggregation;
  const submitted = sheets.filter((s) => s.packageId === pkg.packageId && s.status === 'submitted');
  // One sheet per expert: the last one given wins (imports replace earlier copies).
  const byExpert = new Map(submitted.map((s) => [s.expertId, s]));
  // Each sheet's scores by applicant, looked up once per cell rather than searched.
  const scoresOf = new Map(
    submitted.map((s) => [s.expertId, new Map(s.scores.map((x) => [x.applicantId, x]))]),
  );
  const panelIds = pkg.panel.experts.map((e) => e.id);
  const results: ApplicantResult[] = pkg.applicants.map((applicant) => {
    const experts: ExpertTotal[] = [];
    const recused: string[] = [];
    for (const expertId of panelIds) {
      const score = scoresOf.get(expertId)?.get(applicant.id);
      if (!score) continue;
      if (score.recusal) {
        recused.push(expertId);
        continue;
      }
      const perCriterion: Record<string, Dec> = {};
      const points = new Map(score.criteria.map((x) => [x.criterionId, x.points]));
      for (const c of pkg.rubric.criteria) perCriterion[c.id] = dec(points.get(c.id) ?? 0);
      experts.push({
        expertId,
        total: applicantTotal(score, pkg.rubric),
        dropped: null,
        deviation: null,
        ...(score.deviationReason ? { deviationReason: score.deviationReason } : {}),
        perCriterion,
      });
    }
    const totals = experts.map((e) => e.total);
    const trimmed = trimmedMean(totals, settings.trimMinSheets);
    if (trimmed) {
      const lowExpert = experts[trimmed.low];
      const highExpert = experts[trimmed.high];
      if (lowExpert) lowExpert.dropped = 'low';
      if (highExpert) highExpert.dropped = 'high';
    }
    // Deviation: distance from the mean of the *other* experts' totals.
    if (experts.length >= 2) {
      for (const e of experts) {
        const others = experts.filter((o) => o !== e).map((o) => o.total);
        const distance = e.total.minus(mean(others));
        if (distance.abs().gt(settings.deviationThreshold)) e.deviation = distance;
      }
    }
    const criterionMeans: Record<string, Dec> = {};
    if (experts.length > 0)
      for (const c of pkg.rubric.criteria)
        criterionMeans[c.id] = mean(experts.map((e) => e.perCriterion[c.id] ?? ZERO));
    const belowMinValidSheets = experts.length < settings.minValidSheets;
    const common = {
      applicantId: applicant.id,
      experts,
      recusedExpertIds: recused,
      validSheets: experts.length,
      criterionMeans,
      belowMinValidSheets,
      rank: null,
      tiedWith: [],
    };
    if (experts.length === 0) {
      return {
        ...common,
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
    const min = totals.reduce((m, v) => (v.lt(m) ? v : m));
    const max = totals.reduce((m, v) => (v.gt(m) ? v : m));
    const base = {
      mean: mean(totals),
      trimmedMean: trimmed ? trimmed.value : null,
      median: median(totals),
    };
    const applied = appliedMethod(settings, experts.length);
    return {
      ...common,
      ...base,
      min,
      max,
      spread: max.minus(min),
      method: applied.method,
      methodNote: applied.note,
      final: finalScore(base, applied.method),
    };
  });
  const order =
    settings.tieBreakOrder.length > 0
      ? settings.tieBreakOrder
      : pkg.rubric.criteria.map((c) => c.id);
  const ranked = [...results].sort(
    (a, b) => compareResults(a, b, order) || a.applicantId.localeCompare(b.applicantId),
  );
  ranked.forEach((r, i) => {
    if (r.final === null) return;
    const prev = ranked[i - 1];
    r.rank = prev && prev.rank !== null && compareResults(prev, r, order) === 0 ? prev.rank : i + 1;
  });
  for (const r of ranked) {
    r.tiedWith =
      r.rank === null
        ? []
        : ranked.filter((o) => o !== r && o.rank === r.rank).map((o) => o.applicantId);
  }
  return {
    method: settings.method,
    results: ranked,
    submittedExpertIds: panelIds.filter((id) => byExpert.has(id)),
    missingExpertIds: panelIds.filter((id) => !byExpert.has(id)),
  };
}
