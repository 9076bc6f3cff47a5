/** Validation and totals of one expert's sheet. Pure; messages in Chinese, in place for the UI. */
import { dec, onStep, sum, type Dec } from '../money';
import type { ApplicantScore, Criterion, ReviewPackage, Rubric, ScoreSheet } from '../model';

export interface SheetIssue {
  applicantId: string;
  /** The criterion the issue sits on, or undefined for the applicant as a whole. */
  criterionId?: string;
  field: 'points' | 'comment' | 'opinion' | 'deviationReason' | 'recusal' | 'missing';
  message: string;
}

/** The applicant's total: the sum of points, or of points × weight when the rubric has weights. */
export function applicantTotal(score: ApplicantScore, rubric: Rubric): Dec {
  const byId = new Map(score.criteria.map((c) => [c.criterionId, c.points]));
  return sum(
    rubric.criteria.map((c) => {
      const points = byId.get(c.id) ?? 0;
      return dec(points).times(c.weight ?? 1);
    }),
  );
}

/** The largest possible total. */
export function maxTotal(rubric: Rubric): Dec {
  return sum(rubric.criteria.map((c) => dec(c.maxPoints).times(c.weight ?? 1)));
}

function needsComment(criterion: Criterion, points: number, rubric: Rubric): boolean {
  return criterion.requiresComment || points < criterion.maxPoints * rubric.commentBelowFraction;
}

/** Issues with one criterion's points and comment (range, step, required comment). */
export function criterionIssues(
  applicantId: string,
  criterion: Criterion,
  points: number | undefined,
  comment: string,
  rubric: Rubric,
): SheetIssue[] {
  if (points === undefined || Number.isNaN(points)) {
    return [
      {
        applicantId,
        criterionId: criterion.id,
        field: 'points',
        message: `请为“${criterion.name}”评分`,
      },
    ];
  }
  const issues: SheetIssue[] = [];
  if (points < 0 || points > criterion.maxPoints) {
    issues.push({
      applicantId,
      criterionId: criterion.id,
      field: 'points',
      message: `“${criterion.name}”的分值应在 0 至 ${criterion.maxPoints} 分之间`,
    });
  } else if (!onStep(points, criterion.step)) {
    issues.push({
      applicantId,
      criterionId: criterion.id,
      field: 'points',
      message: `“${criterion.name}”的分值须为 ${criterion.step} 分的整数倍`,
    });
  }
  if (needsComment(criterion, points, rubric) && comment.trim() === '') {
    issues.push({
      applicantId,
      criterionId: criterion.id,
      field: 'comment',
      message: criterion.requiresComment
        ? `“${criterion.name}”须填写评语`
        : `“${criterion.name}”得分低于满分的 ${Math.round(rubric.commentBelowFraction * 100)}%，须填写评语`,
    });
  }
  return issues;
}

/** Every issue that keeps a sheet from being submitted. */
export function validateSheet(sheet: ScoreSheet, pkg: ReviewPackage): SheetIssue[] {
  const issues: SheetIssue[] = [];
  for (const applicant of pkg.applicants) {
    const score = sheet.scores.find((s) => s.applicantId === applicant.id);
    if (!score) {
      issues.push({
        applicantId: applicant.id,
        field: 'missing',
        message: `尚未评审：${applicant.name}`,
      });
      continue;
    }
    if (score.recusal) {
      if (score.criteria.length > 0) {
        issues.push({
          applicantId: applicant.id,
          field: 'recusal',
          message: `已回避的揭榜方不得评分：${applicant.name}`,
        });
      }
      continue;
    }
    const byId = new Map(score.criteria.map((c) => [c.criterionId, c]));
    for (const criterion of pkg.rubric.criteria) {
      const entry = byId.get(criterion.id);
      issues.push(
        ...criterionIssues(
          applicant.id,
          criterion,
          entry?.points,
          entry?.comment ?? '',
          pkg.rubric,
        ),
      );
    }
    const total = applicantTotal(score, pkg.rubric);
    const complete = pkg.rubric.criteria.every((c) => byId.has(c.id));
    if (
      complete &&
      total.lt(pkg.aggregation.passScore) &&
      (score.deviationReason ?? '').trim() === ''
    ) {
      issues.push({
        applicantId: applicant.id,
        field: 'deviationReason',
        message: `总分 ${total.toFixed()} 低于 ${pkg.aggregation.passScore} 分（不予推荐），须写明理由`,
      });
    }
    if (score.overallOpinion.trim() === '') {
      issues.push({
        applicantId: applicant.id,
        field: 'opinion',
        message: `请填写对“${applicant.name}”的总体意见`,
      });
    }
  }
  return issues;
}
