/**
 * What the chair's distribution chart draws, from the 评分汇总表 rows the desk already has
 * (`summaryTable()`): per applicant, in the package's order, every expert's total (recusals and
 * missing sheets left out), its lowest and highest, and the figure the ranking uses. Pure: the
 * chart draws it on a canvas (one range per applicant however large the panel), and its text
 * alternative says what it shows (`describeSpread`).
 */
import type { ReviewPackage } from '../../../src-shared/model';
import type { SummaryTable } from '../../../src-shared/summary';
import { message, type Message } from '../i18n/strings';

export interface ApplicantSpread {
  applicantId: string;
  /** Every expert's total (points, two places as shown). */
  totals: number[];
  /** Lowest and highest total; null with no total. */
  min: number | null;
  max: number | null;
  /** The figure the ranking uses (bold in the table); null with no valid sheet. */
  final: number | null;
}

/** The spread of every applicant of `table`, in the order of `pkg.applicants`. */
export function spreadOf(pkg: ReviewPackage, table: SummaryTable): ApplicantSpread[] {
  const byId = new Map(table.rows.map((r) => [r.applicantId, r]));
  return pkg.applicants.map((a) => {
    const totals: number[] = [];
    let final: number | null = null;
    for (const cell of byId.get(a.id)?.cells ?? []) {
      if (cell.kind === 'total') totals.push(Number(cell.value));
      else if (cell.kind === 'figure' && cell.isFinal && cell.value !== null)
        final = Number(cell.value);
    }
    return {
      applicantId: a.id,
      totals,
      min: totals.length > 0 ? Math.min(...totals) : null,
      max: totals.length > 0 ? Math.max(...totals) : null,
      final,
    };
  });
}

export interface SpreadSummary {
  applicants: number;
  /** Lowest and highest total of any expert for any applicant; null with no total at all. */
  min: number | null;
  max: number | null;
  /** The applicant whose experts' totals lie furthest apart (the first such, in order). */
  widest: { applicantId: string; range: number } | null;
}

/** The chart in a sentence's figures (its accessible text alternative). */
export function describeSpread(spreads: readonly ApplicantSpread[]): SpreadSummary {
  let min: number | null = null;
  let max: number | null = null;
  let widest: SpreadSummary['widest'] = null;
  for (const s of spreads) {
    if (s.min === null || s.max === null) continue;
    min = min === null ? s.min : Math.min(min, s.min);
    max = max === null ? s.max : Math.max(max, s.max);
    const range = Math.round((s.max - s.min) * 100) / 100;
    if (widest === null || range > widest.range) widest = { applicantId: s.applicantId, range };
  }
  return { applicants: spreads.length, min, max, widest };
}

/**
 * The chart's text alternative (and the line under it): the lowest and highest totals and the
 * applicant whose experts lie furthest apart; said plainly when every applicant's experts gave the
 * same total (no spread to name), and when nothing is gathered yet.
 */
export function spreadSentence(summary: SpreadSummary): Message {
  const { applicants, min, max, widest } = summary;
  if (min === null || max === null || widest === null)
    return message('chair.chartEmpty', { applicants });
  if (widest.range === 0)
    return min === max
      ? message('chair.chartAllSame', { applicants, total: min.toFixed(2) })
      : message('chair.chartAgree', { applicants, min: min.toFixed(2), max: max.toFixed(2) });
  return message('chair.chartAlt', {
    applicants,
    min: min.toFixed(2),
    max: max.toFixed(2),
    widest: widest.applicantId,
    range: widest.range.toFixed(2),
  });
}
