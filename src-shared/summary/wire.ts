/**
 * The 评分汇总表 as a message carries it (issue 22: the chair's desk makes it in its Web Worker with
 * `summaryTable`, every figure already a display string rounded by `fmt2`, and the page draws it):
 * the schema the page reads it through, the same shape as `SummaryTable`.
 */
import { z } from 'zod';
import type { SummaryCell, SummaryTable } from './summary';

const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string';
const has = (v: object, key: string): unknown => (key in v ? Reflect.get(v, key) : undefined);

/**
 * One cell, checked field by field for its kind. A table of 200 applicants × 49 experts has some
 * 14,000 cells, and in the page (whose CSP forbids the code zod compiles to check objects fast)
 * a zod object schema per cell took longer than the 200 ms a task may: this check reads the same
 * shape as `SummaryCell`, exhaustively, without building a schema per cell.
 */
export function isSummaryCell(v: unknown): v is SummaryCell {
  if (typeof v !== 'object' || v === null) return false;
  const kind = has(v, 'kind');
  switch (kind) {
    case 'rank': {
      const rank = has(v, 'rank');
      return (
        (rank === null || (Number.isInteger(rank) && typeof rank === 'number' && rank > 0)) &&
        typeof has(v, 'tied') === 'boolean'
      );
    }
    case 'text':
      return typeof has(v, 'text') === 'string';
    case 'total': {
      const dropped = has(v, 'dropped');
      return (
        typeof has(v, 'value') === 'string' &&
        (dropped === null || dropped === 'high' || dropped === 'low') &&
        isNullableString(has(v, 'deviation')) &&
        isNullableString(has(v, 'reason'))
      );
    }
    case 'figure':
      return isNullableString(has(v, 'value')) && typeof has(v, 'isFinal') === 'boolean';
    case 'count': {
      const value = has(v, 'value');
      return (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 0 &&
        typeof has(v, 'isBelowMin') === 'boolean'
      );
    }
    case 'mark': {
      const text = has(v, 'text');
      return text === '回避' || text === '—';
    }
    default:
      return false;
  }
}

export const SummaryTableSchema = z.object({
  packageId: z.string(),
  title: z.string(),
  columns: z.array(
    z.object({
      key: z.string(),
      header: z.string(),
      title: z.string(),
      role: z.enum([
        'rank',
        'applicant-id',
        'applicant',
        'expert',
        'figure',
        'criterion',
        'valid',
        'method',
        'detail',
      ]),
      numeric: z.boolean(),
    }),
  ),
  rows: z.array(
    z.object({
      applicantId: z.string(),
      cells: z.array(z.custom<SummaryCell>(isSummaryCell, 'not a cell of the 评分汇总表')),
    }),
  ),
  method: z.string(),
  legend: z.string(),
  notes: z.array(z.string()),
}) satisfies z.ZodType<SummaryTable>;
