/**
 * An expert's edits to their score sheet as pure functions: the form sends a `SheetEdit`, the
 * renderer's workflow applies it with `applySheetEdit` and saves the result. A sheet that is no
 * longer a draft (submitted, exported) is never changed.
 */
import { MONEY_PATTERN } from '../money';
import type { ApplicantScore, RecusalKind, ReviewPackage, ScoreSheet } from '../model';
import { validateSheet } from './sheet';

/** One edit of one applicant's score, as the form makes it. */
export type SheetEdit =
  /** A criterion's points; null clears the criterion (its comment goes with it). */
  | { type: 'points'; applicantId: string; criterionId: string; points: number | null }
  | { type: 'comment'; applicantId: string; criterionId: string; comment: string }
  /** 回避 (第七条): the applicant's score is replaced by the recusal, with its kind and reason. */
  | { type: 'recuse'; applicantId: string; kind: RecusalKind; reason: string }
  | { type: 'withdraw-recusal'; applicantId: string }
  | { type: 'opinion'; applicantId: string; text: string }
  | { type: 'deviation-reason'; applicantId: string; text: string }
  /** 建议经费 (万元): a plain amount, or '' to remove it; anything else changes nothing. */
  | { type: 'suggested-funding'; applicantId: string; amount: string };

/** A new, empty draft sheet of `expertId` for `pkg`. */
export function emptySheet(pkg: ReviewPackage, expertId: string, pledgeAt?: string): ScoreSheet {
  return {
    formatVersion: 1,
    packageId: pkg.packageId,
    expertId,
    status: 'draft',
    scores: [],
    ...(pledgeAt ? { pledgeConfirmedAt: pledgeAt } : {}),
  };
}

/** The applicant's score on the sheet (an empty one when nothing is entered yet). */
export function scoreOf(sheet: ScoreSheet, applicantId: string): ApplicantScore {
  return (
    sheet.scores.find((s) => s.applicantId === applicantId) ?? {
      applicantId,
      criteria: [],
      overallOpinion: '',
    }
  );
}

function editScore(score: ApplicantScore, edit: SheetEdit): ApplicantScore {
  switch (edit.type) {
    case 'points': {
      if (edit.points === null)
        return {
          ...score,
          criteria: score.criteria.filter((c) => c.criterionId !== edit.criterionId),
        };
      return setCriterion(score, edit.criterionId, { points: edit.points });
    }
    case 'comment':
      return setCriterion(score, edit.criterionId, { comment: edit.comment });
    case 'recuse':
      return {
        applicantId: edit.applicantId,
        recusal: { kind: edit.kind, reason: edit.reason },
        criteria: [],
        overallOpinion: '',
      };
    case 'withdraw-recusal':
      return { applicantId: edit.applicantId, criteria: [], overallOpinion: '' };
    case 'opinion':
      return { ...score, overallOpinion: edit.text };
    case 'deviation-reason':
      return { ...score, deviationReason: edit.text };
    case 'suggested-funding': {
      const { suggestedFunding: _old, ...rest } = score;
      if (edit.amount === '') return rest;
      return MONEY_PATTERN.test(edit.amount) ? { ...rest, suggestedFunding: edit.amount } : score;
    }
    default: {
      const unknown: never = edit;
      throw new Error(`unknown sheet edit ${JSON.stringify(unknown)}`);
    }
  }
}

/** A criterion's points or comment set; a criterion first given a comment starts at 0 points. */
function setCriterion(
  score: ApplicantScore,
  criterionId: string,
  patch: { points?: number; comment?: string },
): ApplicantScore {
  const existing = score.criteria.find((c) => c.criterionId === criterionId);
  const next = { ...(existing ?? { criterionId, points: 0, comment: '' }), ...patch };
  const criteria = existing
    ? score.criteria.map((c) => (c.criterionId === criterionId ? next : c))
    : [...score.criteria, next];
  return { ...score, criteria };
}

/** The sheet with `edit` applied; a sheet that is not a draft is returned unchanged. */
export function applySheetEdit(sheet: ScoreSheet, edit: SheetEdit): ScoreSheet {
  if (sheet.status !== 'draft') return sheet;
  const updated = editScore(scoreOf(sheet, edit.applicantId), edit);
  const scores = sheet.scores.some((s) => s.applicantId === edit.applicantId)
    ? sheet.scores.map((s) => (s.applicantId === edit.applicantId ? updated : s))
    : [...sheet.scores, updated];
  return { ...sheet, scores };
}

/** The sheet submitted at `at` (ISO time): locked for edits. */
export const submitSheet = (sheet: ScoreSheet, at: string): ScoreSheet => ({
  ...sheet,
  status: 'submitted',
  submittedAt: at,
});

/** A submitted sheet back to a draft (before it is exported), without its submission time. */
export function reopenSheet(sheet: ScoreSheet): ScoreSheet {
  const { submittedAt: _dropped, ...rest } = sheet;
  return { ...rest, status: 'draft' };
}

export type ApplicantStatus = 'todo' | 'doing' | 'done' | 'recused';

/** Where the expert stands with one applicant: not started, started, complete, or recused. */
export function applicantStatus(
  pkg: ReviewPackage,
  sheet: ScoreSheet,
  applicantId: string,
): ApplicantStatus {
  const score = sheet.scores.find((s) => s.applicantId === applicantId);
  if (!score) return 'todo';
  if (score.recusal) return 'recused';
  const issues = validateSheet(
    { ...sheet, scores: [score] },
    { ...pkg, applicants: pkg.applicants.filter((a) => a.id === applicantId) },
  );
  return issues.length === 0 ? 'done' : 'doing';
}
