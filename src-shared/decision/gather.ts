/**
 * The set of sheets a panel decision rests on (第十二条（五）), gathered the same way at the chair's
 * desk and in `jiebang check`: each sheet validated against the rubric (`validateSheet`), only
 * submitted sheets of panel members for this package, one per expert — and the chair's own
 * submitted sheet, on the chair's device, joins without export or import.
 */
import type { ReviewPackage, ScoreSheet } from '../model';
import { describeSheetIssue, validateSheet } from '../scoring/sheet';

/**
 * What a sheet is as evidence: signed by its expert (a sheet bundle, or the chair's own sheet on
 * the chair's device, which the chair's signature carries), a transcription of a wet-signed paper
 * sheet (纸质评分表转录: the secretary's CSV or workbook, or `paper/<id>.json` in a panel bundle), or
 * an unsigned electronic sheet (a plain JSON file).
 */
export type SheetStanding = 'signed' | 'paper' | 'unsigned';

export interface SheetSource {
  sheet: ScoreSheet;
  /** Where it came from, for messages: a file name, or the chair's own sheet. */
  origin: string;
  standing: SheetStanding;
  /**
   * Validated against this package already, by the caller that took it in (the chair's import
   * judges every sheet bundle to the cell as it verifies it): not validated a second time.
   */
  judged?: boolean;
  /**
   * A transcription's trace, when the source has one (a panel bundle's `paper/<id>.json`): who
   * typed it in, who checked it, and the scan of the wet-signed original by path and SHA-256.
   */
  paper?: PaperTrace;
}

/** Where a transcribed paper sheet came from (纸质转录): the people, and the scan. */
export interface PaperTrace {
  transcribedBy?: string;
  checkedBy?: string;
  scan?: { path: string; sha256: string };
}

/** How a counted sheet came in, as the exported tables name it (来源). */
export interface SheetProvenance {
  expertId: string;
  standing: SheetStanding;
  paper?: PaperTrace;
}

/** The provenance of counted sources, for the tables (`expertScoresTable`, `summaryTable`). */
export const provenanceOf = (sources: readonly SheetSource[]): SheetProvenance[] =>
  sources.map((s) => ({
    expertId: s.sheet.expertId,
    standing: s.standing,
    ...(s.paper ? { paper: s.paper } : {}),
  }));

export interface SheetProblem {
  origin: string;
  expertId: string;
  message: string;
}

export interface GatheredSheets {
  /** Sheets that count, one per expert, in roster order. */
  sheets: ScoreSheet[];
  /** Sheets refused (not submitted, or against the rubric), each with why. */
  problems: SheetProblem[];
  /**
   * Valid sheets that do not count because another sheet of the same expert does
   * (`whichSheetCounts`), each with the one sentence saying which.
   */
  setAside: SheetProblem[];
  /** The source of each counted sheet, in the order of `sheets` (its standing, its paper trace). */
  counted: SheetSource[];
}

/**
 * Which of two sheets of one expert counts — the one rule every door applies (the chair's paper
 * import and desk, `jiebang score`/`check`/`export`/`ingest`, the forms' verification): a signed
 * electronic sheet counts over a paper transcription or an unsigned sheet, whichever was given
 * first (a transcription never replaces what the expert signed); of two of the same standing —
 * two transcriptions, two unsigned sheets, two signed ones — the later given counts (a corrected
 * transcription replaces the earlier one). The sentence names the expert and why the other one
 * does not count; the door puts the set-aside sheet's origin before it.
 */
export function whichSheetCounts(
  earlier: Pick<SheetSource, 'origin' | 'standing'>,
  later: Pick<SheetSource, 'origin' | 'standing'>,
  expertId: string,
): { counts: 'earlier' | 'later'; sentence: string } {
  const signedOver = (other: SheetStanding) =>
    `专家 ${expertId} 已有签名的电子评分表，${other === 'paper' ? '纸质评分表转录' : '未签名的评分表'}不予采用（签名的电子评分表优先）`;
  if (earlier.standing === 'signed' && later.standing !== 'signed')
    return { counts: 'earlier', sentence: signedOver(later.standing) };
  if (later.standing === 'signed' && earlier.standing !== 'signed')
    return { counts: 'later', sentence: signedOver(earlier.standing) };
  return {
    counts: 'later',
    sentence: `专家 ${expertId} 的评分表给出两次（${earlier.origin}、${later.origin}），以后者为准`,
  };
}

/** A sheet not counted, as every door words it: where it came from, then why. */
export const notCountedLine = (p: SheetProblem): string => `${p.origin}不予计入：${p.message}`;

/** The origin the chair's own sheet is named by. */
export const OWN_SHEET = '组长本人的评分表';

/**
 * Gathers sheets: refused ones are listed in `problems` (by origin, naming expert, applicant and
 * criterion) and never counted; of two valid sheets from one expert `whichSheetCounts` decides,
 * the other listed in `setAside`. `own`, the chair's own sheet held on this device, joins (signed)
 * when submitted, after every source.
 */
export function gatherSheets(
  pkg: ReviewPackage,
  sources: readonly SheetSource[],
  own?: ScoreSheet | null,
): GatheredSheets {
  const problems: SheetProblem[] = [];
  const setAside: SheetProblem[] = [];
  const byExpert = new Map<string, SheetSource>();
  const all: readonly SheetSource[] = [
    ...sources,
    ...(own && own.status === 'submitted'
      ? [{ sheet: own, origin: OWN_SHEET, standing: 'signed' as const }]
      : []),
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
    const earlier = byExpert.get(sheet.expertId);
    const chosen = earlier ? whichSheetCounts(earlier, source, sheet.expertId) : null;
    if (earlier && chosen)
      setAside.push({
        origin: chosen.counts === 'later' ? earlier.origin : origin,
        expertId: sheet.expertId,
        message: chosen.sentence,
      });
    if (chosen?.counts !== 'earlier') byExpert.set(sheet.expertId, source);
  }
  const counted = pkg.panel.experts.flatMap((e) => {
    const s = byExpert.get(e.id);
    return s ? [s] : [];
  });
  const sheets = counted.map((s) => s.sheet);
  gatheredFor.set(sheets, pkg);
  return { sheets, problems, setAside, counted };
}

/** Arrays `gatherSheets` returned, with the package they were validated against. */
const gatheredFor = new WeakMap<readonly ScoreSheet[], ReviewPackage>();

/** Is `sheets` exactly what `gatherSheets` returned for `pkg` (validated, nothing to refuse)? */
export const isGathered = (sheets: readonly ScoreSheet[], pkg: ReviewPackage): boolean =>
  gatheredFor.get(sheets) === pkg;
