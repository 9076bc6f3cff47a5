import type { Aggregation, AggregationMethod } from '../model';

/**
 * The method applied to one applicant: the package's, except a trimmed mean with fewer valid sheets
 * than `trimMinSheets`, which falls back to the plain mean — and says so.
 */
export function appliedMethod(
  settings: Aggregation,
  validSheets: number,
): { method: AggregationMethod; note: string | null } {
  if (settings.method === 'trimmed-mean' && validSheets < Math.max(3, settings.trimMinSheets)) {
    return {
      method: 'mean',
      note: `有效评分表 ${validSheets} 份，少于去极值所需的 ${Math.max(3, settings.trimMinSheets)} 份，按算术平均汇总`,
    };
  }
  return { method: settings.method, note: null };
}
