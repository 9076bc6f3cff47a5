/**
 * Paper score sheets typed in by the secretary (issue 19): double entry — two transcriptions of
 * the same paper, compared cell by cell, differences shown until they agree. Each transcription
 * is read through the one door for paper scores (`readSheetsCsv`), never parsed here.
 */
import { RECUSAL_LABEL, type ReviewPackage, type ScoreSheet } from '../model';

export interface TranscriptionDifference {
  expertId: string;
  applicantId: string;
  /** What the cell is, in the sheet's terms: a criterion's id and name, 回避, 总体意见, 偏离理由. */
  cell: string;
  first: string;
  second: string;
}

/** One transcription's cells, keyed `expert/applicant/cell`, as text. */
function cells(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[],
): Map<string, [string, string, string, string]> {
  const out = new Map<string, [string, string, string, string]>();
  for (const sheet of sheets)
    for (const score of sheet.scores) {
      const put = (cell: string, value: string) =>
        out.set(`${sheet.expertId}/${score.applicantId}/${cell}`, [
          sheet.expertId,
          score.applicantId,
          cell,
          value,
        ]);
      put(
        '回避',
        score.recusal ? `${RECUSAL_LABEL[score.recusal.kind]}：${score.recusal.reason}` : '',
      );
      for (const c of pkg.rubric.criteria)
        put(
          `${c.id} ${c.name}`,
          String(score.criteria.find((x) => x.criterionId === c.id)?.points ?? ''),
        );
      put('总体意见', score.overallOpinion);
      put('偏离理由', score.deviationReason ?? '');
    }
  return out;
}

/**
 * Every cell where two transcriptions of the same paper sheets differ (a row only one of them has
 * counts as differing in each of its cells); empty when they agree.
 */
export function compareTranscriptions(
  pkg: ReviewPackage,
  first: readonly ScoreSheet[],
  second: readonly ScoreSheet[],
): TranscriptionDifference[] {
  const a = cells(pkg, first);
  const b = cells(pkg, second);
  const diffs: TranscriptionDifference[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const [expertId, applicantId, cell] = x ?? y ?? ['', '', ''];
    const left = x?.[3] ?? '（无此行）';
    const right = y?.[3] ?? '（无此行）';
    if (left !== right) diffs.push({ expertId, applicantId, cell, first: left, second: right });
  }
  return diffs;
}
