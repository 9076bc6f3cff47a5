/**
 * The set of sheets a panel decision rests on (第十二条（五）), gathered the same way at the chair's
 * desk and in `jiebang check`: each sheet validated against the rubric (`validateSheet`), only
 * submitted sheets of panel members for this package, one per expert — and the chair's own
 * submitted sheet, on the chair's device, joins without export or import.
 */
import type { ReviewPackage, ScoreSheet } from '../model';
import { describeSheetIssue, validateSheet } from '../scoring/sheet';

export interface SheetSource {
  sheet: ScoreSheet;
  /** Where it came from, for messages: a file name, or the chair's own sheet. */
  origin: string;
  /**
   * Validated against this package already, by the caller that took it in (the chair's import
   * judges every sheet bundle to the cell as it verifies it): not validated a second time.
   */
  judged?: boolean;
}

export interface SheetProblem {
  origin: string;
  expertId: string;
  message: string;
}

export interface GatheredSheets {
  /** Sheets that count, one per expert, in roster order. */
  sheets: ScoreSheet[];
  /** Sheets that do not count, each with why. */
  problems: SheetProblem[];
}

/**
 * Gathers sheets: refused ones are listed in `problems` (by origin, naming expert, applicant and
 * criterion) and never counted; of two sheets from one expert the later source wins. `own`, the
 * chair's own sheet held on this device, joins when submitted and replaces an imported copy.
 */
export function gatherSheets(
  pkg: ReviewPackage,
  sources: readonly SheetSource[],
  own?: ScoreSheet | null,
): GatheredSheets {
  const problems: SheetProblem[] = [];
  const byExpert = new Map<string, ScoreSheet>();
  const all = [
    ...sources,
    ...(own && own.status === 'submitted' ? [{ sheet: own, origin: '组长本人的评分表' }] : []),
  ];
  for (const source of all) {
    const { sheet, origin } = source;
    if (sheet.status !== 'submitted') {
      problems.push({ origin, expertId: sheet.expertId, message: '评分表尚未提交' });
      continue;
    }
    const issues = source.judged === true ? [] : validateSheet(sheet, pkg);
    if (issues.length > 0) {
      for (const issue of issues)
        problems.push({
          origin,
          expertId: sheet.expertId,
          message: describeSheetIssue(issue, pkg),
        });
      continue;
    }
    byExpert.set(sheet.expertId, sheet);
  }
  const sheets = pkg.panel.experts.flatMap((e) => {
    const s = byExpert.get(e.id);
    return s ? [s] : [];
  });
  gatheredFor.set(sheets, pkg);
  return { sheets, problems };
}

/** Arrays `gatherSheets` returned, with the package they were validated against. */
const gatheredFor = new WeakMap<readonly ScoreSheet[], ReviewPackage>();

/** Is `sheets` exactly what `gatherSheets` returned for `pkg` (validated, nothing to refuse)? */
export const isGathered = (sheets: readonly ScoreSheet[], pkg: ReviewPackage): boolean =>
  gatheredFor.get(sheets) === pkg;
